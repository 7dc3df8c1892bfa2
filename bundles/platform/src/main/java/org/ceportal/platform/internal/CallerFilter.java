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
 * Resolves the caller of each request through the {@link Authenticator} that
 * configuration names and leaves it in the request for {@link Access}. A bundle that
 * registers another authenticator, however highly ranked, is not asked: the reference
 * targets the accounts' session authenticator unless {@code authenticator.target} in
 * {@code org.ceportal.platform.caller} says otherwise. Without an authenticator every
 * request is anonymous, so protected calls answer 401.
 */
@Component(service = ContainerRequestFilter.class, configurationPid = "org.ceportal.platform.caller")
@JakartarsExtension
@JakartarsName("ceportal-caller")
@Priority(Priorities.AUTHENTICATION)
public final class CallerFilter implements ContainerRequestFilter {

    // Dynamic, so that installing or updating the accounts bundle does not restart
    // the REST application.
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = "(" + Authenticator.NAME + "=sessions)")
    private volatile Authenticator authenticator;

    @Override
    public void filter(ContainerRequestContext request) {
        Authenticator current = authenticator;
        if (current != null) {
            current.authenticate(request).ifPresent(c -> request.setProperty(Access.CALLER_PROPERTY, c));
        }
    }
}
