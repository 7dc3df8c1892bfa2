package org.ceportal.platform.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;

import org.ceportal.platform.answers.SameForEveryone;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

/**
 * Keeps the 200 answers of {@link SameForEveryone} methods (bound by that annotation)
 * in {@link SharedAnswerCache}: the response filter picks the answers to keep, the
 * writer interceptor copies the body as it is written and keeps it with the answer's
 * headers once the whole body is out. An answer that sets a cookie is never kept, nor
 * are the per-request headers ({@code Server-Timing}, {@code Date}, the length).
 */
@Component(service = {ContainerResponseFilter.class, WriterInterceptor.class})
@JakartarsExtension
@JakartarsName("ceportal-shared-answers")
@SameForEveryone
public final class SharedAnswerRecorder implements ContainerResponseFilter, WriterInterceptor {
    private static final String KEEP = "org.ceportal.shared-answer.keep";
    private static final Set<String> PER_REQUEST = Set.of("server-timing", "date", "content-length", "transfer-encoding",
            "connection", "set-cookie");

    private final SharedAnswerCache cache;

    @Activate
    public SharedAnswerRecorder(@Reference SharedAnswerCache cache) {
        this.cache = cache;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() == 200 && response.hasEntity() && "GET".equals(request.getMethod())
                && request.getProperty(SharedAnswerFilter.KEY) != null
                && !response.getHeaders().containsKey(HttpHeaders.SET_COOKIE)) {
            request.setProperty(KEEP, Boolean.TRUE);
        }
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        if (context.getProperty(KEEP) == null
                || !(context.getProperty(SharedAnswerFilter.KEY) instanceof String key)
                || !(context.getProperty(SharedAnswerFilter.GENERATION) instanceof Long started)) {
            context.proceed();
            return;
        }
        OutputStream out = context.getOutputStream();
        ByteArrayOutputStream copy = new ByteArrayOutputStream(1024);
        context.setOutputStream(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
                copy.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                copy.write(b, off, len);
            }

            @Override
            public void flush() throws IOException {
                out.flush();
            }

            @Override
            public void close() throws IOException {
                out.close();
            }
        });
        context.proceed();
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        String etag = null;
        for (Map.Entry<String, List<Object>> header : context.getHeaders().entrySet()) {
            String name = header.getKey();
            if (PER_REQUEST.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                if (name.equalsIgnoreCase(HttpHeaders.SET_COOKIE)) {
                    return;
                }
                continue;
            }
            for (Object value : header.getValue()) {
                headers.add(Map.entry(name, String.valueOf(value)));
                if (name.equalsIgnoreCase(HttpHeaders.ETAG)) {
                    etag = String.valueOf(value);
                }
            }
        }
        if (!context.getHeaders().containsKey(HttpHeaders.CONTENT_TYPE) && context.getMediaType() != null) {
            headers.add(Map.entry(HttpHeaders.CONTENT_TYPE, context.getMediaType().toString()));
        }
        cache.keep(key, started, List.copyOf(headers), etag, copy.toByteArray());
    }
}
