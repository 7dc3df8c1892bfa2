package org.ceportal.accounts.internal;

import java.sql.Timestamp;
import java.time.Clock;

import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.persistence.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 账号管理 for ops: disable a staff account (it cannot log in, its sessions end at once), enable it again, and lift
 * a lock-out that wrong passwords set. Each is one conditional UPDATE (of two ops acting at once one wins, the other
 * is told), audited in the same transaction. Ops never act on their own account; professionals are the unit admins'.
 */
final class StaffStates {
    private static final Logger LOG = LoggerFactory.getLogger(StaffStates.class);

    private final Store store;
    private final PasswordResets resets;
    private final Clock clock;
    private final RecentSessions recent;

    StaffStates(Store store, PasswordResets resets, Clock clock, RecentSessions recent) {
        this.store = store;
        this.resets = resets;
        this.clock = clock;
        this.recent = recent;
    }

    /** Disables the account; 409 {@code already_disabled} when it is. {@code actorId} null: the console. */
    PasswordResets.Staff disable(Long actorId, long id, String address) {
        PasswordResets.Staff before = other(actorId, id);
        store.inTransaction(s -> {
            AccountMapper m = s.getMapper(AccountMapper.class);
            if (m.setStaffState(id, "approved", "disabled") == 0) {
                throw ProblemException.conflict("already_disabled", "该账号已停用");
            }
            m.deleteSessionsOf(id);
            store.afterCommit(() -> recent.forgetAccount(id));
            m.audit(Timestamp.from(clock.instant()), actorId, "account_disable", "account:" + id, "disabled",
                    Credentials.clip(address));
            return null;
        });
        LOG.info("Staff account {} ({}) disabled by account {}", id, before.login(), actorId);
        return resets.oneStaff(id);
    }

    /** Enables a disabled account; 409 {@code not_disabled} when it is not. */
    PasswordResets.Staff enable(Long actorId, long id, String address) {
        other(actorId, id);
        store.inTransaction(s -> {
            AccountMapper m = s.getMapper(AccountMapper.class);
            if (m.setStaffState(id, "disabled", "approved") == 0) {
                throw ProblemException.conflict("not_disabled", "该账号未停用");
            }
            m.audit(Timestamp.from(clock.instant()), actorId, "account_enable", "account:" + id, "enabled",
                    Credentials.clip(address));
            return null;
        });
        LOG.info("Staff account {} enabled by account {}", id, actorId);
        return resets.oneStaff(id);
    }

    /** Lifts a lock-out and forgets the wrong passwords; 409 {@code not_locked} when there is nothing to lift. */
    PasswordResets.Staff unlock(Long actorId, long id, String address) {
        other(actorId, id);
        store.inTransaction(s -> {
            AccountMapper m = s.getMapper(AccountMapper.class);
            if (m.resetFailures(id) == 0) {
                throw ProblemException.conflict("not_locked", "该账号没有被锁定");
            }
            m.audit(Timestamp.from(clock.instant()), actorId, "account_unlock", "account:" + id, "unlocked",
                    Credentials.clip(address));
            return null;
        });
        LOG.info("Staff account {} unlocked by account {}", id, actorId);
        return resets.oneStaff(id);
    }

    private PasswordResets.Staff other(Long actorId, long id) {
        PasswordResets.Staff a = resets.oneStaff(id);
        if (actorId != null && actorId == id) {
            throw ProblemException.conflict("own_account", "不能停用、启用或解锁自己的账号");
        }
        return a;
    }
}
