package org.ceportal.platform.security;

import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.ceportal.platform.api.ProblemException;

/** Role checks for resources; the platform's request filter has resolved the caller. */
public final class Access {

    /** Request property under which the platform stores the {@link Caller}. */
    public static final String CALLER_PROPERTY = "org.ceportal.caller";

    private Access() {
    }

    /** The caller of this request, if authenticated. */
    public static Optional<Caller> caller(ContainerRequestContext request) {
        Object c = request.getProperty(CALLER_PROPERTY);
        return c instanceof Caller caller ? Optional.of(caller) : Optional.empty();
    }

    /**
     * The caller, who must hold one of the roles.
     *
     * @throws ProblemException 401 when not logged in, 403 when the role is wrong
     */
    public static Caller require(ContainerRequestContext request, Role... roles) {
        Caller caller = caller(request).orElseThrow(ProblemException::unauthorized);
        for (Role r : roles) {
            if (caller.role() == r) {
                return caller;
            }
        }
        throw ProblemException.forbidden();
    }
}
