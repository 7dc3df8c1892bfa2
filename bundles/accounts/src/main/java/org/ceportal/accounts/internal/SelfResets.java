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
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.BiPredicate;

import org.apache.ibatis.session.SqlSession;
import org.ceportal.platform.api.FieldError;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.persistence.Store;
import org.ceportal.platform.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 忘记密码 by e-mail: a professional gives the ID number and the registered e-mail; when
 * both belong together, a six-digit code goes to that address. The answer is the same
 * whether or not they do, so nobody learns who is registered. The code is single-use,
 * short-lived, void after {@value #MAX_ATTEMPTS} wrong tries, and kept only as a hash.
 */
final class SelfResets {
    private static final Logger LOG = LoggerFactory.getLogger(SelfResets.class);
    static final int MAX_ATTEMPTS = 5;
    static final String SENT = "如果该身份证号已注册且邮箱与注册时填写的一致，验证码已发送到该邮箱，请查收（也请查看垃圾邮件）";
    static final String CODE_INVALID = "验证码错误或已过期，请重新获取";

    /** Step one, as the page sends it. */
    static final class Request {
        public String userType;
        public String account;
        public String email;
        public String captchaId;
        public String captchaAnswer;
    }

    /** Step two. */
    static final class Confirmation {
        public String userType;
        public String account;
        public String code;
        public String newPassword;
    }

    /** The answer to step one: always the same. */
    record Requested(String message, int codeMinutes) {
    }

    private final Store store;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final Clock clock;
    private final RecentSessions recent;
    private final SecureRandom random = new SecureRandom();

    SelfResets(Store store, PasswordHasher hasher, PasswordPolicy policy, Clock clock, RecentSessions recent) {
        this.recent = recent;
        this.store = store;
        this.hasher = hasher;
        this.policy = policy;
        this.clock = clock;
    }

    Requested request(Request r, String address, BiPredicate<String, String> captcha, PasswordMail mail) {
        List<FieldError> missing = new ArrayList<>();
        if (r == null || !"professional".equals(r.userType)) {
            throw ProblemException.invalid("userType", "找回密码仅适用于专业技术人员；单位管理员和继续教育基地管理员请联系省级运维人员重置密码");
        }
        if (r.account == null || r.account.isBlank()) {
            missing.add(new FieldError("account", "请输入身份证号"));
        }
        if (r.email == null || r.email.isBlank() || r.email.length() > 100 || !r.email.contains("@")) {
            missing.add(new FieldError("email", "请输入注册时填写的电子邮箱"));
        }
        if (r.captchaAnswer == null || r.captchaAnswer.isBlank() || r.captchaId == null || r.captchaId.isBlank()) {
            missing.add(new FieldError("captchaAnswer", "请输入验证码"));
        }
        if (!missing.isEmpty()) {
            throw ProblemException.invalid(missing);
        }
        if (!mail.enabled()) {
            throw new ProblemException(503, "mail_not_configured", "本平台暂未开通邮件找回密码，请联系所在单位管理员重置密码");
        }
        if (!captcha.test(r.captchaId.strip(), r.captchaAnswer)) {
            throw Sessions.badCaptcha();
        }
        String login = IdNumbers.normalise(r.account);
        Instant now = clock.instant();
        AccountRow a = null;
        PersonRow p = null;
        if (login != null && login.length() <= 32) {
            try (SqlSession s = store.session()) {
                AccountMapper m = s.getMapper(AccountMapper.class);
                a = m.findByLogin(Role.PROFESSIONAL.name(), login);
                p = a == null ? null : m.findPerson(a.id);
            }
        }
        String outcome;
        if (a == null || p == null || !"approved".equals(a.state) || p.email == null
                || !p.email.strip().equalsIgnoreCase(r.email.strip())) {
            outcome = "no_match";
        } else {
            long accountId = a.id;
            String code = String.format(Locale.ROOT, "%06d", random.nextInt(1_000_000));
            Timestamp at = Timestamp.from(now);
            outcome = store.inTransaction(s -> {
                AccountMapper m = s.getMapper(AccountMapper.class);
                if (m.resetCodesSince(accountId, Timestamp.from(now.minus(Duration.ofHours(1)))) >= mail.codesPerHour()) {
                    return "limited";
                }
                m.voidResetCodes(accountId, at);
                m.insertResetCode(accountId, hash(accountId, code), at,
                        Timestamp.from(now.plus(Duration.ofMinutes(mail.codeMinutes()))));
                return "sent";
            });
            if ("sent".equals(outcome)) {
                mail.send(p.email.strip(), "【" + mail.senderName() + "】找回密码验证码",
                        a.name + "，您好：\n\n您正在找回继续教育平台的登录密码，验证码为：" + code + "\n\n验证码 "
                                + mail.codeMinutes() + " 分钟内有效，只能使用一次。如非本人操作，请忽略本邮件，您的密码不会改变。\n");
            }
        }
        audit(now, a == null ? null : a.id, "password_reset_request", Credentials.subject(Role.PROFESSIONAL, login), outcome,
                address);
        return new Requested(SENT, mail.codeMinutes());
    }

    void confirm(Confirmation c, String address) {
        if (c == null || !"professional".equals(c.userType)) {
            throw ProblemException.invalid("userType", "找回密码仅适用于专业技术人员");
        }
        List<FieldError> missing = new ArrayList<>();
        if (c.account == null || c.account.isBlank()) {
            missing.add(new FieldError("account", "请输入身份证号"));
        }
        if (c.code == null || !c.code.strip().matches("\\d{6}")) {
            missing.add(new FieldError("code", "请输入邮件中的 6 位验证码"));
        }
        if (c.newPassword == null || c.newPassword.isEmpty()) {
            missing.add(new FieldError("newPassword", "请输入新密码"));
        }
        if (!missing.isEmpty()) {
            throw ProblemException.invalid(missing);
        }
        String login = IdNumbers.normalise(c.account);
        Instant now = clock.instant();
        AccountRow a;
        PersonRow p;
        ResetCodeRow live;
        try (SqlSession s = store.session()) {
            AccountMapper m = s.getMapper(AccountMapper.class);
            a = login == null || login.length() > 32 ? null : m.findByLogin(Role.PROFESSIONAL.name(), login);
            p = a == null ? null : m.findPerson(a.id);
            live = a == null ? null : m.liveResetCode(a.id, Timestamp.from(now));
        }
        String subject = Credentials.subject(Role.PROFESSIONAL, login);
        if (a == null || p == null || live == null || live.attempts >= MAX_ATTEMPTS) {
            audit(now, a == null ? null : a.id, "password_reset", subject, "code_invalid", address);
            throw codeInvalid();
        }
        if (!MessageDigest.isEqual(live.codeHash.getBytes(StandardCharsets.US_ASCII),
                hash(a.id, c.code.strip()).getBytes(StandardCharsets.US_ASCII))) {
            store.inTransaction(s -> s.getMapper(AccountMapper.class).failResetCode(live.id));
            audit(now, a.id, "password_reset", subject, "code_invalid", address);
            throw codeInvalid();
        }
        policy.problem(c.newPassword, p.idNumber, p.mobile).ifPresent(msg -> {
            throw ProblemException.invalid("newPassword", msg);
        });
        String newHash = hasher.hash(c.newPassword.toCharArray());
        long id = a.id;
        store.inTransaction(s -> {
            AccountMapper m = s.getMapper(AccountMapper.class);
            if (m.useResetCode(live.id, Timestamp.from(now)) != 1) {
                throw codeInvalid(); // the same code used twice at once: one wins
            }
            m.updatePassword(id, newHash);
            m.clearMustChangePassword(id);
            m.resetFailures(id);
            m.deleteSessionsOf(id);
            store.afterCommit(() -> recent.forgetAccount(id));
            m.audit(Timestamp.from(now), id, "password_reset", subject, "success", Credentials.clip(address));
            return null;
        });
        LOG.info("Account {} set a new password with an e-mailed code", id);
    }

    private void audit(Instant at, Long actor, String action, String subject, String outcome, String address) {
        store.inTransaction(s -> {
            s.getMapper(AccountMapper.class).audit(Timestamp.from(at), actor, action, subject, outcome, Credentials.clip(address));
            return null;
        });
    }

    private static ProblemException codeInvalid() {
        return new ProblemException(400, "code_invalid", CODE_INVALID, List.of(new FieldError("code", CODE_INVALID)));
    }

    /** The code is bound to its account, so a hash says nothing about another one's. */
    static String hash(long accountId, String code) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest((accountId + ":" + code).getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing", e);
        }
    }
}
