package org.ceportal.captcha.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.ceportal.captcha.api.Captcha;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/** {@code POST /api/captchas}: a new captcha for the login form (clicking the picture asks for another). */
@Component(service = CaptchaResource.class)
@JakartarsResource
@JSONRequired
@Path("captchas")
public final class CaptchaResource {
    private final CaptchaIssuing captchas;

    @Activate
    public CaptchaResource(@Reference CaptchaIssuing captchas) {
        this.captchas = captchas;
    }

    /** A captcha as the page shows it. */
    record Issued(String id, String image, String expiresAt) {
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response issue(@Context HttpServletRequest http) {
        Captcha c = captchas.issue(http);
        Issued body = new Issued(c.id(), c.image(), c.expiresAt().toString());
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.status(Response.Status.CREATED).entity(body).cacheControl(noStore).build();
    }
}
