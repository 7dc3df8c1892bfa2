package org.ceportal.accounts.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.SqlSession;
import org.ceportal.directory.api.DirectoryService;
import org.ceportal.platform.api.FieldError;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.persistence.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registration of professionals (注册): checks, stores a pending account with its
 * personal data in one transaction, and tells a person where their registration stands.
 */
final class RegistrationService {
    static final String PENDING_MESSAGE = "注册信息已经提交审核，请耐心等待";
    static final String ALREADY_REGISTERED = "该身份证号已经注册过，请直接登录；如需帮助请联系所在单位管理员";
    static final String BAD_CREDENTIALS = "账户或密码错误";
    private static final Logger LOG = LoggerFactory.getLogger(RegistrationService.class);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Store store;
    private final RegistrationRules rules;
    private final PasswordHasher hasher;
    private final Clock clock;

    RegistrationService(Store store, DirectoryService directory, PasswordPolicy policy, PasswordHasher hasher, Clock clock) {
        this.store = store;
        this.rules = new RegistrationRules(directory, policy);
        this.hasher = hasher;
        this.clock = clock;
    }

    /** @throws ProblemException 400 with field errors, 409 when the ID number is registered */
    void register(RegistrationRequest r, String address) {
        if (r == null) {
            throw ProblemException.invalid("idNumber", "请填写注册信息");
        }
        List<FieldError> errors = rules.check(r, LocalDate.now(clock.withZone(CHINA)));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        String id = IdNumbers.normalise(r.idNumber);
        String hash = hasher.hash(r.password.toCharArray());
        try (SqlSession s = store.session()) {
            AccountMapper m = s.getMapper(AccountMapper.class);
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
            m.audit(a.createdAt, a.id, "register", "account:" + a.id, "pending", address);
            s.commit();
            LOG.info("Registration {} submitted for unit {}", a.id, a.unitId);
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

    /** Where a registration stands, for its owner only. */
    Map<String, Object> status(String idNumber, String password) {
        String id = idNumber == null ? "" : IdNumbers.normalise(idNumber);
        AccountRow a = null;
        if (id.length() == 18 && password != null && password.length() <= 128) {
            try (SqlSession s = store.session()) {
                a = s.getMapper(AccountMapper.class).findByLogin("PROFESSIONAL", id);
            }
        }
        char[] pw = password == null ? new char[0] : password.toCharArray();
        if (a == null) {
            hasher.dummyVerify(pw);
            throw new ProblemException(401, "bad_credentials", BAD_CREDENTIALS);
        }
        if (!hasher.verify(pw, a.passwordHash)) {
            throw new ProblemException(401, "bad_credentials", BAD_CREDENTIALS);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("state", a.state);
        switch (a.state) {
            case "pending" -> out.put("message", "注册信息正在等待所在单位管理员审核");
            case "approved" -> out.put("message", "注册已审核通过，可以登录");
            default -> {
                out.put("message", "注册未通过审核");
                out.put("reason", a.rejectReason);
            }
        }
        return out;
    }

    private static ProblemException alreadyRegistered() {
        return new ProblemException(409, "already_registered", ALREADY_REGISTERED,
                List.of(new FieldError("idNumber", ALREADY_REGISTERED)));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
