package org.ceportal.reporting.internal;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

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
 * {@code /api/unit/reports/completion[.csv|.xlsx]}: 单位统计报表 of the unit admin's own unit (the
 * unit comes from the caller, never from the request), its people list with filters, sorting
 * and paging, and the whole filtered list as CSV (UTF-8 with a BOM, so Excel opens it) or Excel.
 */
@Component(service = UnitReportResource.class)
@JakartarsResource
@JSONRequired
@Path("unit/reports")
public final class UnitReportResource {
    private final UnitReports reports;

    @Activate
    public UnitReportResource(@Reference UnitReports reports) {
        this.reports = reports;
    }

    @GET
    @Path("completion")
    @Produces(MediaType.APPLICATION_JSON)
    public UnitReportViews.Report completion(@Context ContainerRequestContext request, @QueryParam("year") String year,
            @QueryParam("departmentId") String departmentId, @QueryParam("met") String met, @QueryParam("q") String q,
            @QueryParam("sort") String sort, @QueryParam("dir") String dir, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        Caller admin = admin(request);
        UnitReportViews.Filter f = UnitReportViews.filter(reports, year, departmentId, met, q, sort, dir);
        return UnitReportViews.report(reports, admin.unitId(), f, PageRequest.parse(page, size, 20, 200));
    }

    /** The whole filtered list as {@code completion.csv} or {@code completion.xlsx}. */
    @GET
    @Path("completion.{format}")
    @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    public Response download(@Context ContainerRequestContext request, @PathParam("format") String format,
            @QueryParam("year") String year, @QueryParam("departmentId") String departmentId,
            @QueryParam("met") String met, @QueryParam("q") String q, @QueryParam("sort") String sort,
            @QueryParam("dir") String dir) {
        Caller admin = admin(request);
        Table.Format as = Table.Format.of(format);
        UnitReportViews.Filter f = UnitReportViews.filter(reports, year, departmentId, met, q, sort, dir);
        return UnitReportViews.download(reports, admin.unitId(), f, as);
    }

    private static Caller admin(ContainerRequestContext request) {
        Caller c = Access.require(request, Role.UNIT_ADMIN);
        if (c.unitId() == null) {
            throw ProblemException.forbidden();
        }
        return c;
    }
}
