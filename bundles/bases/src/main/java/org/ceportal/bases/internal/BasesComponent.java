package org.ceportal.bases.internal;

import java.time.Clock;
import java.time.ZoneId;

import org.ceportal.directory.api.DirectoryService;
import org.ceportal.platform.audit.AuditLog;
import org.ceportal.platform.persistence.Database;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** The bases module: its store (migrated at start) and the services on it. */
@Component(service = BasesComponent.class, immediate = true)
public final class BasesComponent {
    /** An accreditation's days are China's. */
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Bases bases;
    private final Courses courses;

    // optional and dynamic: the audit trail (accounts) may come and go
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditLog auditLog;

    @Activate
    public BasesComponent(BundleContext context, @Reference Database database, @Reference DirectoryService directory) {
        org.ceportal.platform.persistence.Store store = database.open(context.getBundle(), "bases", BaseMapper.class);
        Clock clock = Clock.systemUTC();
        this.courses = new Courses(store, clock);
        this.bases = new Bases(store, directory,
                (actor, action, subject, outcome, address) -> {
                    AuditLog log = auditLog;
                    if (log != null) {
                        log.record(actor, action, subject, outcome, address);
                    }
                }, CHINA, clock);
    }

    Bases bases() {
        return bases;
    }

    Courses courses() {
        return courses;
    }
}
