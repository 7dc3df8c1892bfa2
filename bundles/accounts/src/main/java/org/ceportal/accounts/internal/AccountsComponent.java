package org.ceportal.accounts.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.ceportal.accounts.api.BaseNames;
import org.ceportal.directory.api.DirectoryService;
import org.ceportal.platform.persistence.Database;
import org.ceportal.platform.persistence.Store;
import org.ceportal.review.api.Messages;
import org.ceportal.accounts.api.Person;
import org.ceportal.accounts.api.RegistrationApprovals;
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
import org.osgi.service.metatype.annotations.Option;

/** The accounts module: its store, password rules and the services built on them. */
@Component(service = AccountsComponent.class, configurationPid = AccountsComponent.PID,
        immediate = true) // migrates its tables at start, before the first request
@Designate(ocd = AccountsComponent.Config.class)
public final class AccountsComponent {
    static final String PID = "org.ceportal.accounts";

    @ObjectClassDefinition(name = "ceportal accounts", description = "Registration, accounts and passwords")
    @interface Config {
        @AttributeDefinition(name = "Password hash (KDF)",
                description = "KDF of new password hashes; hashes of the other kind still verify and are replaced at the "
                        + "next login", options = {
                    @Option(label = "Argon2id (memory-hard)", value = "argon2id"),
                    @Option(label = "PBKDF2-HMAC-SHA256", value = "pbkdf2-sha256")})
        String kdf() default "argon2id";

        @AttributeDefinition(name = "Argon2id memory (KiB)", description = "OWASP: 19456 (19 MiB)", min = "8192", max = "262144")
        int argon2MemoryKiB() default 19_456;

        @AttributeDefinition(name = "Argon2id passes", description = "OWASP: 2 with 19 MiB", min = "1", max = "10")
        int argon2Passes() default 2;

        @AttributeDefinition(name = "Argon2id lanes", min = "1", max = "8")
        int argon2Lanes() default 1;

        @AttributeDefinition(name = "Argon2id computations at once",
                description = "Bounds the memory password hashing takes (this many times the Argon2id memory); "
                        + "0 = one per processor", min = "0", max = "64")
        int argon2MaxConcurrent() default 0;

        @AttributeDefinition(name = "PBKDF2 iterations",
                description = "PBKDF2-HMAC-SHA256 iterations for new password hashes when kdf is pbkdf2-sha256 "
                        + "(OWASP 2023: 600000)", min = "100000", max = "10000000")
        int pbkdf2Iterations() default 600_000;

        @AttributeDefinition(name = "Free failed logins",
                description = "Wrong passwords in a row an account may have before it is locked", min = "1", max = "100")
        int lockoutFreeFailures() default 5;

        @AttributeDefinition(name = "First lock (seconds)",
                description = "Lock after the first failure beyond the free ones; doubles with every further failure",
                min = "1", max = "86400")
        int lockoutFirstSeconds() default 60;

        @AttributeDefinition(name = "Longest lock (seconds)", min = "1", max = "604800")
        int lockoutMaxSeconds() default 3600;

        @AttributeDefinition(name = "Session idle timeout (minutes)",
                description = "A session unused this long ends", min = "1", max = "1440")
        int sessionIdleMinutes() default 30;

        @AttributeDefinition(name = "Session absolute timeout (minutes)",
                description = "A session ends this long after login, however busy", min = "5", max = "10080")
        int sessionAbsoluteMinutes() default 720;

        @AttributeDefinition(name = "Session memory (seconds)",
                description = "A session this node read from the database serves the reads (GET) of the next seconds "
                        + "without reading it again; state-changing requests read it on PostgreSQL, and use it too on "
                        + "embedded Derby (one node). A logout or password change on this node counts at once; one "
                        + "through another node counts here after at most this long. 0 reads every time", min = "0", max = "60")
        int sessionMemorySeconds() default 2;

        @AttributeDefinition(name = "Always mark the session cookie Secure",
                description = "Set when a TLS proxy in front of the portal talks plain HTTP to it; "
                        + "the cookie is Secure anyway when the request itself came over https. A Secure cookie "
                        + "is named __Host-ceportal_session, and with this set only that name is accepted")
        boolean secureCookie() default false;

        @AttributeDefinition(name = "Setup token lifetime (minutes)",
                description = "While no ops account exists, each start writes a one-time token for /setup.html into "
                        + "data/ceportal/setup-token.txt; it is valid this long", min = "5", max = "10080")
        int setupTokenMinutes() default 60;
    }

    private final Store store;
    private final RegistrationService registrations;
    private final StaffAccounts staff;
    private final Sessions sessions;
    private final UnitRegistrations unitRegistrations;
    private final boolean secureCookie;
    private final FirstOpsSetup setup;
    private final PasswordResets resets;
    private final StaffStates staffStates;
    private final StaffConsole staffConsole;
    private final SelfResets selfResets;

    @Activate
    public AccountsComponent(Config config, BundleContext context, @Reference Database database,
            @Reference DirectoryService directory) {
        this.store = database.open(context.getBundle(), "accounts", AccountMapper.class);
        PasswordPolicy policy = PasswordPolicy.load();
        int pbkdf2 = Math.min(10_000_000, Math.max(100_000, config.pbkdf2Iterations()));
        PasswordHasher hasher = PasswordHasher.SCHEME.equals(config.kdf())
                ? new PasswordHasher(pbkdf2)
                : PasswordHasher.argon2id(new PasswordHasher.Argon2Cost(config.argon2MemoryKiB(), config.argon2Passes(),
                        config.argon2Lanes()), pbkdf2, config.argon2MaxConcurrent() > 0 ? config.argon2MaxConcurrent()
                                : Runtime.getRuntime().availableProcessors());
        Clock clock = Clock.systemUTC();
        int first = Math.max(1, config.lockoutFirstSeconds());
        LockoutPolicy lockout = new LockoutPolicy(Math.max(1, config.lockoutFreeFailures()),
                Duration.ofSeconds(first), Duration.ofSeconds(Math.max(first, config.lockoutMaxSeconds())));
        Credentials credentials = new Credentials(store, hasher, lockout, clock);
        this.registrations = new RegistrationService(store, directory, policy, hasher, credentials, clock);
        this.staff = new StaffAccounts(store, directory, this::baseName, policy, hasher, clock);
        RecentSessions recent = new RecentSessions(Math.max(0, config.sessionMemorySeconds()), clock,
                "derby".equals(database.databaseId())); // embedded Derby: this JVM is the only node
        this.resets = new PasswordResets(store, hasher, directory, this::baseName, clock, recent);
        this.staffStates = new StaffStates(store, resets, clock, recent);
        this.staffConsole = new StaffConsole(resets, staffStates);
        this.selfResets = new SelfResets(store, hasher, policy, clock, recent);
        this.sessions = new Sessions(store, policy, hasher, credentials,
                Duration.ofMinutes(Math.max(1, config.sessionIdleMinutes())),
                Duration.ofMinutes(Math.max(5, config.sessionAbsoluteMinutes())), clock, recent);
        this.unitRegistrations = new UnitRegistrations(store, directory, clock, (account, title, body, link) -> {
            Messages m = messages;
            if (m != null) {
                m.send(account, title, body, link);
            }
        }, (view, approver) -> {
            List<RegistrationApprovals> told = approvals;
            if (!told.isEmpty()) {
                Person person = PeopleComponent.person(view, directory);
                for (RegistrationApprovals a : told) {
                    a.approved(person, approver);
                }
            }
        });
        this.setup = new FirstOpsSetup(store, staff,
                Path.of(System.getProperty("karaf.data", "data"), "ceportal", "setup-token.txt"),
                Duration.ofMinutes(Math.max(5, config.setupTokenMinutes())), clock);
        setup.start();
        this.secureCookie = config.secureCookie();
    }

    // Optional and dynamic: the bases bundle names the 继续教育基地 (without it, there are none).
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile BaseNames baseNames;

    /** A base's name, or empty when there is no such base (or no bases bundle). */
    java.util.Optional<String> baseName(long baseId) {
        BaseNames names = baseNames;
        return names == null ? java.util.Optional.empty() : names.nameOf(baseId);
    }

    // Dynamic: whoever keeps something for an ID number until its registration is approved (the bases)
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<RegistrationApprovals> approvals = List.of();

    // Optional and dynamic: the message centre (the review bundle) may be absent or come later.
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Messages messages;

    Store store() {
        return store;
    }

    Sessions sessions() {
        return sessions;
    }

    PasswordResets resets() {
        return resets;
    }

    StaffStates staffStates() {
        return staffStates;
    }

    /** 账号管理 for the console commands. */
    public StaffConsole staffConsole() {
        return staffConsole;
    }

    SelfResets selfResets() {
        return selfResets;
    }

    UnitRegistrations unitRegistrations() {
        return unitRegistrations;
    }

    boolean secureCookie() {
        return secureCookie;
    }

    RegistrationService registrations() {
        return registrations;
    }

    FirstOpsSetup setup() {
        return setup;
    }

    public StaffAccounts staff() {
        return staff;
    }
}
