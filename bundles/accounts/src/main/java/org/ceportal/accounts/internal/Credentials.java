package org.ceportal.accounts.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.SqlSession;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.persistence.Store;
import org.ceportal.platform.security.Role;

/**
 * Checks a password against an account under the per-account lock-out. Login, the
 * registration status lookup and the password change share one counter, so none of
 * them is a cheaper way to guess.
 *
 * <p>An attempt is claimed before the hash is compared: one statement counts it and
 * refuses when the account is locked, and the lock the policy asks for is set while
 * that row is still locked by the same transaction. So parallel guesses are counted
 * one by one and no more than the free ones get a password compared.
 */
final class Credentials {
    static final String BAD_CREDENTIALS = "账户或密码错误";

    private final Store store;
    private final PasswordHasher hasher;
    private final LockoutPolicy lockout;
    private final Clock clock;

    Credentials(Store store, PasswordHasher hasher, LockoutPolicy lockout, Clock clock) {
        this.store = store;
        this.hasher = hasher;
        this.lockout = lockout;
        this.clock = clock;
    }

    /**
     * The account whose password this is; its failure count is reset.
     *
     * @param action the audit action of a refusal ({@code login}, {@code status}, ...)
     * @throws ProblemException 401 {@code bad_credentials} for an unknown account or a
     *         wrong password, 429 {@code account_locked} while the account is locked
     */
    AccountRow check(Role role, String login, String password, String action, String address) {
        Instant now = clock.instant();
        char[] pw = password == null ? new char[0] : password.toCharArray();
        AccountRow a = null;
        if (login != null && !login.isEmpty() && login.length() <= 32 && password != null
                && password.length() <= PasswordPolicy.MAX_LENGTH * 2) {
            try (SqlSession s = store.session()) {
                a = s.getMapper(AccountMapper.class).findByLogin(role.name(), login);
            }
        }
        if (a == null) {
            // the same time, the same counting and the same lock-out as a wrong password of a real account
            String subject = subject(role, login);
            Optional<Instant> locked = claimUnknown(subject, now);
            if (locked.isPresent()) {
                audit(now, null, action, subject, "locked", address);
                throw new ProblemException(429, "account_locked", LockoutPolicy.lockedMessage(now, locked.get()));
            }
            hasher.dummyVerify(pw);
            audit(now, null, action, subject, "bad_credentials", address);
            throw badCredentials();
        }
        verify(a, pw, action, subject(role, login), address, now);
        return a;
    }

    /**
     * Checks the password of a known account (e.g. the current password before a
     * change) under the same lock-out; a right one resets the failure count.
     */
    void verify(AccountRow a, char[] password, String action, String subject, String address, Instant now) {
        Optional<Instant> locked = claim(a.id, now);
        if (locked.isPresent()) {
            audit(now, a.id, action, subject, "locked", address);
            throw new ProblemException(429, "account_locked", LockoutPolicy.lockedMessage(now, locked.get()));
        }
        if (!hasher.verify(password, a.passwordHash)) {
            audit(now, a.id, action, subject, "bad_credentials", address);
            throw badCredentials();
        }
        store.inTransaction(s -> s.getMapper(AccountMapper.class).resetFailures(a.id));
    }

    /** Counts an attempt; the time the account stays locked when it is. */
    Optional<Instant> claim(long accountId, Instant now) {
        Timestamp at = Timestamp.from(now);
        return store.inTransaction(s -> {
            AccountMapper m = s.getMapper(AccountMapper.class);
            if (m.claimAttempt(accountId, at) == 0) {
                Timestamp until = m.lockedUntil(accountId);
                return Optional.of(until == null ? now.plusSeconds(1) : until.toInstant());
            }
            lockout.lockAfter(m.failedLogins(accountId))
                    .ifPresent(d -> m.lockUntil(accountId, Timestamp.from(now.plus(d))));
            return Optional.<Instant>empty();
        });
    }

    /** {@link #claim} for a login without an account: its row is made first, in a transaction of its own. */
    Optional<Instant> claimUnknown(String subject, Instant now) {
        Timestamp at = Timestamp.from(now);
        LoginFailureRow existing;
        try (SqlSession s = store.session()) {
            existing = s.getMapper(AccountMapper.class).unknownFailure(subject);
        }
        if (existing == null) {
            try {
                store.inTransaction(s -> s.getMapper(AccountMapper.class).insertUnknown(subject, at));
                lockIfDue(subject, 1, now);
                return Optional.empty();
            } catch (PersistenceException e) {
                // a parallel attempt on the same login made the row first: count this one on it
            }
        }
        return store.inTransaction(s -> {
            AccountMapper m = s.getMapper(AccountMapper.class);
            if (m.claimUnknown(subject, at) == 0) {
                LoginFailureRow row = m.unknownFailure(subject);
                return Optional.of(row == null || row.lockedUntil == null ? now.plusSeconds(1) : row.lockedUntil.toInstant());
            }
            lockout.lockAfter(m.unknownFailure(subject).failedLogins)
                    .ifPresent(d -> m.lockUnknown(subject, Timestamp.from(now.plus(d))));
            return Optional.<Instant>empty();
        });
    }

    private void lockIfDue(String subject, int failures, Instant now) {
        lockout.lockAfter(failures).ifPresent(d -> store.inTransaction(
                s -> s.getMapper(AccountMapper.class).lockUnknown(subject, Timestamp.from(now.plus(d)))));
    }

    /** Forgets failures of logins without an account that are a day old and not locked. */
    int purgeUnknown(Instant now) {
        return store.inTransaction(s -> s.getMapper(AccountMapper.class)
                .deleteOldUnknown(Timestamp.from(now.minus(java.time.Duration.ofDays(1))), Timestamp.from(now)));
    }

    void audit(Instant at, Long actor, String action, String subject, String outcome, String address) {
        store.inTransaction(s -> {
            s.getMapper(AccountMapper.class).audit(Timestamp.from(at), actor, action, subject, outcome, clip(address));
            return null;
        });
    }

    static String subject(Role role, String login) {
        String s = role.name() + ":" + (login == null ? "" : login);
        return s.length() > 64 ? s.substring(0, 64) : s;
    }

    static String clip(String address) {
        return address == null || address.length() <= 64 ? address : address.substring(0, 64);
    }

    static ProblemException badCredentials() {
        return new ProblemException(401, "bad_credentials", BAD_CREDENTIALS);
    }
}
