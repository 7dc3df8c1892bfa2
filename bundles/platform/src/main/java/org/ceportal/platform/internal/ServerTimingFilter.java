package org.ceportal.platform.internal;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;

import org.ceportal.platform.security.Access;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

/**
 * Every REST answer says how long the server worked on it ({@code Server-Timing: app;dur=<ms>},
 * from the first filter to the answer's headers; benchmarks read it), and an answer to a
 * logged-in caller that does not say otherwise is {@code Cache-Control: no-store}: a shared
 * office PC must not show the previous person's data after 退出 and 后退.
 */
@Component(service = {ContainerRequestFilter.class, ContainerResponseFilter.class})
@JakartarsExtension
@JakartarsName("ceportal-server-timing")
@PreMatching
@Priority(Priorities.AUTHENTICATION - 200)
public final class ServerTimingFilter implements ContainerRequestFilter, ContainerResponseFilter {
    private static final String STARTED = "org.ceportal.started-nanos";

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(STARTED) instanceof Long started) {
            response.getHeaders().add("Server-Timing", duration(System.nanoTime() - started));
        }
        if (Access.caller(request).isPresent() && !response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            response.getHeaders().add(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }

    /** {@code app;dur=<ms with two decimals>}, without a Formatter on every answer. */
    static String duration(long nanos) {
        long hundredths = Math.max(0, nanos) / 10_000;
        long fraction = hundredths % 100;
        return "app;dur=" + hundredths / 100 + (fraction < 10 ? ".0" : ".") + fraction;
    }
}
