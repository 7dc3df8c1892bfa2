package org.ceportal.review.internal;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.ceportal.accounts.api.People;
import org.ceportal.accounts.api.Person;
import org.ceportal.attachments.api.AttachmentService;
import org.ceportal.declarations.api.DeclarationDetail;
import org.ceportal.declarations.api.DeclarationReviews;
import org.ceportal.declarations.api.ReviewDetail;
import org.ceportal.declarations.api.ReviewItem;
import org.ceportal.declarations.api.ReviewQuery;
import org.ceportal.declarations.api.StateName;
import org.ceportal.platform.api.Downloads;
import org.ceportal.platform.api.ItemList;
import org.ceportal.platform.api.Page;
import org.ceportal.platform.api.PageRequest;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.security.Access;
import org.ceportal.platform.security.Caller;
import org.ceportal.platform.security.Role;
import org.ceportal.review.spi.Decided;
import org.ceportal.review.spi.ReviewSubject;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code /api/review}: 审核中心 (the inbox over every review subject), 申报审核 (the
 * unit's declarations, their details and proof files) and the decisions, one or many,
 * on any subject. Reviewers only: unit admins and ops.
 */
@Component(service = ReviewResource.class)
@JakartarsResource
@JSONRequired
@Path("review")
@Produces(MediaType.APPLICATION_JSON)
public final class ReviewResource {
    private static final String NO_STORE = "no-store";

    private final ReviewComponent review;
    private final DeclarationReviews declarations;
    private final People people;
    private final AttachmentService attachments;
    private final ReviewQueue queue;

    // every subject there is now; a bundle adding one needs no change here
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<ReviewSubject> subjects = new ArrayList<>();

    @Activate
    public ReviewResource(@Reference ReviewComponent review, @Reference DeclarationReviews declarations,
            @Reference People people, @Reference AttachmentService attachments) {
        this.review = review;
        this.declarations = declarations;
        this.people = people;
        this.attachments = attachments;
        this.queue = new ReviewQueue(() -> List.copyOf(subjects), review.maxBulk());
    }

    /** A line of 申报审核: the declaration's fields, flat, and whose it is. */
    public record Line(@JsonUnwrapped ReviewItem item, Person person) {
    }

    /**
     * A declaration as its reviewer sees it; {@code decidable} when it waits for this reviewer's decision,
     * {@code duplicates} the person's other declarations that look like the same thing declared twice,
     * {@code revocable} when the reviewer may take back its approval (decision {@code revoke}, 撤销审核).
     */
    public record View(DeclarationDetail declaration, Person person, BigDecimal approvedInYear, BigDecimal maxPerItem,
                       String decidedByName, boolean decidable, List<ReviewDetail.Duplicate> duplicates,
                       boolean revocable) {
    }

    @GET
    @Path("inbox")
    public ItemList<ReviewQueue.InboxItem> inbox(@Context ContainerRequestContext request) {
        return ItemList.of(queue.inbox(reviewer(request)));
    }

    /** The common reasons to reject, for one-click picking. */
    @GET
    @Path("reasons")
    public ItemList<String> reasons(@Context ContainerRequestContext request) {
        reviewer(request);
        return ItemList.of(review.reasons());
    }

    /** Which state waits for the caller (待审核 for a unit admin, 单位已审核 for ops): the page's first tab. */
    @GET
    @Path("declarations/queue")
    public StateName queue(@Context ContainerRequestContext request) {
        return declarations.queue(reviewer(request));
    }

    @GET
    @Path("declarations")
    public Page<Line> list(@Context ContainerRequestContext request, @QueryParam("state") String state,
            @QueryParam("formId") String formId, @QueryParam("year") String year, @QueryParam("q") String q,
            @QueryParam("departmentId") String departmentId, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        Caller reviewer = reviewer(request);
        PageRequest paging = PageRequest.parse(page, size, 20, 200);
        List<Long> owners = null;
        Long department = departmentId == null || departmentId.isBlank() ? null : parseDepartment(departmentId);
        if ((q != null && !q.isBlank()) || department != null) {
            owners = people.matching(reviewer.unitId(), q, department, People.MAX_IDS);
        }
        Page<ReviewItem> items = declarations.list(reviewer, new ReviewQuery(state, formId, year, owners), paging);
        Set<Long> ids = new HashSet<>();
        items.getItems().forEach(i -> ids.add(i.ownerId()));
        Map<Long, Person> who = people.people(ids);
        List<Line> lines = items.getItems().stream().map(i -> new Line(i, who.get(i.ownerId()))).toList();
        return new Page<>(lines, items.getTotal(), paging);
    }

    @GET
    @Path("declarations/{id}")
    public View get(@Context ContainerRequestContext request, @PathParam("id") String id) {
        Caller reviewer = reviewer(request);
        ReviewDetail d = declarations.detail(reviewer, parse(id));
        return new View(d.declaration(), people.person(d.ownerId()).orElse(null), d.approvedInYear(), d.maxPerItem(),
                d.decidedBy() == null ? null : people.nameOf(d.decidedBy()).orElse(null),
                declarations.queue(reviewer).state().equals(d.declaration().summary().state()), d.duplicates(),
                d.revocable());
    }

    /** A proof file, inline (a PDF or an image shows in the page), for the reviewer of its declaration. */
    @GET
    @Path("declarations/{id}/attachments/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    public Response attachment(@Context ContainerRequestContext request, @PathParam("id") String id,
            @PathParam("attachmentId") String attachmentId) {
        Caller reviewer = reviewer(request);
        long declaration = parse(id);
        long attachment = parseAttachment(attachmentId);
        declarations.attachment(reviewer, declaration, attachment);
        AttachmentService.Content c = attachments.openLinked(declaration, attachment, reviewer.accountId(),
                Access.clientAddress(request));
        boolean zip = "application/zip".equals(c.attachment().mediaType());
        return inline(c.stream(), c.attachment().mediaType(), c.attachment().size(), zip ? "attachment" : "inline",
                c.attachment().name());
    }

    private static Response inline(InputStream content, String type, long size, String disposition, String name) {
        StreamingOutput body = out -> {
            try (InputStream in = content) {
                in.transferTo(out);
            }
        };
        Response.ResponseBuilder r = Response.ok(body, type)
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.disposition(disposition, name))
                .header("X-Content-Type-Options", "nosniff")
                // a PDF or image may render in a frame of our own pages, and can run nothing
                .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'self'")
                .header(HttpHeaders.CACHE_CONTROL, NO_STORE);
        if (size >= 0) {
            r.header(HttpHeaders.CONTENT_LENGTH, size);
        }
        return r.build();
    }

    private static long parseAttachment(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("attachment_not_found", "未找到该附件");
        }
    }

    /** The files inside a ZIP proof, to open one by one. */
    @GET
    @Path("declarations/{id}/attachments/{attachmentId}/entries")
    public ItemList<AttachmentService.ZipItem> zipEntries(@Context ContainerRequestContext request, @PathParam("id") String id,
            @PathParam("attachmentId") String attachmentId) {
        Caller reviewer = reviewer(request);
        long declaration = parse(id);
        long attachment = parseAttachment(attachmentId);
        declarations.attachment(reviewer, declaration, attachment);
        return ItemList.of(attachments.zipEntries(declaration, attachment));
    }

    /** One file inside a ZIP proof, inline. */
    @GET
    @Path("declarations/{id}/attachments/{attachmentId}/entries/{index}")
    @Produces(MediaType.WILDCARD)
    public Response zipEntry(@Context ContainerRequestContext request, @PathParam("id") String id,
            @PathParam("attachmentId") String attachmentId, @PathParam("index") String index) {
        Caller reviewer = reviewer(request);
        long declaration = parse(id);
        long attachment = parseAttachment(attachmentId);
        int entry;
        try {
            entry = Integer.parseInt(index);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("attachment_not_found", "未找到该附件");
        }
        declarations.attachment(reviewer, declaration, attachment);
        AttachmentService.ZipContent c = attachments.openZipEntry(declaration, attachment, entry, reviewer.accountId(),
                Access.clientAddress(request));
        String type = c.item().mediaType() == null ? "application/octet-stream" : c.item().mediaType();
        return inline(c.stream(), type, c.item().size(), c.item().mediaType() == null ? "attachment" : "inline",
                c.item().name());
    }

    @POST
    @Path("{subject}/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    public Decided decide(@Context ContainerRequestContext request, @PathParam("subject") String subject,
            @PathParam("id") String id, ReviewQueue.DecisionBody body) {
        return queue.decide(reviewer(request), subject, parse(id), body, Access.clientAddress(request));
    }

    @POST
    @Path("decisions/{subject}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ReviewQueue.BulkAnswer decideAll(@Context ContainerRequestContext request, @PathParam("subject") String subject,
            ReviewQueue.BulkBody body) {
        return queue.decideAll(reviewer(request), subject, body, Access.clientAddress(request));
    }

    private static Caller reviewer(ContainerRequestContext request) {
        return Access.require(request, Role.UNIT_ADMIN, Role.OPS);
    }

    private static long parse(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("not_found", "未找到该审核事项");
        }
    }

    private static Long parseDepartment(String id) {
        try {
            return Long.valueOf(id.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("departmentId", "工作部门编号应为数字");
        }
    }
}
