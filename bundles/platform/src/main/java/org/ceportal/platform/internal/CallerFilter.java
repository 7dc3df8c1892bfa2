package org.ceportal.platform.internal;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;

import org.ceportal.platform.security.Access;
import org.ceportal.platform.security.Authenticator;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

/**
 * Resolves the caller of each request through the best {@link Authenticator} and
 * leaves it in the request for {@link Access}. Without an authenticator every
 * request is anonymous, so protected calls answer 401.
 */
@Component(service = ContainerRequestFilter.class)
@JakartarsExtension
@JakartarsName("ceportal-caller")
@Priority(Priorities.AUTHENTICATION)
public final class CallerFilter implements ContainerRequestFilter {

    // Dynamic, so that installing or updating the accounts bundle does not restart
    // the REST application.
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Authenticator authenticator;

    @Override
    public void filter(ContainerRequestContext request) {
        Authenticator current = authenticator;
        if (current != null) {
            current.authenticate(request).ifPresent(c -> request.setProperty(Access.CALLER_PROPERTY, c));
        }
    }
}
