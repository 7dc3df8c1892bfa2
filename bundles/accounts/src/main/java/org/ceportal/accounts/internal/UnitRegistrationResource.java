package org.ceportal.accounts.internal;


import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.ceportal.platform.api.Page;
import org.ceportal.platform.api.PageRequest;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.security.Access;
import org.ceportal.platform.security.ClientAddresses;
import org.ceportal.platform.security.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/** {@code /api/unit/registrations}: a unit admin reviews the registrations of their unit. */
@Component(service = UnitRegistrationResource.class)
@JakartarsResource
@JSONRequired
@Path("unit/registrations")
@Produces(MediaType.APPLICATION_JSON)
public final class UnitRegistrationResource {
    private final UnitRegistrations registrations;
    private final ClientAddresses clients;

    @Activate
    public UnitRegistrationResource(@Reference AccountsComponent accounts, @Reference ClientAddresses clients) {
        this.registrations = accounts.unitRegistrations();
        this.clients = clients;
    }

    @GET
    public Page<UnitRegistrations.View> list(@Context ContainerRequestContext request, @QueryParam("state") String state,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        return registrations.list(Access.require(request, Role.UNIT_ADMIN), state, PageRequest.parse(page, size, 20, 100));
    }

    @GET
    @Path("{id}")
    public UnitRegistrations.View get(@Context ContainerRequestContext request, @PathParam("id") String id) {
        return registrations.get(Access.require(request, Role.UNIT_ADMIN), parseId(id));
    }

    @POST
    @Path("{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    public UnitRegistrations.View decide(@Context HttpServletRequest http, @Context ContainerRequestContext request,
            @PathParam("id") String id, UnitRegistrations.Decision decision) {
        return registrations.decide(Access.require(request, Role.UNIT_ADMIN), parseId(id), decision, clients.of(http));
    }

    static long parseId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("registration_not_found", UnitRegistrations.NOT_FOUND);
        }
    }
}
