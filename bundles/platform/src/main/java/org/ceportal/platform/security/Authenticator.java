package org.ceportal.platform.security;

import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Resolves the caller of a REST request, e.g. from a session cookie. Registered as
 * an OSGi service with the property {@link #NAME}; the platform asks the one that
 * its configuration names (by default {@code sessions}, the accounts bundle's), never
 * simply the highest-ranked one.
 */
@ConsumerType
public interface Authenticator {
    /**
     * Service property naming an authenticator, matched by the platform's
     * {@code authenticator.target} filter.
     *
     * @since 1.2
     */
    String NAME = "ceportal.authenticator";

    /**
     * @param request the incoming request (headers and cookies)
     * @return the caller, or empty when the request carries no valid credentials
     */
    Optional<Caller> authenticate(ContainerRequestContext request);
}
