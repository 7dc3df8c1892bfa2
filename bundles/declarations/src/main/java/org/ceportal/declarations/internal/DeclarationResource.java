package org.ceportal.declarations.internal;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

import org.ceportal.declarations.api.DeclarationDetail;
import org.ceportal.declarations.api.DeclarationState;
import org.ceportal.declarations.api.StateName;
import org.ceportal.platform.api.ItemList;
import org.ceportal.platform.api.PageRequest;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.security.Access;
import org.ceportal.platform.security.Caller;
import org.ceportal.platform.security.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/** {@code /api/declarations}: a professional's own declarations (学时/学分申报, 申报进度查询). */
@Component(service = DeclarationResource.class)
@JakartarsResource
@JSONRequired
@Path("declarations")
@Produces(MediaType.APPLICATION_JSON)
public final class DeclarationResource {
    private final Declarations declarations;

    @Activate
    public DeclarationResource(@Reference DeclarationsComponent component) {
        this.declarations = component.declarations();
    }

    /** Body of the transitions: the version the page saw (optional). */
    public static final class Transition {
        public Integer version;
    }

    /** A {@code Page<DeclarationSummary>}, written once and kept while the person's declarations are unchanged. */
    @GET
    public byte[] list(@Context ContainerRequestContext request, @QueryParam("state") String state,
            @QueryParam("year") String year, @QueryParam("page") String page, @QueryParam("size") String size) {
        return declarations.listJson(me(request), state, year, PageRequest.parse(page, size, 10, 100));
    }

    /** The years a declaration may count towards now (计入年度 choices). */
    @GET
    @Path("years")
    public ItemList<Integer> years(@Context ContainerRequestContext request) {
        me(request);
        return ItemList.of(declarations.declarableYears());
    }

    /** The states with their zh-CN labels, for filter tabs; the same for everyone, so no login needed. */
    @GET
    @Path("states")
    public ItemList<StateName> states() {
        return ItemList.of(DeclarationState.names());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Context ContainerRequestContext request, DeclarationRequest body) {
        DeclarationDetail d = declarations.create(me(request), body, Access.clientAddress(request));
        return Response.created(URI.create("declarations/" + d.summary().id())).entity(d).build();
    }

    @GET
    @Path("{id}")
    public DeclarationDetail get(@Context ContainerRequestContext request, @PathParam("id") String id) {
        return declarations.get(me(request), id(id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public DeclarationDetail update(@Context ContainerRequestContext request, @PathParam("id") String id,
            DeclarationRequest body) {
        return declarations.update(me(request), id(id), body, Access.clientAddress(request));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@Context ContainerRequestContext request, @PathParam("id") String id,
            @QueryParam("version") String version) {
        declarations.delete(me(request), id(id), version == null || version.isBlank() ? null : parseVersion(version),
                Access.clientAddress(request));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/submission")
    @Consumes(MediaType.APPLICATION_JSON)
    public DeclarationDetail submit(@Context ContainerRequestContext request, @PathParam("id") String id, Transition t) {
        return declarations.submit(me(request), id(id), t == null ? null : t.version, Access.clientAddress(request));
    }

    @POST
    @Path("{id}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    public DeclarationDetail withdraw(@Context ContainerRequestContext request, @PathParam("id") String id, Transition t) {
        return declarations.withdraw(me(request), id(id), t == null ? null : t.version, Access.clientAddress(request));
    }

    private static Caller me(ContainerRequestContext request) {
        return Access.require(request, Role.PROFESSIONAL);
    }

    private static long id(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("declaration_not_found", Declarations.NOT_FOUND);
        }
    }

    private static int parseVersion(String v) {
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("version", "版本号应为整数");
        }
    }
}
