package org.ceportal.reporting.internal;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.ceportal.platform.security.Access;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code /api/proofs/{code}}: anyone holding a proof's code (a school, an employer, the
 * QR code on the paper) checks it without logging in. Lookups are throttled per client
 * address; codes carry 130 random bits, so guessing one is hopeless either way.
 */
@Component(service = VerificationResource.class)
@JakartarsResource
@JSONRequired
@Path("proofs")
@Produces(MediaType.APPLICATION_JSON)
public final class VerificationResource {
    private final ProofComponent proofs;

    @Activate
    public VerificationResource(@Reference ProofComponent proofs) {
        this.proofs = proofs;
    }

    @GET
    @Path("{code}")
    public Proofs.Verification verify(@Context ContainerRequestContext request, @PathParam("code") String code) {
        proofs.lookup(Access.clientAddress(request));
        return proofs.proofs().verify(code);
    }
}
