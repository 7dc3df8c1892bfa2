package org.ceportal.accounts.internal;

import java.sql.Timestamp;
import java.time.Clock;

import org.ceportal.platform.audit.AuditLog;
import org.ceportal.platform.persistence.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The portal's audit trail for every bundle: the accounts module's {@code audit_log}
 * table, which already holds the logins, registrations and decisions. A record made
 * inside another module's transaction joins it (the stores share the thread's
 * transaction), so it commits or rolls back with the change it describes.
 */
@Component(service = AuditLog.class)
public final class AuditLogComponent implements AuditLog {
    private final Store store;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public AuditLogComponent(@Reference AccountsComponent accounts) {
        this.store = accounts.store();
    }

    @Override
    public void record(Long actorId, String action, String subject, String outcome, String address) {
        Timestamp at = Timestamp.from(clock.instant());
        store.inTransaction(s -> {
            s.getMapper(AccountMapper.class).audit(at, actorId, clip(action, 32), clip(subject, 64), clip(outcome, 32),
                    clip(address, 64));
            return null;
        });
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
