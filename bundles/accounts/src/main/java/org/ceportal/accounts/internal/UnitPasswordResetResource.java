package org.ceportal.accounts.internal;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.security.Access;
import org.ceportal.platform.security.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code POST /api/unit/people/{id}/password-reset}: a unit admin gives a person of the
 * unit a temporary password (the rest of 人员管理 is the profile bundle's; this path is
 * more specific, so Jersey routes it here).
 */
@Component(service = UnitPasswordResetResource.class)
@JakartarsResource
@JSONRequired
@Path("unit/people/{id}/password-reset")
@Produces(MediaType.APPLICATION_JSON)
public final class UnitPasswordResetResource {
    private final PasswordResets resets;

    @Activate
    public UnitPasswordResetResource(@Reference AccountsComponent accounts) {
        this.resets = accounts.resets();
    }

    @POST
    public Response reset(@Context ContainerRequestContext request, @PathParam("id") String id) {
        PasswordResets.Reset r = resets.ofPerson(Access.require(request, Role.UNIT_ADMIN), parse(id, "person_not_found",
                "未找到该人员"), Access.clientAddress(request));
        return Response.ok(r).cacheControl(SessionResource.noStore()).build();
    }

    static long parse(String id, String code, String message) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound(code, message);
        }
    }
}
