package org.ceportal.platform.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.ceportal.platform.security.Access;
import org.ceportal.platform.security.ClientAddresses;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

/**
 * What every request meets at the servlet boundary, in every servlet context (the
 * REST API's and the pages'):
 * <ul>
 * <li>the client's address ({@link ClientAddresses}) is put into the request for
 * {@link Access#clientAddress};</li>
 * <li>a query string with a broken percent-encoding or bytes that are not UTF-8 gets
 * 400 {@code bad_query} (problem+json) before any servlet reads its parameters; the
 * servlet container would otherwise fail with a 500 (Jersey asks it for the
 * parameters of every form-encoded request);</li>
 * <li>a body that nobody read (a 401, 404, 405 or 415 answered before the resource
 * ran) is read away afterwards, up to {@link #DRAIN_LIMIT}, so that the client's
 * kept-alive connection stays usable for its next request instead of being closed
 * under it.</li>
 * </ul>
 */
@Component(service = Filter.class)
@HttpWhiteboardFilterName("ceportal-servlet-boundary")
@HttpWhiteboardFilterPattern("/*")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=*)")
public final class ServletBoundaryFilter implements Filter {
    private final ClientAddresses clients;

    @Activate
    public ServletBoundaryFilter(@Reference ClientAddresses clients) {
        this.clients = clients;
    }

    static final String MESSAGE = "请求地址中的参数编码不正确";
    /** Unread bodies up to this size are read away; beyond it the connection may close. */
    static final long DRAIN_LIMIT = 1 << 20;
    private static final byte[] BODY = ("{\"type\":\"urn:ceportal:problem:bad_query\",\"title\":\"Bad Request\",\"status\":400,"
            + "\"code\":\"bad_query\",\"message\":\"" + MESSAGE + "\",\"errors\":[]}").getBytes(StandardCharsets.UTF_8);

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http) {
            // for audit records and throttles further in (JAX-RS request properties are these attributes)
            request.setAttribute(Access.CLIENT_ADDRESS_PROPERTY, clients.of(http));
        }
        if (request instanceof HttpServletRequest http && !validQuery(http.getQueryString())) {
            HttpServletResponse out = (HttpServletResponse) response;
            out.setStatus(400);
            out.setContentType(Problems.MEDIA_TYPE + ";charset=UTF-8");
            out.setContentLength(BODY.length);
            out.getOutputStream().write(BODY);
            drain(request);
            return;
        }
        chain.doFilter(request, response);
        drain(request);
    }

    private static void drain(ServletRequest request) {
        long length = request.getContentLengthLong();
        if (length == 0 || length > DRAIN_LIMIT || length < 0 && !chunked(request)) {
            return; // no body (most GETs: no Content-Length, not chunked), or one too big to read away
        }
        try {
            InputStream in = request.getInputStream();
            byte[] buffer = new byte[8192];
            long left = DRAIN_LIMIT;
            for (int n; left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0;) {
                left -= n;
            }
        } catch (IOException | IllegalStateException e) {
            // read through a reader already, or the client went away: nothing to keep alive
        }
    }

    private static boolean chunked(ServletRequest request) {
        return request instanceof HttpServletRequest http && http.getHeader("Transfer-Encoding") != null;
    }

    /** True when every {@code %XX} is two hex digits and the decoded bytes are UTF-8. */
    static boolean validQuery(String raw) {
        if (raw == null || raw.indexOf('%') < 0 && raw.chars().allMatch(c -> c < 0x80)) {
            return true;
        }
        for (String part : raw.split("[&=]", -1)) {
            ByteBuffer bytes = ByteBuffer.allocate(part.length());
            for (int i = 0; i < part.length(); i++) {
                char c = part.charAt(i);
                if (c == '%') {
                    if (i + 2 >= part.length()) {
                        return false;
                    }
                    int hi = Character.digit(part.charAt(i + 1), 16);
                    int lo = Character.digit(part.charAt(i + 2), 16);
                    if (hi < 0 || lo < 0) {
                        return false;
                    }
                    bytes.put((byte) (hi * 16 + lo));
                    i += 2;
                } else if (c < 0x80) {
                    bytes.put((byte) c);
                } else {
                    return false;
                }
            }
            bytes.flip();
            try {
                StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(bytes);
            } catch (CharacterCodingException e) {
                return false;
            }
        }
        return true;
    }
}
