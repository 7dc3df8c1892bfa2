package org.ceportal.bases.internal;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.ceportal.platform.api.Downloads;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.security.Caller;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code /api/base/imports}: the limits an upload must keep, and one import of the caller's base —
 * its lines, its file as uploaded, its refused lines as CSV. Another base's import is not found.
 */
@Component(service = ImportResource.class)
@JakartarsResource
@JSONRequired
@Path("base/imports")
@Produces(MediaType.APPLICATION_JSON)
public final class ImportResource {
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** What the page tells before an upload. */
    public record Limits(int maxRows, long maxFileBytes, String maxFileSize, boolean approveAtOnce) {
    }

    private final Imports imports;
    private final ImportHistory history;

    @Activate
    public ImportResource(@Reference BasesComponent module) {
        this.imports = module.imports();
        this.history = module.history();
    }

    @GET
    @Path("limits")
    public Limits limits(@Context ContainerRequestContext request) {
        CourseResource.baseAdmin(request);
        Imports.Settings s = imports.settings();
        return new Limits(s.maxRows(), s.maxFileBytes(), org.ceportal.platform.upload.Multipart.size(s.maxFileBytes()),
                s.approveAtOnce());
    }

    @GET
    @Path("{id}")
    public ImportHistory.Detail one(@Context ContainerRequestContext request, @PathParam("id") String id) {
        Caller c = CourseResource.baseAdmin(request);
        return history.detail(c.baseId(), id(id));
    }

    @GET
    @Path("{id}/file")
    @Produces({XLSX, "text/csv"})
    public Response file(@Context ContainerRequestContext request, @PathParam("id") String id) {
        Caller c = CourseResource.baseAdmin(request);
        ImportRow row = history.file(c.baseId(), id(id));
        boolean xlsx = AttendanceFile.XLSX.equals(row.fileType);
        String name = row.fileName.contains(".") ? row.fileName : row.fileName + "." + row.fileType;
        return Response.ok(row.content, xlsx ? XLSX : "text/csv")
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.disposition("attachment", name))
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @GET
    @Path("{id}/refused.csv")
    @Produces("text/csv")
    public Response refused(@Context ContainerRequestContext request, @PathParam("id") String id) {
        Caller c = CourseResource.baseAdmin(request);
        long importId = id(id);
        history.requireImport(c.baseId(), importId); // 404 before the answer starts
        StreamingOutput body = out -> history.writeRefused(c.baseId(), importId, out);
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.disposition("attachment", "未导入的学员-" + importId + ".csv"))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    private static long id(String id) {
        try {
            return Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("import_not_found", "未找到该导入记录");
        }
    }
}
