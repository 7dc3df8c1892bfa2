package org.ceportal.platform.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;

import org.ceportal.platform.api.ProblemException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Bounds what a request may make the portal read, before any resource runs:
 * <ul>
 * <li>a body over {@code maxBodyBytes} (CSV imports: {@code maxCsvBytes}) gets 413 —
 * at once when {@code Content-Length} says so, without reading it; otherwise as soon
 * as the reading passes the limit. Multipart uploads are bounded by the attachments'
 * own limits.</li>
 * </ul>
 * Broken query strings are refused earlier, by {@link ServletBoundaryFilter}.
 */
@Component(service = ContainerRequestFilter.class, configurationPid = RequestLimitFilter.PID)
@Designate(ocd = RequestLimitFilter.Config.class)
@JakartarsExtension
@JakartarsName("ceportal-request-limits")
@PreMatching
@Priority(100)
public final class RequestLimitFilter implements ContainerRequestFilter {
    static final String PID = "org.ceportal.platform.requests";
    static final String TOO_LARGE = "提交的内容过大";

    @ObjectClassDefinition(name = "ceportal request limits", description = "How much a request may make the portal read")
    @interface Config {
        @AttributeDefinition(name = "Largest body (bytes)", description = "JSON and other bodies; larger ones get 413",
                min = "1024", max = "10485760")
        int maxBodyBytes() default 65_536;

        @AttributeDefinition(name = "Largest CSV import (bytes)", description = "text/csv bodies (unit imports)",
                min = "1024", max = "104857600")
        int maxCsvBytes() default 8_388_608;
    }

    private final long maxBody;
    private final long maxCsv;

    @Activate
    public RequestLimitFilter(Config config) {
        this.maxBody = config.maxBodyBytes();
        this.maxCsv = config.maxCsvBytes();
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String type = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        String media = type == null ? "" : type.strip().toLowerCase(Locale.ROOT);
        if (media.startsWith("multipart/")) {
            return;
        }
        long limit = media.startsWith("text/csv") ? maxCsv : maxBody;
        if (request.getLength() > limit) {
            // not read: the server closes the connection rather than take in the body
            request.abortWith(Problems.response(413, "payload_too_large", TOO_LARGE, List.of()));
            return;
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Bounded(request.getEntityStream(), limit));
        }
    }

    /** Refuses to read past the limit: the reader gets a 413 problem. */
    static final class Bounded extends FilterInputStream {
        private long left;

        Bounded(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && --left < 0) {
                throw tooLarge();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, (int) Math.min(length, Math.max(1, left + 1)));
            if (n > 0) {
                left -= n;
                if (left < 0) {
                    throw tooLarge();
                }
            }
            return n;
        }

        private static ProblemException tooLarge() {
            return new ProblemException(413, "payload_too_large", TOO_LARGE);
        }
    }
}
