package org.ceportal.platform.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;

import org.ceportal.platform.audit.AuditLog;
import org.ceportal.platform.security.Access;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

/**
 * Refuses state-changing calls that a browser marks as coming from another site:
 * an {@code Origin} header whose host differs from the request's {@code Host}, or
 * {@code Sec-Fetch-Site: cross-site}. Requests without these headers (curl, the
 * tests) pass; the session cookie is {@code SameSite=Strict} and the CSRF token
 * guards them.
 */
@Component(service = ContainerRequestFilter.class)
@JakartarsExtension
@JakartarsName("ceportal-origin")
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class OriginFilter implements ContainerRequestFilter {
    // Dynamic and optional: the audit trail (kept by the accounts bundle) may come and go.
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditLog audit;

    static final String MESSAGE = "请求来源无效，请从本平台页面重新操作";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    public void filter(ContainerRequestContext request) {
        if (SAFE.contains(request.getMethod().toUpperCase(Locale.ROOT))) {
            return;
        }
        if (crossSite(request.getHeaderString("Origin"), request.getHeaderString(HttpHeaders.HOST),
                request.getHeaderString("Sec-Fetch-Site"))) {
            drain(request);
            AuditLog log = audit;
            if (log != null) {
                log.record(null, "cross_origin", clip(request.getMethod() + " " + request.getUriInfo().getPath()), "refused",
                        Access.clientAddress(request));
            }
            request.abortWith(Problems.response(403, "cross_origin", MESSAGE, List.of()));
        }
    }

    /**
     * Reads a small unread body away, so that the connection can serve the client's
     * next request (an unread body makes the server close it).
     */
    private static void drain(ContainerRequestContext request) {
        if (!request.hasEntity()) {
            return;
        }
        byte[] buffer = new byte[8192];
        try (InputStream in = request.getEntityStream()) {
            long left = 1 << 20;
            for (int n; left > 0 && (n = in.read(buffer)) > 0;) {
                left -= n;
            }
        } catch (IOException e) {
            // the refusal does not depend on the body
        }
    }

    private static String clip(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64);
    }

    static boolean crossSite(String origin, String host, String fetchSite) {
        if (fetchSite != null && fetchSite.strip().equalsIgnoreCase("cross-site")) {
            return true;
        }
        if (origin == null || origin.isBlank()) {
            return false;
        }
        if (origin.strip().equals("null")) {
            return true;
        }
        try {
            String authority = URI.create(origin.strip()).getRawAuthority();
            return authority == null || host == null || !authority.equalsIgnoreCase(host.strip());
        } catch (IllegalArgumentException e) {
            return true;
        }
    }
}
