package org.ceportal.accounts.internal;

import java.time.Clock;

import org.ceportal.directory.api.DirectoryService;
import org.ceportal.platform.persistence.Database;
import org.ceportal.platform.persistence.Store;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The accounts module: its store, password rules and the services built on them. */
@Component(service = AccountsComponent.class, configurationPid = AccountsComponent.PID)
@Designate(ocd = AccountsComponent.Config.class)
public final class AccountsComponent {
    static final String PID = "org.ceportal.accounts";

    @ObjectClassDefinition(name = "ceportal accounts", description = "Registration, accounts and passwords")
    @interface Config {
        @AttributeDefinition(name = "PBKDF2 iterations",
                description = "PBKDF2-HMAC-SHA256 iterations for new password hashes (OWASP 2023: 600000)",
                min = "100000", max = "10000000")
        int pbkdf2Iterations() default 600_000;
    }

    private final RegistrationService registrations;
    private final StaffAccounts staff;

    @Activate
    public AccountsComponent(Config config, BundleContext context, @Reference Database database,
            @Reference DirectoryService directory) {
        Store store = database.open(context.getBundle(), "accounts", AccountMapper.class);
        PasswordPolicy policy = PasswordPolicy.load();
        PasswordHasher hasher = new PasswordHasher(Math.min(10_000_000, Math.max(100_000, config.pbkdf2Iterations())));
        Clock clock = Clock.systemUTC();
        this.registrations = new RegistrationService(store, directory, policy, hasher, clock);
        this.staff = new StaffAccounts(store, directory, policy, hasher, clock);
    }

    RegistrationService registrations() {
        return registrations;
    }

    public StaffAccounts staff() {
        return staff;
    }
}
