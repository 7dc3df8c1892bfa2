package org.ceportal.platform.internal;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.ceportal.platform.answers.SameForEveryone;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

/**
 * Gives a kept answer of a {@link SameForEveryone} method ({@link SharedAnswerCache})
 * to a {@code GET} of the same path and query at the servlet boundary, without the REST
 * pipeline: 200 with the kept headers and body, or 304 when the request's
 * {@code If-None-Match} names the kept ETag. Otherwise it marks the request with the
 * cache's generation and its key, for {@link SharedAnswerRecorder} to keep the answer
 * (without the request's validator, so that it is a whole answer, not a 304).
 * It runs after {@link ServletBoundaryFilter} (lower ranking), so broken queries are
 * refused first.
 */
@Component(service = Filter.class, property = "service.ranking:Integer=-10")
@HttpWhiteboardFilterName("ceportal-shared-answers")
@HttpWhiteboardFilterPattern("/*")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=*)")
public final class SharedAnswerFilter implements Filter {
    static final String KEY = "org.ceportal.shared-answer.key";
    static final String GENERATION = "org.ceportal.shared-answer.generation";
    private static final String IF_NONE_MATCH = "If-None-Match";

    private final SharedAnswerCache cache;

    @Activate
    public SharedAnswerFilter(@Reference SharedAnswerCache cache) {
        this.cache = cache;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && "GET".equals(http.getMethod())) {
            String query = http.getQueryString();
            String key = query == null ? http.getRequestURI() : http.getRequestURI() + "?" + query;
            SharedAnswerCache.Answer kept = cache.get(key);
            boolean fresh = kept != null && cache.fresh(kept);
            if (fresh && acceptsJson(http.getHeader("Accept"))) {
                give(kept, http, (HttpServletResponse) response);
                return;
            }
            request.setAttribute(GENERATION, cache.generation());
            request.setAttribute(KEY, key);
            if (kept != null && !fresh && http.getHeader(IF_NONE_MATCH) != null) {
                // A kept path whose answer went stale: the resource would answer 304, which cannot
                // be kept; without the validator it builds the whole answer (once a node and a few
                // seconds), kept for the next ones.
                chain.doFilter(new WithoutValidator(http), response);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The request without its {@code If-None-Match}. */
    static final class WithoutValidator extends HttpServletRequestWrapper {
        WithoutValidator(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return IF_NONE_MATCH.equalsIgnoreCase(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return IF_NONE_MATCH.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = Collections.list(super.getHeaderNames());
            names.removeIf(IF_NONE_MATCH::equalsIgnoreCase);
            return Collections.enumeration(names);
        }
    }

    /** The kept answers are JSON: a request that cannot take JSON goes on to get its 406. */
    static boolean acceptsJson(String accept) {
        return accept == null || accept.isEmpty() || accept.contains("json") || accept.contains("*/*");
    }

    private static void give(SharedAnswerCache.Answer kept, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        boolean unchanged = kept.etag() != null && matches(request.getHeader(IF_NONE_MATCH), kept.etag());
        for (Map.Entry<String, String> header : kept.headers()) {
            if (!unchanged || header.getKey().equalsIgnoreCase("ETag") || header.getKey().equalsIgnoreCase("Cache-Control")) {
                response.addHeader(header.getKey(), header.getValue());
            }
        }
        if (unchanged) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentLength(kept.body().length);
        response.getOutputStream().write(kept.body());
    }

    /** True when the {@code If-None-Match} list names the tag (weakly, as for a GET), or is {@code *}. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        String opaque = etag.startsWith("W/") ? etag.substring(2) : etag;
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.strip();
            if (c.equals("*") || (c.startsWith("W/") ? c.substring(2) : c).equals(opaque)) {
                return true;
            }
        }
        return false;
    }
}
