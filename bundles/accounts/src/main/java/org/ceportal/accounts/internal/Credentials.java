package org.ceportal.accounts.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

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
            hasher.dummyVerify(pw); // the same time as a wrong password of a real account
            audit(now, null, action, subject(role, login), "bad_credentials", address);
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
