package org.ceportal.accounts.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;

import org.apache.ibatis.session.SqlSession;
import org.ceportal.platform.api.FieldError;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.api.Texts;
import org.ceportal.platform.persistence.Store;
import org.ceportal.platform.security.Caller;
import org.ceportal.platform.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Login (登录), sessions, logout and password change. A session is a random 128-bit
 * token the browser keeps in a cookie; the database keeps only its SHA-256.
 */
final class Sessions {
    static final String BAD_CREDENTIALS = Credentials.BAD_CREDENTIALS;
    static final String BAD_CAPTCHA = "验证码错误";
    static final String NOT_APPROVED = "此账号还未被审核";
    static final String WRONG_CURRENT_PASSWORD = "当前密码不正确";
    private static final Logger LOG = LoggerFactory.getLogger(Sessions.class);
    private static final Map<String, Role> USER_TYPES = Map.of(
            "professional", Role.PROFESSIONAL, "unit_admin", Role.UNIT_ADMIN, "ops", Role.OPS, "base_admin", Role.BASE_ADMIN);
    /** last_seen_at is written at most this often, so reading pages does not mean writing rows. */
    private static final Duration TOUCH_EVERY = Duration.ofSeconds(60);

    private final Store store;
    private final PasswordPolicy policy;
    private final PasswordHasher hasher;
    private final Credentials credentials;
    private final Duration idle;
    private final Duration absolute;
    private final Clock clock;
    private final RecentSessions recent;
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong nextPurge = new AtomicLong();

    Sessions(Store store, PasswordPolicy policy, PasswordHasher hasher, Credentials credentials,
            Duration idle, Duration absolute, Clock clock) {
        this(store, policy, hasher, credentials, idle, absolute, clock, new RecentSessions(0, clock));
    }

    Sessions(Store store, PasswordPolicy policy, PasswordHasher hasher, Credentials credentials,
            Duration idle, Duration absolute, Clock clock, RecentSessions recent) {
        this.recent = recent;
        this.store = store;
        this.policy = policy;
        this.hasher = hasher;
        this.credentials = credentials;
        this.idle = idle;
        this.absolute = absolute;
        this.clock = clock;
    }

    /** A login request as the page sends it. */
    static final class LoginRequest {
        public String userType;
        public String account;
        public String password;
        public String captchaId;
        public String captchaAnswer;
    }

    /** A session just created: the token goes into the cookie and is never stored. */
    record NewSession(String token, String csrfToken, Caller caller, Instant expiresAt, boolean mustChangePassword) {
    }

    /** A live session found from its cookie. */
    record Current(String tokenHash, String csrfToken, Caller caller, String login, Instant expiresAt,
                   boolean mustChangePassword) {
    }

    /**
     * Checks the captcha first (consuming it), then the account and password.
     *
     * @param captcha verifies and consumes a captcha: (id, answer) → right
     * @throws ProblemException with the guide's messages
     */
    NewSession login(LoginRequest r, String address, BiPredicate<String, String> captcha) {
        if (r == null) {
            throw ProblemException.invalid("account", "请输入账号和密码");
        }
        List<FieldError> missing = new ArrayList<>();
        Role role = r.userType == null ? null : USER_TYPES.get(r.userType.strip().toLowerCase(Locale.ROOT));
        if (role == null) {
            missing.add(new FieldError("userType", "请选择用户类型"));
        }
        if (r.account == null || r.account.isBlank()) {
            missing.add(new FieldError("account", "请输入账号"));
        }
        if (r.password == null || r.password.isEmpty()) {
            missing.add(new FieldError("password", "请输入密码"));
        }
        if (r.captchaAnswer == null || r.captchaAnswer.isBlank() || r.captchaId == null || r.captchaId.isBlank()) {
            missing.add(new FieldError("captchaAnswer", "请输入验证码"));
        }
        if (!missing.isEmpty()) {
            throw ProblemException.invalid(missing);
        }
        String login = role == Role.PROFESSIONAL ? IdNumbers.normalise(r.account) : r.account.strip();
        Instant now = clock.instant();
        if (!captcha.test(r.captchaId.strip(), r.captchaAnswer)) {
            credentials.audit(now, null, "login", Credentials.subject(role, login), "captcha", address);
            throw badCaptcha();
        }
        AccountRow a = credentials.check(role, login, r.password, "login", address);
        // Only someone who knows the password learns the state of the account.
        if ("pending".equals(a.state)) {
            credentials.audit(now, a.id, "login", Credentials.subject(role, login), "not_approved", address);
            throw new ProblemException(403, "not_approved", NOT_APPROVED);
        }
        if ("rejected".equals(a.state)) {
            credentials.audit(now, a.id, "login", Credentials.subject(role, login), "rejected", address);
            String reason = a.rejectReason == null || a.rejectReason.isBlank() ? ""
                    : "：" + Texts.withoutFinalStop(a.rejectReason);
            throw new ProblemException(403, "registration_rejected",
                    "此账号的注册未通过审核" + reason + "。如有疑问请联系所在单位管理员");
        }
        if ("disabled".equals(a.state)) {
            credentials.audit(now, a.id, "login", Credentials.subject(role, login), "disabled", address);
            throw new ProblemException(403, "account_disabled", "此账号已停用，如有疑问请联系省级运维");
        }
        String token = randomToken();
        String csrf = randomToken();
        Instant expires = now.plus(absolute);
        String rehashed = hasher.needsRehash(a.passwordHash) ? hasher.hash(r.password.toCharArray()) : null;
        store.inTransaction(s -> {
            AccountMapper m = s.getMapper(AccountMapper.class);
            if (rehashed != null) {
                m.updatePassword(a.id, rehashed);
            }
            SessionRow row = new SessionRow();
            row.tokenHash = hash(token);
            row.accountId = a.id;
            row.csrfToken = csrf;
            row.createdAt = Timestamp.from(now);
            row.lastSeenAt = row.createdAt;
            row.expiresAt = Timestamp.from(expires);
            m.insertSession(row);
            m.audit(Timestamp.from(now), a.id, "login", Credentials.subject(role, login), "success", Credentials.clip(address));
            return null;
        });
        purgeNowAndThen(now);
        return new NewSession(token, csrf, new Caller(a.id, a.name, role, a.unitId, a.baseId), expires, a.mustChangePassword != 0);
    }

    /** The live session of a cookie token, read from the database (as for a state-changing request). */
    Optional<Current> current(String token) {
        return current(token, false);
    }

    /**
     * The live session of a cookie token, renewing its idle timer; expired sessions are deleted.
     *
     * @param read true for a request that changes nothing (GET, HEAD): then a session this node
     *        read in the last few seconds ({@link RecentSessions}) serves, while its timeouts hold
     *        and its idle timer needs no renewing; on the only node (embedded Derby) it serves
     *        state-changing requests too
     */
    Optional<Current> current(String token, boolean read) {
        if (token == null || token.length() != 22) {
            return Optional.empty();
        }
        String tokenHash = hash(token);
        Instant now = clock.instant();
        if (read || recent.servesWrites()) {
            RecentSessions.Kept k = recent.get(tokenHash);
            if (k != null && k.current().expiresAt().isAfter(now) && k.lastSeen().plus(idle).isAfter(now)
                    && Duration.between(k.lastSeen(), now).compareTo(TOUCH_EVERY) < 0) {
                return Optional.of(k.current());
            }
        }
        long generation = recent.generation();
        SessionRow row;
        try (SqlSession s = store.session()) {
            row = s.getMapper(AccountMapper.class).findSession(tokenHash);
        }
        if (row == null) {
            recent.drop(tokenHash); // ended through another node
            return Optional.empty();
        }
        Instant lastSeen = row.lastSeenAt.toInstant();
        boolean expired = !row.expiresAt.toInstant().isAfter(now) || !lastSeen.plus(idle).isAfter(now);
        if (expired || !"approved".equals(row.state)) {
            recent.drop(tokenHash);
            store.inTransaction(s -> {
                s.getMapper(AccountMapper.class).deleteSession(tokenHash);
                return null;
            });
            return Optional.empty();
        }
        if (Duration.between(lastSeen, now).compareTo(TOUCH_EVERY) >= 0) {
            store.inTransaction(s -> {
                s.getMapper(AccountMapper.class).touchSession(tokenHash, Timestamp.from(now));
                return null;
            });
            lastSeen = now;
        }
        Caller caller = new Caller(row.accountId, row.name, Role.valueOf(row.role), row.unitId, row.baseId);
        Current current = new Current(tokenHash, row.csrfToken, caller, row.login, row.expiresAt.toInstant(),
                row.mustChangePassword != 0);
        recent.keep(tokenHash, current, lastSeen, generation);
        return Optional.of(current);
    }

    /** Ends a session on the server (logout). */
    void logout(Current session, String address) {
        store.inTransaction(s -> {
            AccountMapper m = s.getMapper(AccountMapper.class);
            m.deleteSession(session.tokenHash());
            m.audit(Timestamp.from(clock.instant()), session.caller().accountId(), "logout",
                    "account:" + session.caller().accountId(), "success", Credentials.clip(address));
            store.afterCommit(() -> recent.forget(session.tokenHash()));
            return null;
        });
    }

    /**
     * Changes the caller's password (修改密码) and ends their other sessions.
     *
     * @throws ProblemException 400 when the current password is wrong or the new one breaks the policy
     */
    void changePassword(Current session, String currentPassword, String newPassword, String address) {
        long id = session.caller().accountId();
        Instant now = clock.instant();
        AccountRow a;
        PersonRow p;
        try (SqlSession s = store.session()) {
            AccountMapper m = s.getMapper(AccountMapper.class);
            a = m.findById(id);
            p = session.caller().role() == Role.PROFESSIONAL ? m.findPerson(id) : null;
        }
        if (a == null) {
            throw ProblemException.unauthorized();
        }
        if (currentPassword == null || currentPassword.isEmpty()) {
            throw ProblemException.invalid("currentPassword", "请输入当前密码");
        }
        if (currentPassword.length() > PasswordPolicy.MAX_LENGTH * 2) {
            throw ProblemException.invalid("currentPassword", WRONG_CURRENT_PASSWORD);
        }
        try {
            credentials.verify(a, currentPassword.toCharArray(), "password_change", "account:" + id, address, now);
        } catch (ProblemException e) {
            if (e.status() == 401) {
                throw ProblemException.invalid("currentPassword", WRONG_CURRENT_PASSWORD);
            }
            throw e;
        }
        List<FieldError> errors = new ArrayList<>();
        if (newPassword == null || newPassword.isEmpty()) {
            errors.add(new FieldError("newPassword", "请输入新密码"));
        } else {
            policy.problem(newPassword, p == null ? a.login : p.idNumber, p == null ? null : p.mobile)
                    .ifPresent(msg -> errors.add(new FieldError("newPassword", msg)));
            if (errors.isEmpty() && newPassword.equals(currentPassword)) {
                errors.add(new FieldError("newPassword", "新密码不能与当前密码相同"));
            }
            if (errors.isEmpty() && p == null && newPassword.strip().equalsIgnoreCase(a.login)) {
                errors.add(new FieldError("newPassword", "密码不能与账号相同"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        String hash = hasher.hash(newPassword.toCharArray());
        store.inTransaction(s -> {
            AccountMapper m = s.getMapper(AccountMapper.class);
            m.updatePassword(id, hash);
            m.clearMustChangePassword(id);
            int ended = m.deleteOtherSessions(id, session.tokenHash());
            store.afterCommit(() -> recent.forgetAccount(id));
            m.audit(Timestamp.from(now), id, "password_change", "account:" + id, "success", Credentials.clip(address));
            LOG.info("Account {} changed its password; {} other session(s) ended", id, ended);
            return null;
        });
    }

    /** Deletes sessions past their timeouts; returns how many. */
    int purgeExpired() {
        Instant now = clock.instant();
        return store.inTransaction(s -> {
            int n = s.getMapper(AccountMapper.class).deleteExpiredSessions(Timestamp.from(now), Timestamp.from(now.minus(idle)));
            return n;
        }) + credentials.purgeUnknown(now);
    }

    /** At most every ten minutes, a login also clears out expired sessions. */
    private void purgeNowAndThen(Instant now) {
        long due = nextPurge.get();
        if (now.toEpochMilli() >= due && nextPurge.compareAndSet(due, now.toEpochMilli() + 600_000)) {
            int n = purgeExpired();
            if (n > 0) {
                LOG.debug("Deleted {} expired session(s)", n);
            }
        }
    }

    Duration absoluteTimeout() {
        return absolute;
    }

    static ProblemException badCaptcha() {
        return new ProblemException(400, "captcha_invalid", BAD_CAPTCHA, List.of(new FieldError("captchaAnswer", BAD_CAPTCHA)));
    }

    private String randomToken() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing", e);
        }
    }
}
