package org.ceportal.reporting.internal;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.ceportal.platform.api.Downloads;
import org.ceportal.platform.api.ItemList;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.security.Access;
import org.ceportal.platform.security.Caller;
import org.ceportal.platform.security.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/** {@code /api/me/proofs}: the logged-in professional's 学时证明, issued and downloaded. */
@Component(service = ProofResource.class)
@JakartarsResource
@JSONRequired
@Path("me/proofs")
@Produces(MediaType.APPLICATION_JSON)
public final class ProofResource {
    private final ProofComponent proofs;

    @Activate
    public ProofResource(@Reference ProofComponent proofs) {
        this.proofs = proofs;
    }

    /** Body of a request for a proof. */
    public static final class IssueBody {
        public String year;
    }

    /** 201 with a new proof, or 200 with the latest one of the year when nothing changed since. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response issue(@Context ContainerRequestContext request, @Context UriInfo uri, IssueBody body) {
        Caller me = me(request);
        if (body == null || body.year == null || body.year.isBlank()) {
            throw ProblemException.invalid("year", "请选择年度");
        }
        Proofs.Issued issued = proofs.proofs().issue(me, Years.parse(body.year), Access.clientAddress(request),
                proofs.links(uri.getBaseUri()));
        return Response.status(issued.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(issued.proof()).build();
    }

    @GET
    public ItemList<Proofs.Proof> mine(@Context ContainerRequestContext request, @Context UriInfo uri) {
        List<Proofs.Proof> mine = proofs.proofs().mine(me(request), proofs.links(uri.getBaseUri()));
        return ItemList.of(mine);
    }

    /** The proof as a PDF, drawn from what it says as issued. */
    @GET
    @Path("{code}.pdf")
    @Produces("application/pdf")
    public Response pdf(@Context ContainerRequestContext request, @Context UriInfo uri, @PathParam("code") String code) {
        Proofs.Stored p = proofs.proofs().own(me(request), code);
        byte[] file = proofs.pdf().render(p.row(), p.items(), proofs.links(uri.getBaseUri()).apply(p.row().code));
        String name = p.row().proofYear + "年度" + Proofs.unit(p.row().kind) + "证明-" + p.row().personName + ".pdf";
        return Response.ok(file, "application/pdf")
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.disposition("attachment", name))
                .header(HttpHeaders.CONTENT_LENGTH, file.length)
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    private static Caller me(ContainerRequestContext request) {
        return Access.require(request, Role.PROFESSIONAL);
    }
}
