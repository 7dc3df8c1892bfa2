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
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.security.Access;
import org.ceportal.platform.security.Caller;
import org.ceportal.platform.security.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code /api/base/courses}: 班次管理 for a 继续教育基地管理员. The base comes from the caller, never
 * from the request; another base's course answers 404.
 */
@Component(service = CourseResource.class)
@JakartarsResource
@JSONRequired
@Path("base/courses")
@Produces(MediaType.APPLICATION_JSON)
public final class CourseResource {
    private final Courses courses;

    @Activate
    public CourseResource(@Reference BasesComponent module) {
        this.courses = module.courses();
    }

    @GET
    public Page<Courses.Course> list(@Context ContainerRequestContext request, @QueryParam("q") String q,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        return courses.list(baseOf(request), q, PageRequest.parse(page, size, 20, 100));
    }

    @GET
    @Path("{id}")
    public Courses.Course one(@Context ContainerRequestContext request, @PathParam("id") String id) {
        return courses.find(baseOf(request), id(id)).orElseThrow(Courses::notFound);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Context ContainerRequestContext request, Courses.Edit edit) {
        Courses.Course c = courses.create(baseOf(request), edit);
        return Response.created(URI.create("base/courses/" + c.id())).entity(c).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Courses.Course update(@Context ContainerRequestContext request, @PathParam("id") String id, Courses.Edit edit) {
        return courses.update(baseOf(request), id(id), edit);
    }

    private static long baseOf(ContainerRequestContext request) {
        return baseAdmin(request).baseId();
    }

    /** The calling base admin, who always has a base; anyone else is forbidden. */
    static Caller baseAdmin(ContainerRequestContext request) {
        Caller c = Access.require(request, Role.BASE_ADMIN);
        if (c.baseId() == null) {
            throw ProblemException.forbidden();
        }
        return c;
    }

    static long id(String id) {
        try {
            return Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            throw Courses.notFound();
        }
    }
}
