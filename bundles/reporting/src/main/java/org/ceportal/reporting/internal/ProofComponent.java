package org.ceportal.reporting.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.function.UnaryOperator;

import org.ceportal.fonts.CjkFont;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.audit.AuditLog;
import org.ceportal.platform.persistence.Database;
import org.ceportal.platform.security.ClientAddresses;
import org.ceportal.platform.security.Throttles;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** 学时证明: the proofs' store (migrated at start), their drawing and the public lookups' throttle. */
@Component(service = ProofComponent.class, immediate = true, configurationPid = ProofComponent.PID)
@Designate(ocd = ProofComponent.Config.class)
public final class ProofComponent {
    static final String PID = "org.ceportal.reporting.proofs";

    @ObjectClassDefinition(name = "ceportal 学时证明", description = "Proofs of a year's hours and their public verification")
    @interface Config {
        @AttributeDefinition(name = "Public address",
                description = "The portal's address as people reach it (e.g. https://jxjy.example.gov.cn), for the "
                        + "verification link and QR code in a proof; empty = the address the request came to",
                required = false)
        String publicUrl() default "";

        @AttributeDefinition(name = "Verifications per minute",
                description = "Public proof lookups allowed per client address (IPv6 per /64) and minute", min = "1")
        int lookupsPerMinute() default 30;
    }

    private final Proofs proofs;
    private final ProofPdf pdf;
    private final Throttles.Limit lookups;
    private final String publicUrl;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditLog auditLog;

    @Activate
    public ProofComponent(BundleContext context, Config config, @Reference Database database,
            @Reference CompletionService completion, @Reference Throttles throttles) {
        Clock clock = Clock.systemUTC();
        this.proofs = new Proofs(database.open(context.getBundle(), "reporting", ProofMapper.class), completion,
                (actor, action, subject, outcome, address) -> {
                    AuditLog log = auditLog;
                    if (log != null) {
                        log.record(actor, action, subject, outcome, address);
                    }
                }, clock);
        this.pdf = new ProofPdf(CjkFont::bytes, CompletionService.CHINA);
        this.lookups = throttles.limit("proof_lookup", Math.max(1, config.lookupsPerMinute()), Duration.ofMinutes(1));
        String url = config.publicUrl() == null ? "" : config.publicUrl().strip();
        this.publicUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    Proofs proofs() {
        return proofs;
    }

    ProofPdf pdf() {
        return pdf;
    }

    /** The verification link of a code: under the configured public address, else under the request's. */
    UnaryOperator<String> links(URI requestBase) {
        String root = publicUrl.isEmpty() ? requestBase.resolve("/").toString() : publicUrl + "/";
        return code -> root + "verify.html?code=" + code;
    }

    /** Counts a public lookup from the client; refuses (429) past the limit. */
    void lookup(String clientAddress) {
        long wait = lookups.acquire(ClientAddresses.throttleKey(clientAddress), () -> { });
        if (wait > 0) {
            throw new ProblemException(429, "too_many_requests", "查询过于频繁，请约 " + wait + " 秒后再试");
        }
    }
}
