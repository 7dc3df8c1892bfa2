package org.ceportal.captcha.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.ceportal.captcha.api.Captcha;
import org.ceportal.captcha.api.CaptchaService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/** {@code POST /api/captchas}: a new captcha for the login form (clicking the picture asks for another). */
@Component(service = CaptchaResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JSONRequired
@Path("captchas")
public final class CaptchaResource {
    private final CaptchaService captchas;

    @Activate
    public CaptchaResource(@Reference(policyOption = ReferencePolicyOption.GREEDY) CaptchaService captchas) {
        this.captchas = captchas;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response issue() {
        Captcha c = captchas.issue();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", c.id());
        body.put("image", c.image());
        body.put("expiresAt", c.expiresAt().toString());
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.status(Response.Status.CREATED).entity(body).cacheControl(noStore).build();
    }
}
