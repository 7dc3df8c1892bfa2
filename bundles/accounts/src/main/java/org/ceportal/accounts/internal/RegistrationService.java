package org.ceportal.accounts.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.BiPredicate;

import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.SqlSession;
import org.ceportal.directory.api.DirectoryService;
import org.ceportal.platform.api.FieldError;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.persistence.Store;
import org.ceportal.platform.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registration of professionals (注册): checks, stores a pending account with its
 * personal data in one transaction, and tells a person where their registration stands.
 */
final class RegistrationService {
    static final String PENDING_MESSAGE = "注册信息已经提交审核，请耐心等待";
    static final String ALREADY_REGISTERED = "该身份证号已经注册过，请直接登录；如需帮助请联系所在单位管理员";
    static final String BAD_CREDENTIALS = Credentials.BAD_CREDENTIALS;
    private static final Logger LOG = LoggerFactory.getLogger(RegistrationService.class);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Store store;
    private final RegistrationRules rules;
    private final PasswordHasher hasher;
    private final Credentials credentials;
    private final Clock clock;

    RegistrationService(Store store, DirectoryService directory, PasswordPolicy policy, PasswordHasher hasher,
            Credentials credentials, Clock clock) {
        this.store = store;
        this.rules = new RegistrationRules(directory, policy);
        this.hasher = hasher;
        this.credentials = credentials;
        this.clock = clock;
    }

    /**
     * Checks the fields (cheap, no account looked up), then the captcha (consumed),
     * and only then hashes the password and stores the registration. A registration
     * of an ID number whose earlier registration was rejected supersedes that one,
     * which stays as history.
     *
     * @param captcha verifies and consumes a captcha: (id, answer) → right
     * @throws ProblemException 400 with field errors or a wrong captcha, 409 when the
     *         ID number is registered and not rejected
     */
    void register(RegistrationRequest r, String address, BiPredicate<String, String> captcha) {
        if (r == null) {
            throw ProblemException.invalid("idNumber", "请填写注册信息");
        }
        List<FieldError> errors = rules.check(r, LocalDate.now(clock.withZone(CHINA)));
        if (r.captchaId == null || r.captchaId.isBlank() || r.captchaAnswer == null || r.captchaAnswer.isBlank()) {
            errors.add(new FieldError("captchaAnswer", "请输入验证码"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        String id = IdNumbers.normalise(r.idNumber);
        if (!captcha.test(r.captchaId.strip(), r.captchaAnswer)) {
            credentials.audit(clock.instant(), null, "register", "PROFESSIONAL:" + id, "captcha", address);
            throw Sessions.badCaptcha();
        }
        String hash = hasher.hash(r.password.toCharArray());
        try {
            store.inTransaction(s -> {
                AccountMapper m = s.getMapper(AccountMapper.class);
                AccountRow earlier = m.findByLogin("PROFESSIONAL", id);
                boolean again = false;
                if (earlier != null && "rejected".equals(earlier.state)) {
                    m.retireRejectedAccount(earlier.id, id + "#" + earlier.id);
                    m.retireRejectedPerson(earlier.id);
                    again = true;
                }
                if (m.countByIdNumber(id) > 0) {
                    throw alreadyRegistered();
                }
                AccountRow a = new AccountRow();
                a.role = "PROFESSIONAL";
                a.login = id;
                a.passwordHash = hash;
                a.state = "pending";
                a.name = r.name.strip();
                a.unitId = r.unitId;
                a.createdAt = Timestamp.from(clock.instant());
                m.insertAccount(a);
                PersonRow p = new PersonRow();
                p.accountId = a.id;
                p.idNumber = id;
                p.mobile = r.mobile.strip();
                p.email = r.email.strip();
                p.regionCode = r.regionCode.strip();
                p.departmentId = r.departmentId;
                p.gender = r.gender.strip();
                p.birthDate = Date.valueOf(LocalDate.parse(r.birthDate.strip()));
                p.ethnicGroup = r.ethnicGroup.strip();
                p.nativePlace = blankToNull(r.nativePlace);
                p.school = blankToNull(r.school);
                p.majorCode = blankToNull(r.majorCode);
                p.titleCode = blankToNull(r.titleCode);
                m.insertPerson(p);
                m.audit(a.createdAt, a.id, "register", "account:" + a.id, again ? "pending_again" : "pending",
                        Credentials.clip(address));
                LOG.info("Registration {} submitted for unit {}{}", a.id, a.unitId, again ? " after a rejection" : "");
                return null;
            });
        } catch (PersistenceException e) {
            // the unique constraints catch a registration of the same ID number at the same moment
            if (isRegistered(id)) {
                throw alreadyRegistered();
            }
            throw e;
        }
    }

    private boolean isRegistered(String idNumber) {
        try (SqlSession s = store.session()) {
            return s.getMapper(AccountMapper.class).countByIdNumber(idNumber) > 0;
        }
    }

    /** The body of {@code POST /api/registrations/status}. */
    static final class StatusRequest {
        public String idNumber;
        public String password;
        public String captchaId;
        public String captchaAnswer;
    }

    /** Where a registration stands: the state, its zh-CN name, a sentence, and {@code reason} only when rejected. */
    record Status(String state, String stateName, String message, String reason) {
    }

    /**
     * Where a registration stands, for its owner only. It costs a guesser what a login
     * costs: the captcha (consumed), the account's lock-out counter, an audit record.
     */
    Status status(StatusRequest r, String address, BiPredicate<String, String> captcha) {
        List<FieldError> missing = new java.util.ArrayList<>();
        if (r == null || r.idNumber == null || r.idNumber.isBlank()) {
            missing.add(new FieldError("idNumber", "请输入身份证号"));
        }
        if (r == null || r.password == null || r.password.isEmpty()) {
            missing.add(new FieldError("password", "请输入密码"));
        }
        if (r == null || r.captchaId == null || r.captchaId.isBlank() || r.captchaAnswer == null || r.captchaAnswer.isBlank()) {
            missing.add(new FieldError("captchaAnswer", "请输入验证码"));
        }
        if (!missing.isEmpty()) {
            throw ProblemException.invalid(missing);
        }
        String id = IdNumbers.normalise(r.idNumber);
        if (!captcha.test(r.captchaId.strip(), r.captchaAnswer)) {
            credentials.audit(clock.instant(), null, "status", Credentials.subject(Role.PROFESSIONAL, id), "captcha", address);
            throw Sessions.badCaptcha();
        }
        AccountRow a = credentials.check(Role.PROFESSIONAL, id, r.password, "status", address);
        credentials.audit(clock.instant(), a.id, "status", Credentials.subject(Role.PROFESSIONAL, id), a.state, address);
        return switch (a.state) {
            case "pending" -> new Status(a.state, "待审核", "注册信息正在等待所在单位管理员审核", null);
            case "approved" -> new Status(a.state, "审核通过", "注册已审核通过，可以登录", null);
            default -> new Status(a.state, "审核未通过", "注册未通过审核", a.rejectReason);
        };
    }

    private static ProblemException alreadyRegistered() {
        return new ProblemException(409, "already_registered", ALREADY_REGISTERED,
                List.of(new FieldError("idNumber", ALREADY_REGISTERED)));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The field checks, which profile edits share. */
    RegistrationRules rules() {
        return rules;
    }
}
