package org.ceportal.platform.security;

import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Resolves the caller of a REST request, e.g. from a session cookie. Registered as
 * an OSGi service; the platform asks the highest-ranked one for every request.
 */
@ConsumerType
public interface Authenticator {

    /**
     * @param request the incoming request (headers and cookies)
     * @return the caller, or empty when the request carries no valid credentials
     */
    Optional<Caller> authenticate(ContainerRequestContext request);
}
