package org.ceportal.attachments.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import org.ceportal.attachments.api.Attachment;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.security.Access;
import org.ceportal.platform.security.Caller;
import org.ceportal.platform.security.Role;
import org.ceportal.platform.upload.Multipart;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code /api/attachments}: upload ({@code multipart/form-data}, part {@code file}),
 * download, details and delete, each for the owner only. Someone else's attachment
 * answers exactly as an unknown one (404).
 */
@Component(service = AttachmentResource.class)
@JakartarsResource
@JSONRequired
@Path("attachments")
public final class AttachmentResource {
    private static final long DRAIN_AFTER_REFUSAL = 1 << 20;
    private static final String NO_STORE = "private, no-store";

    private final AttachmentServiceImpl attachments;

    @Activate
    public AttachmentResource(@Reference AttachmentServiceImpl attachments) {
        this.attachments = attachments;
    }

    /** The limits of an upload, for the page to say them and to check a file before sending it (public). */
    @GET
    @Path("limits")
    @Produces(MediaType.APPLICATION_JSON)
    public UploadLimits limits() {
        return attachments.uploadLimits();
    }

    /** No {@code @Consumes}: a wrong content type gets our own 400, not JAX-RS's JSON-worded 415. */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response upload(@Context ContainerRequestContext request, @Context UriInfo uri,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String type, InputStream body) throws IOException {
        Caller caller = Access.require(request, Role.PROFESSIONAL);
        AttachmentServiceImpl.Uploaded u;
        try {
            u = attachments.upload(caller.accountId(), type, body, Access.clientAddress(request));
        } catch (ProblemException e) {
            Multipart.drain(body, DRAIN_AFTER_REFUSAL); // lets the client read the answer before the connection closes
            throw e;
        }
        return Response.status(Response.Status.CREATED)
                .location(uri.getAbsolutePathBuilder().path(String.valueOf(u.attachment().id())).build())
                .header(HttpHeaders.CACHE_CONTROL, NO_STORE)
                .entity(json(u)).build();
    }

    @GET
    @Path("{id}")
    public Response download(@Context ContainerRequestContext request, @PathParam("id") String id) {
        Caller caller = Access.require(request, Role.PROFESSIONAL);
        AttachmentServiceImpl.Download d = attachments.download(caller.accountId(), parse(id), Access.clientAddress(request));
        java.nio.file.Path file = d.file();
        StreamingOutput content = out -> {
            try (InputStream in = Files.newInputStream(file)) {
                in.transferTo(out);
            }
        };
        Attachment a = d.attachment();
        return Response.ok(content, a.mediaType())
                .header(HttpHeaders.CONTENT_LENGTH, a.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, FileNames.contentDisposition(a.name()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header(HttpHeaders.CACHE_CONTROL, NO_STORE)
                .build();
    }

    @GET
    @Path("{id}/meta")
    @Produces(MediaType.APPLICATION_JSON)
    public Response meta(@Context ContainerRequestContext request, @PathParam("id") String id) {
        Caller caller = Access.require(request, Role.PROFESSIONAL);
        return Response.ok(json(attachments.meta(caller.accountId(), parse(id))))
                .header(HttpHeaders.CACHE_CONTROL, NO_STORE).build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@Context ContainerRequestContext request, @PathParam("id") String id) {
        Caller caller = Access.require(request, Role.PROFESSIONAL);
        attachments.delete(caller.accountId(), parse(id), Access.clientAddress(request));
        return Response.noContent().build();
    }

    static Map<String, Object> json(AttachmentServiceImpl.Uploaded u) {
        Attachment a = u.attachment();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", a.id());
        body.put("name", a.name());
        body.put("size", a.size());
        body.put("sha256", a.sha256());
        body.put("mediaType", a.mediaType());
        List<Map<String, Object>> duplicates = new ArrayList<>();
        for (Long d : u.duplicates()) {
            duplicates.add(Map.of("declarationId", d));
        }
        body.put("duplicates", duplicates);
        return body;
    }

    /** An id that is not a positive number is just an unknown attachment. */
    static long parse(String id) {
        try {
            long v = Long.parseLong(id);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw Refusals.notFound();
    }
}
