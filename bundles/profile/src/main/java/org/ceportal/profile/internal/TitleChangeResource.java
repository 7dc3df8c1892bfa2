package org.ceportal.profile.internal;

import java.io.InputStream;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import jakarta.ws.rs.core.StreamingOutput;

import org.ceportal.attachments.api.AttachmentService;
import org.ceportal.platform.api.Downloads;
import org.ceportal.platform.api.Page;
import org.ceportal.platform.api.PageRequest;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.security.Access;
import org.ceportal.platform.security.Caller;
import org.ceportal.platform.security.Role;
import org.ceportal.review.spi.Decided;
import org.ceportal.review.spi.Decision;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code /api/review/title-changes}: 职称变更审核 for the unit admin. The decision takes
 * the same body as every review subject's ({@code /api/review/{subject}/{id}/decision}).
 */
@Component(service = TitleChangeResource.class)
@JakartarsResource
@JSONRequired
@Path("review/title-changes")
@Produces(MediaType.APPLICATION_JSON)
public final class TitleChangeResource {
    private final TitleChanges changes;

    @Activate
    public TitleChangeResource(@Reference ProfileComponent profile) {
        this.changes = profile.titleChanges();
    }

    /** Body of a decision: {@code {decision, reason?, version?}}. */
    public static final class DecisionBody {
        public String decision;
        public String reason;
        public Integer version;
    }

    @GET
    public Page<TitleChanges.Request> list(@Context ContainerRequestContext request, @QueryParam("state") String state,
            @QueryParam("q") String q, @QueryParam("page") String page, @QueryParam("size") String size) {
        return changes.list(admin(request), state, q, PageRequest.parse(page, size, 20, 100));
    }

    @GET
    @Path("{id}")
    public TitleChanges.Request get(@Context ContainerRequestContext request, @PathParam("id") String id) {
        return changes.get(admin(request), parse(id));
    }

    /** The certificate's scan, inline (a PDF or an image shows in the page), for this unit's admins only. */
    @GET
    @Path("{id}/certificate/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    public Response certificate(@Context ContainerRequestContext request, @PathParam("id") String id,
            @PathParam("attachmentId") String attachmentId) {
        long file;
        try {
            file = Long.parseLong(attachmentId);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("attachment_not_found", "未找到该附件");
        }
        AttachmentService.Content c = changes.certificate(admin(request), parse(id), file, Access.clientAddress(request));
        StreamingOutput body = out -> {
            try (InputStream in = c.stream()) {
                in.transferTo(out);
            }
        };
        String name = c.attachment().name();
        return Response.ok(body, c.attachment().mediaType())
                .header(HttpHeaders.CONTENT_LENGTH, c.attachment().size())
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.disposition("inline", name))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'self'")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    @POST
    @Path("{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    public Decided decide(@Context ContainerRequestContext request, @PathParam("id") String id, DecisionBody body) {
        Caller admin = admin(request);
        if (body == null) {
            throw ProblemException.invalid("decision", "请选择审核结果：通过或不通过");
        }
        return changes.decide(admin, parse(id), new Decision(body.decision, null, body.reason, body.version),
                Access.clientAddress(request));
    }

    private static Caller admin(ContainerRequestContext request) {
        return Access.require(request, Role.UNIT_ADMIN);
    }

    private static long parse(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("title_change_not_found", "未找到该职称变更申请");
        }
    }
}
