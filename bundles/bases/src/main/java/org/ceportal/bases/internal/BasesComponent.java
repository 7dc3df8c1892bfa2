package org.ceportal.bases.internal;

import java.time.Clock;
import java.time.ZoneId;

import org.ceportal.accounts.api.People;
import org.ceportal.declarations.api.BaseDeclarations;
import org.ceportal.directory.api.DirectoryService;
import org.ceportal.platform.audit.AuditLog;
import org.ceportal.platform.persistence.Database;
import org.ceportal.platform.persistence.Store;
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

/** The bases module: its store (migrated at start) and the services on it. */
@Component(service = BasesComponent.class, configurationPid = BasesComponent.PID, immediate = true)
@Designate(ocd = BasesComponent.Config.class)
public final class BasesComponent {
    static final String PID = "org.ceportal.bases";
    /** An accreditation's days are China's. */
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @ObjectClassDefinition(name = "ceportal bases", description = "继续教育基地: the bases' bulk declarations (学员导入)")
    @interface Config {
        @AttributeDefinition(name = "Approve at once",
                description = "Declarations a base imports are approved at once (the base is accredited); false = they go "
                        + "to each person's unit for review (待审核)")
        boolean approveAtOnce() default true;

        @AttributeDefinition(name = "Rows per file", description = "Most attendees one uploaded list may hold", min = "1",
                max = "100000")
        int maxRows() default 10_000;

        @AttributeDefinition(name = "File size (bytes)", description = "Largest attendance list (.xlsx or .csv) accepted",
                min = "1024", max = "67108864")
        int maxFileBytes() default 5_242_880;

        @AttributeDefinition(name = "Unpacked size (bytes)",
                description = "Most bytes an .xlsx may unpack to (all its parts); more is refused as a zip bomb",
                min = "65536", max = "268435456")
        int maxUnzippedBytes() default 20_971_520;

        @AttributeDefinition(name = "Learning form",
                description = "Id of the learning form a base's hours are declared with (kind 继续教育基地学时)")
        String formId() default "base-study";
    }

    private final Store store;
    private final Bases bases;
    private final Courses courses;
    private final Imports imports;
    private final ImportHistory history;
    private final BaseDeclarations baseDeclarations;

    // optional and dynamic: the audit trail (accounts) may come and go
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditLog auditLog;

    @Activate
    public BasesComponent(Config config, BundleContext context, @Reference Database database,
            @Reference DirectoryService directory, @Reference People people, @Reference BaseDeclarations baseDeclarations) {
        this.store = database.open(context.getBundle(), "bases", BaseMapper.class, ImportMapper.class);
        Clock clock = Clock.systemUTC();
        Bases.Audit audit = (actor, action, subject, outcome, address) -> {
            AuditLog log = auditLog;
            if (log != null) {
                log.record(actor, action, subject, outcome, address);
            }
        };
        this.courses = new Courses(store, clock);
        this.bases = new Bases(store, directory, audit, CHINA, clock);
        this.baseDeclarations = baseDeclarations;
        this.imports = new Imports(store, bases, new AttendanceCheck(people), baseDeclarations, audit,
                new Imports.Settings(config.approveAtOnce(), Math.max(1, config.maxRows()), Math.max(1024, config.maxFileBytes()),
                        Math.max(65_536, config.maxUnzippedBytes()), config.formId().strip()), CHINA, clock);
        this.history = new ImportHistory(store);
    }

    Store store() {
        return store;
    }

    Imports imports() {
        return imports;
    }

    ImportHistory history() {
        return history;
    }

    BaseDeclarations baseDeclarations() {
        return baseDeclarations;
    }

    Bases bases() {
        return bases;
    }

    Courses courses() {
        return courses;
    }
}
