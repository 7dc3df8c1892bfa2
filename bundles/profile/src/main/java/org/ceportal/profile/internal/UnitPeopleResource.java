package org.ceportal.profile.internal;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.ceportal.accounts.api.Person;
import org.ceportal.accounts.api.Profile;
import org.ceportal.accounts.api.Profiles;
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

/** {@code /api/unit/people}: 人员管理, the unit's approved professionals, read-only; never another unit's. */
@Component(service = UnitPeopleResource.class)
@JakartarsResource
@JSONRequired
@Path("unit/people")
@Produces(MediaType.APPLICATION_JSON)
public final class UnitPeopleResource {
    private static final String NOT_FOUND = "未找到该人员";
    private final Profiles profiles;

    @Activate
    public UnitPeopleResource(@Reference ProfileComponent profile) {
        this.profiles = profile.profiles();
    }

    /** One person's profile, as the unit admin reads it. */
    public record PersonView(Profile profile) {
    }

    @GET
    public Page<Person> list(@Context ContainerRequestContext request, @QueryParam("q") String q,
            @QueryParam("departmentId") String departmentId, @QueryParam("titleCode") String titleCode,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        long unit = TitleChanges.unitOf(Access.require(request, Role.UNIT_ADMIN));
        Long department = null;
        if (departmentId != null && !departmentId.isBlank()) {
            try {
                department = Long.valueOf(departmentId.strip());
            } catch (NumberFormatException e) {
                throw ProblemException.invalid("departmentId", "工作部门编号应为数字");
            }
        }
        return profiles.ofUnit(unit, q, department, titleCode, PageRequest.parse(page, size, 20, 100));
    }

    @GET
    @Path("{id}")
    public PersonView get(@Context ContainerRequestContext request, @PathParam("id") String id) {
        Caller admin = Access.require(request, Role.UNIT_ADMIN);
        long unit = TitleChanges.unitOf(admin);
        long accountId;
        try {
            accountId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("person_not_found", NOT_FOUND);
        }
        Profile p = profiles.profile(accountId).filter(x -> x.unitId() != null && x.unitId() == unit)
                .orElseThrow(() -> ProblemException.notFound("person_not_found", NOT_FOUND));
        return new PersonView(p);
    }
}
