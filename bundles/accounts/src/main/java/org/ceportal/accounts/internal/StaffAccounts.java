package org.ceportal.accounts.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.SqlSession;
import org.ceportal.directory.api.DirectoryService;
import org.ceportal.platform.api.FieldError;
import org.ceportal.platform.api.Texts;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.persistence.Store;

/**
 * Accounts of unit admins and provincial ops, created by ops (there is no default
 * account and no default password). They are approved from the start.
 */
public final class StaffAccounts {
    static final Pattern LOGIN = Pattern.compile("[A-Za-z][A-Za-z0-9_.\\-]{2,31}");

    private final Store store;
    private final DirectoryService directory;
    private final org.ceportal.accounts.api.BaseNames bases;
    private final PasswordPolicy policy;
    private final PasswordHasher hasher;
    private final Clock clock;

    StaffAccounts(Store store, DirectoryService directory, PasswordPolicy policy, PasswordHasher hasher, Clock clock) {
        this(store, directory, id -> java.util.Optional.empty(), policy, hasher, clock);
    }

    StaffAccounts(Store store, DirectoryService directory, org.ceportal.accounts.api.BaseNames bases, PasswordPolicy policy,
            PasswordHasher hasher, Clock clock) {
        this.bases = bases;
        this.store = store;
        this.directory = directory;
        this.policy = policy;
        this.hasher = hasher;
        this.clock = clock;
    }

    /**
     * @param role     {@code OPS}, {@code UNIT_ADMIN} or {@code BASE_ADMIN}
     * @param unitId   the unit a unit admin administers; null for ops
     * @param actorId  who creates it (null from the console)
     * @return the new account's id
     */
    public long create(String role, String login, String name, Long unitId, String password, Long actorId) {
        return create(role, login, name, unitId, null, password, actorId);
    }

    /**
     * @param baseId the 继续教育基地 a base admin administers; null for the others
     */
    public long create(String role, String login, String name, Long unitId, Long baseId, String password, Long actorId) {
        return create(role, login, name, unitId, baseId, password, actorId, "created", m -> { });
    }

    /**
     * Creates the account after {@code precondition} ran in the same transaction (it
     * throws to refuse), so a consumed token and the new account commit together.
     */
    long create(String role, String login, String name, Long unitId, Long baseId, String password, Long actorId,
            String outcome, java.util.function.Consumer<AccountMapper> precondition) {
        String r = role == null ? "" : role.strip().toUpperCase(Locale.ROOT);
        List<FieldError> errors = new ArrayList<>();
        if (!r.equals("OPS") && !r.equals("UNIT_ADMIN") && !r.equals("BASE_ADMIN")) {
            errors.add(new FieldError("role", "角色必须是 OPS（运维）、UNIT_ADMIN（单位管理员）或 BASE_ADMIN（继续教育基地管理员）"));
        }
        if (login == null || !LOGIN.matcher(login.strip()).matches()) {
            errors.add(new FieldError("login", "账号须以字母开头，由 3 到 32 个字母、数字、下划线、点或减号组成"));
        }
        if (name == null || name.isBlank()) {
            errors.add(new FieldError("name", "请填写姓名（不超过50个字）"));
        } else {
            Texts.problem("name", "姓名", name.strip(), 50, false).ifPresent(errors::add);
        }
        if (r.equals("UNIT_ADMIN") && (unitId == null || directory.unit(unitId).isEmpty())) {
            errors.add(new FieldError("unitId", "单位管理员必须属于一个已登记的单位"));
        }
        if ((r.equals("OPS") || r.equals("BASE_ADMIN")) && unitId != null) {
            errors.add(new FieldError("unitId", r.equals("OPS") ? "运维账号不属于单位" : "继续教育基地管理员不属于单位"));
        }
        if (r.equals("BASE_ADMIN") && (baseId == null || bases.nameOf(baseId).isEmpty())) {
            errors.add(new FieldError("baseId", "继续教育基地管理员必须属于一个已登记的继续教育基地"));
        }
        if (!r.equals("BASE_ADMIN") && baseId != null) {
            errors.add(new FieldError("baseId", "只有继续教育基地管理员属于基地"));
        }
        if (password == null) {
            errors.add(new FieldError("password", "请设置密码"));
        } else {
            policy.problem(password, login, null).ifPresent(m -> errors.add(new FieldError("password", m)));
            if (login != null && password.strip().equalsIgnoreCase(login.strip())) {
                errors.add(new FieldError("password", "密码不能与账号相同"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        AccountRow a = new AccountRow();
        a.role = r;
        a.login = login.strip();
        a.passwordHash = hasher.hash(password.toCharArray());
        a.state = "approved";
        a.name = name.strip();
        a.unitId = unitId;
        a.baseId = baseId;
        a.createdAt = Timestamp.from(clock.instant());
        try {
            return store.inTransaction(s -> {
                AccountMapper m = s.getMapper(AccountMapper.class);
                precondition.accept(m);
                if (m.findByLogin(r, a.login) != null) {
                    throw ProblemException.conflict("account_exists", "该账号已存在");
                }
                m.insertAccount(a);
                if (r.equals("OPS")) {
                    m.deleteSetupTokens(); // there is an ops account now: no one-time setup any more
                }
                m.audit(a.createdAt, actorId, "account_create", "account:" + a.id + " " + r, outcome, null);
                return a.id;
            });
        } catch (PersistenceException e) {
            // the unique constraint caught the same login created at the same moment
            try (SqlSession s = store.session()) {
                if (s.getMapper(AccountMapper.class).findByLogin(r, a.login) != null) {
                    throw ProblemException.conflict("account_exists", "该账号已存在");
                }
            }
            throw e;
        }
    }
}
