package org.ceportal.accounts.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/** {@code /api/registrations}: register (注册) and look up where a registration stands. */
@Component(service = RegistrationResource.class)
@JakartarsResource
@JSONRequired
@Path("registrations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class RegistrationResource {
    private final RegistrationService registrations;
    private final ThrottleComponent throttle;
    private final CaptchaCheck captchas;

    @Activate
    public RegistrationResource(@Reference AccountsComponent accounts, @Reference ThrottleComponent throttle,
            @Reference CaptchaCheck captchas) {
        this.registrations = accounts.registrations();
        this.throttle = throttle;
        this.captchas = captchas;
    }

    /** The answer to a registration. */
    record Submitted(String state, String message) {
    }

    @POST
    public Response register(@Context HttpServletRequest http, RegistrationRequest request) {
        registrations.register(request, throttle.acquire(http, "register"), captchas::verify);
        return Response.accepted(new Submitted("pending", RegistrationService.PENDING_MESSAGE)).build();
    }

    /**
     * Body {@code {idNumber, password, captchaId, captchaAnswer}}; answers only to the
     * person who knows the password, at the cost of a login attempt.
     */
    @POST
    @Path("status")
    public RegistrationService.Status status(@Context HttpServletRequest http, RegistrationService.StatusRequest body) {
        return registrations.status(body, throttle.acquire(http, "status"), captchas::verify);
    }
}
