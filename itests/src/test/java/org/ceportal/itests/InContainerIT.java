package org.ceportal.itests;

import org.junit.AfterClass;
import org.junit.runner.RunWith;
import org.junit.runners.Suite;

/**
 * The in-container tests as one JUnit suite, so that Pax Exam's {@code PerSuite}
 * strategy boots the assembled distribution once for all of them (a boot takes
 * 30–40 s on two cores). Each class is run by the failsafe plugin only through this
 * suite; its name does not end in IT. One class alone: {@code -Dit.test=HostileInputChecks}.
 */
@RunWith(Suite.class)
@Suite.SuiteClasses({PortalChecks.class, AccountChecks.class, DeclarationChecks.class, ReviewChecks.class,
        ReviewAuditChecks.class, ProfileChecks.class, CompletionChecks.class, ProofChecks.class, PasswordResetChecks.class,
        MailResetChecks.class, CreditChecks.class, UnitReportChecks.class, ProvinceReportChecks.class, BaseChecks.class,
        BaseImportChecks.class, OpsFormChecks.class, OpsFigureChecks.class, OpsDefinitionChecks.class, StaffStateChecks.class, UnitAdminChecks.class, AccountSafetyChecks.class, OpenApiChecks.class, HostileInputChecks.class,
        DatabaseCopyChecks.class})
public class InContainerIT {

    /** The private PostgreSQL server of the run (the database on PostgreSQL, the copy's target on Derby) ends with it. */
    @AfterClass
    public static void stopPostgresql() {
        PostgresServer.stopShared();
    }
}
