package org.ceportal.declarations.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import org.ceportal.accounts.api.People;
import org.ceportal.attachments.api.AttachmentService;
import org.ceportal.declarations.api.CountingUnits;
import org.ceportal.platform.answers.JsonAnswers;
import org.ceportal.platform.audit.AuditLog;
import org.ceportal.platform.persistence.Database;
import org.ceportal.platform.persistence.Store;
import org.ceportal.review.api.Messages;
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
import org.slf4j.LoggerFactory;

/** The declarations module: its store and the service the resources use. */
@Component(service = DeclarationsComponent.class, configurationPid = DeclarationsComponent.PID, immediate = true)
@Designate(ocd = DeclarationsComponent.Config.class)
public final class DeclarationsComponent {
    static final String PID = "org.ceportal.declarations";

    @ObjectClassDefinition(name = "ceportal declarations", description = "学时/学分申报")
    @interface Config {
        @AttributeDefinition(name = "Years back",
                description = "How many years before the current one a declaration may still count towards (计入年度); "
                        + "0 = the current year only", min = "0", max = "10")
        int yearsBack() default 1;

        @AttributeDefinition(name = "Time zone", description = "Decides which year 'now' is (23:30 on 31 December in Henan is still that year)")
        String timeZone() default "Asia/Shanghai";

        @AttributeDefinition(name = "Two-level review",
                description = "Ids of the learning forms whose declarations, once their unit approves them, go on to the "
                        + "provincial ops for the final decision (review levels unit,ops); every other form is decided by the "
                        + "unit alone (unit). Comma-separated, e.g. award,paper", required = false)
        String[] secondLevelForms() default {};

        @AttributeDefinition(name = "Form order",
                description = "Ids of the learning forms to list first, in this order (comma-separated); the others follow, "
                        + "学时 forms before 学分 forms, by id")
        String[] formOrder() default {"training", "base-study"};

        @AttributeDefinition(name = "Credits per hour",
                description = "学分申报: how many 学分 one 学时 of a 学时 form is worth for someone whose yearly requirement "
                        + "counts 学分 (e.g. 会计); decimals allowed")
        String creditsPerHour() default "1";

        @AttributeDefinition(name = "Own lists in memory (KB)",
                description = "申报进度查询: pages of people's own lists this node keeps in memory, given again while the "
                        + "person's declarations are unchanged (on PostgreSQL checked in the database on every read, so a "
                        + "change made through any node shows at once; on embedded Derby, the only node, forgotten when a "
                        + "change commits); 0 keeps none", min = "0", max = "262144")
        int ownListKilobytes() default 8192;
    }

    private final Store store;
    private final Declarations declarations;
    private final DeclarationReviewing reviewing;
    private final Units units;
    private final OwnLists ownLists;
    private final FormRegistry forms;
    private final Clock clock;
    private final Messages tell;

    @Activate
    public DeclarationsComponent(Config config, BundleContext context, @Reference Database database,
            @Reference FormRegistry forms, @Reference AttachmentService attachments, @Reference JsonAnswers json) {
        this.store = database.open(context.getBundle(), "declarations", DeclarationMapper.class);
        ZoneId zone;
        try {
            zone = ZoneId.of(config.timeZone());
        } catch (DateTimeException e) {
            LoggerFactory.getLogger(DeclarationsComponent.class).warn("Unknown time zone {}; using Asia/Shanghai", config.timeZone());
            zone = ZoneId.of("Asia/Shanghai");
        }
        Declarations.AuditTrail trail = (actor, action, subject, outcome, address) -> {
            AuditLog log = audit;
            if (log != null) {
                log.record(actor, action, subject, outcome, address);
            }
        };
        Clock clock = Clock.systemUTC();
        this.units = new Units((account, year) -> {
            CountingUnits c = countingUnits;
            return c == null ? Units.HOURS : c.unitOf(account, year);
        }, creditsPerHour(config.creditsPerHour()));
        // on embedded Derby this JVM is the only node: every write of a person's declarations passes through it
        this.ownLists = new OwnLists(config.ownListKilobytes(), "derby".equals(database.databaseId()), json::write);
        this.declarations = new Declarations(store, forms, attachments, Math.max(0, Math.min(10, config.yearsBack())), zone,
                clock, trail, units, ownLists);
        this.forms = forms;
        this.clock = clock;
        this.tell = (account, title, body, link) -> {
            Messages m = messages;
            if (m != null) {
                m.send(account, title, body, link);
            }
        };
        this.reviewing = new DeclarationReviewing(store, new DeclarationViews(store, forms, attachments), attachments, trail,
                tell, id -> {
                    People p = people;
                    return p == null ? Optional.empty() : p.nameOf(id);
                }, Arrays.stream(config.secondLevelForms()).flatMap(f -> Arrays.stream(f.split(","))).map(String::strip)
                        .filter(f -> !f.isEmpty()).collect(Collectors.toSet()), zone, clock, units, ownLists);
    }

    private static BigDecimal creditsPerHour(String value) {
        try {
            BigDecimal b = new BigDecimal(value.strip());
            if (b.signum() > 0) {
                return b;
            }
        } catch (RuntimeException e) {
            // falls through
        }
        LoggerFactory.getLogger(DeclarationsComponent.class).warn("creditsPerHour {} is not a positive number; using 1", value);
        return BigDecimal.ONE;
    }

    // Optional and dynamic: the audit trail (kept by the accounts bundle) may come and go.
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditLog audit;

    // Optional and dynamic: the message centre (review bundle) and the people's names (accounts).
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Messages messages;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile People people;

    // Optional and dynamic: what a person's year counts in (the reporting bundle's requirement rules)
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile CountingUnits countingUnits;

    Store store() {
        return store;
    }

    DeclarationReviewing reviewing() {
        return reviewing;
    }

    Declarations declarations() {
        return declarations;
    }

    Units units() {
        return units;
    }

    OwnLists ownLists() {
        return ownLists;
    }

    FormRegistry forms() {
        return forms;
    }

    Clock clock() {
        return clock;
    }

    /** The message centre when there is one (else messages go nowhere). */
    Messages messages() {
        return tell;
    }
}
