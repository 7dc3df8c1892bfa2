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

/**
 * {@code /api/password-resets}: 忘记密码 by e-mail, for someone who cannot log in. Both
 * steps count against the client's login throttle; the first needs a captcha.
 */
@Component(service = SelfResetResource.class)
@JakartarsResource
@JSONRequired
@Path("password-resets")
@Produces(MediaType.APPLICATION_JSON)
public final class SelfResetResource {
    private final SelfResets resets;
    private final ThrottleComponent throttle;
    private final CaptchaCheck captchas;
    private final PasswordMail mail;

    @Activate
    public SelfResetResource(@Reference AccountsComponent accounts, @Reference ThrottleComponent throttle,
            @Reference CaptchaCheck captchas, @Reference PasswordMail mail) {
        this.resets = accounts.selfResets();
        this.throttle = throttle;
        this.captchas = captchas;
        this.mail = mail;
    }

    /** Step one: 202 with the same message whether or not a code was sent. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response request(@Context HttpServletRequest http, SelfResets.Request body) {
        String address = throttle.acquire(http, "password_reset_request");
        return Response.accepted(resets.request(body, address, captchas::verify, mail))
                .cacheControl(SessionResource.noStore()).build();
    }

    /** Step two: the code and the new password; 204, then the person logs in with it. */
    @POST
    @Path("confirmation")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response confirm(@Context HttpServletRequest http, SelfResets.Confirmation body) {
        resets.confirm(body, throttle.acquire(http, "password_reset"));
        return Response.noContent().build();
    }
}
