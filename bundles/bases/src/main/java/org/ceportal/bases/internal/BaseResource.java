package org.ceportal.bases.internal;

import java.net.URI;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

/** {@code /api/ops/bases}: 基地管理 for provincial ops — list, add, edit; each change in the audit log, in its transaction. */
@Component(service = BaseResource.class)
@JakartarsResource
@JSONRequired
@Path("ops/bases")
@Produces(MediaType.APPLICATION_JSON)
public final class BaseResource {
    private final BasesComponent module;

    @Activate
    public BaseResource(@Reference BasesComponent module) {
        this.module = module;
    }

    @GET
    public Page<Bases.Base> list(@Context ContainerRequestContext request, @QueryParam("q") String q,
            @QueryParam("regionCode") String regionCode, @QueryParam("page") String page, @QueryParam("size") String size) {
        Access.require(request, Role.OPS);
        return module.bases().search(q, regionCode, PageRequest.parse(page, size, 20, 100));
    }

    @GET
    @Path("{id}")
    public Bases.Base one(@Context ContainerRequestContext request, @PathParam("id") String id) {
        Access.require(request, Role.OPS);
        return module.bases().find(id(id)).orElseThrow(Bases::notFound);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Context ContainerRequestContext request, Bases.Edit edit) {
        Caller ops = Access.require(request, Role.OPS);
        Bases.Base b = module.bases().create(ops.accountId(), Access.clientAddress(request), edit);
        return Response.created(URI.create("ops/bases/" + b.id())).entity(b).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Bases.Base update(@Context ContainerRequestContext request, @PathParam("id") String id, Bases.Edit edit) {
        Caller ops = Access.require(request, Role.OPS);
        return module.bases().update(ops.accountId(), Access.clientAddress(request), id(id), edit);
    }

    private static long id(String id) {
        try {
            return Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            throw Bases.notFound();
        }
    }
}
