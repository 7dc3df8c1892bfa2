package org.ceportal.bases.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.ceportal.platform.api.Page;
import org.ceportal.platform.api.PageRequest;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.security.Access;
import org.ceportal.platform.security.Caller;
import org.ceportal.platform.upload.Multipart;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code /api/base/courses/{id}/imports}: 学员导入 of a course — {@code POST} a list (multipart
 * {@code file}) with {@code dryRun=true} to see each line's result with nothing stored, without it
 * to commit; {@code GET} the course's import history. A more specific path than {@link CourseResource}'s.
 */
@Component(service = CourseImportResource.class)
@JakartarsResource
@JSONRequired
@Path("base/courses/{courseId}/imports")
@Produces(MediaType.APPLICATION_JSON)
public final class CourseImportResource {
    /** How much of a refused body is still read, so the client sees the answer rather than a reset. */
    private static final long DRAIN_AFTER_REFUSAL = 16L * 1024 * 1024;

    private final Imports imports;
    private final ImportHistory history;

    @Activate
    public CourseImportResource(@Reference BasesComponent module) {
        this.imports = module.imports();
        this.history = module.history();
    }

    @POST
    public Response upload(@Context ContainerRequestContext request, @PathParam("courseId") String courseId,
            @QueryParam("dryRun") String dryRun, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type, InputStream body)
            throws IOException {
        Caller caller;
        long course;
        Imports.Upload upload;
        try {
            caller = CourseResource.baseAdmin(request);
            course = CourseResource.id(courseId);
            imports.course(caller.baseId(), course); // 404 before reading a file for another base's course
            upload = receive(type, body);
        } catch (ProblemException e) {
            Multipart.drain(body, DRAIN_AFTER_REFUSAL);
            throw e;
        }
        boolean dry = "true".equalsIgnoreCase(dryRun) || "1".equals(dryRun);
        Imports.Report report = imports.run(caller.baseId(), caller.accountId(), course, upload, dry,
                Access.clientAddress(request));
        return dry ? Response.ok(report).build()
                : Response.created(URI.create("base/imports/" + report.importId())).entity(report).build();
    }

    @GET
    public Page<ImportHistory.Summary> list(@Context ContainerRequestContext request, @PathParam("courseId") String courseId,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        Caller caller = CourseResource.baseAdmin(request);
        long course = CourseResource.id(courseId);
        imports.course(caller.baseId(), course);
        return history.list(caller.baseId(), course, PageRequest.parse(page, size, 20, 100));
    }

    private Imports.Upload receive(String type, InputStream body) throws IOException {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        Multipart.Received r = Multipart.receive(type, body, content, imports.settings().maxFileBytes());
        return new Imports.Upload(fileName(r.name()), content.toByteArray(), r.sha256());
    }

    /** The client's file name without any folder, at most 100 characters; 学员名单 when there is none. */
    static String fileName(String raw) {
        String n = raw == null ? "" : raw.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).strip();
        n = n.codePoints().filter(cp -> cp >= 0x20 && cp != 0x7f && !Character.isISOControl(cp)
                && Character.getType(cp) != Character.FORMAT).collect(StringBuilder::new, StringBuilder::appendCodePoint,
                StringBuilder::append).toString();
        if (n.codePointCount(0, n.length()) > 100) {
            n = n.substring(0, n.offsetByCodePoints(0, 100));
        }
        return n.isEmpty() ? "学员名单" : n;
    }
}
