package org.ceportal.profile.internal;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.ceportal.platform.api.Page;
import org.ceportal.platform.api.PageRequest;
import org.ceportal.platform.security.Access;
import org.ceportal.platform.security.Caller;
import org.ceportal.platform.security.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/** {@code /api/me/profile}: 用户资料管理 for the logged-in professional. */
@Component(service = ProfileResource.class)
@JakartarsResource
@JSONRequired
@Path("me/profile")
@Produces(MediaType.APPLICATION_JSON)
public final class ProfileResource {
    private final ProfileEditing editing;

    @Activate
    public ProfileResource(@Reference ProfileComponent profile) {
        this.editing = profile.editing();
    }

    @GET
    public ProfileEditing.View get(@Context ContainerRequestContext request) {
        return editing.view(me(request), null);
    }

    /** 200 when saved (or nothing changed), 202 「信息已经提交审核」 when a title change waits for the unit admin. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Response save(@Context ContainerRequestContext request, ProfileRequest body) {
        ProfileEditing.Saved saved = editing.save(me(request), body, Access.clientAddress(request));
        return Response.status(saved.submitted() ? 202 : 200).entity(saved.view()).build();
    }

    @GET
    @Path("changes")
    public Page<ProfileEditing.Change> changes(@Context ContainerRequestContext request, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return editing.changes(me(request), PageRequest.parse(page, size, 20, 100));
    }

    @POST
    @Path("title-change/withdrawal")
    public Response withdraw(@Context ContainerRequestContext request) {
        editing.withdraw(me(request), Access.clientAddress(request));
        return Response.noContent().build();
    }

    private static Caller me(ContainerRequestContext request) {
        return Access.require(request, Role.PROFESSIONAL);
    }
}
