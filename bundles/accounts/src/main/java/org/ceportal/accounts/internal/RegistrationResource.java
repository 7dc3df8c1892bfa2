package org.ceportal.accounts.internal;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.ceportal.platform.api.ProblemException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/** {@code /api/registrations}: register (注册) and look up where a registration stands. */
@Component(service = RegistrationResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JSONRequired
@Path("registrations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class RegistrationResource {
    private final RegistrationService registrations;

    @Activate
    public RegistrationResource(@Reference AccountsComponent accounts) {
        this.registrations = accounts.registrations();
    }

    @POST
    public Response register(@Context HttpServletRequest http, RegistrationRequest request) {
        registrations.register(request, http.getRemoteAddr());
        return Response.accepted(Map.of("state", "pending", "message", RegistrationService.PENDING_MESSAGE)).build();
    }

    /** Body {@code {idNumber, password}}; answers only to the person who knows the password. */
    @POST
    @Path("status")
    public Map<String, Object> status(Map<String, String> body) {
        if (body == null) {
            throw ProblemException.invalid("idNumber", "请输入身份证号和密码");
        }
        return registrations.status(body.get("idNumber"), body.get("password"));
    }
}
