package org.ceportal.accounts.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.apache.ibatis.session.SqlSession;
import org.ceportal.directory.api.DirectoryService;
import org.ceportal.platform.api.Page;
import org.ceportal.platform.api.PageRequest;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.api.Texts;
import org.ceportal.platform.persistence.Store;
import org.ceportal.platform.security.Caller;
import org.ceportal.platform.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 重置密码: a unit admin gives a person of their unit a temporary password, ops do the
 * same for staff. The temporary password is shown once, lifts a lock-out, ends the
 * account's sessions, and must be replaced at the next login before anything else works.
 */
final class PasswordResets {
    private static final Logger LOG = LoggerFactory.getLogger(PasswordResets.class);
    /** No 0/O, 1/l/I: read aloud over the phone or copied from a screen. */
    private static final char[] ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789".toCharArray();
    private static final int LENGTH = 12;
    private static final int MAX_QUERY = 50;

    /** The answer: whose password it is now, shown once. */
    record Reset(long accountId, String login, String name, String temporaryPassword) {
    }

    /**
     * A staff account as ops see it in 账号管理.
     *
     * @param state     {@code approved} (在用) or {@code disabled} (已停用)
     * @param stateName its zh-CN name
     * @param locked    whether wrong passwords have locked it now
     */
    record Staff(long accountId, String login, String name, String role, String roleName, Long unitId, String unitName,
                 Long baseId, String baseName, boolean locked, String state, String stateName) {
    }

    /** The zh-CN name of a staff account's state. */
    static String staffStateName(String state) {
        return "disabled".equals(state) ? "已停用" : "在用";
    }

    private final Store store;
    private final PasswordHasher hasher;
    private final DirectoryService directory;
    private final org.ceportal.accounts.api.BaseNames bases;
    private final Clock clock;
    private final RecentSessions recent;
    private final SecureRandom random = new SecureRandom();

    PasswordResets(Store store, PasswordHasher hasher, DirectoryService directory, org.ceportal.accounts.api.BaseNames bases,
            Clock clock, RecentSessions recent) {
        this.recent = recent;
        this.store = store;
        this.hasher = hasher;
        this.directory = directory;
        this.bases = bases;
        this.clock = clock;
    }

    /** A unit admin resets a professional of their own unit; anyone else is not found. */
    Reset ofPerson(Caller admin, long accountId, String address) {
        AccountRow a = find(accountId);
        if (a == null || admin.role() != Role.UNIT_ADMIN || admin.unitId() == null
                || !Role.PROFESSIONAL.name().equals(a.role) || !Objects.equals(a.unitId, admin.unitId())) {
            throw ProblemException.notFound("person_not_found", "未找到该人员");
        }
        if (!"approved".equals(a.state)) {
            throw ProblemException.conflict("not_approved", "该人员的注册尚未审核通过，无需重置密码");
        }
        return reset(admin.accountId(), a, address);
    }

    /** Ops reset a unit admin's or another ops account's password. */
    Reset ofStaff(Caller ops, long accountId, String address) {
        AccountRow a = find(accountId);
        if (a == null || Role.PROFESSIONAL.name().equals(a.role)) {
            throw ProblemException.notFound("account_not_found", "未找到该账号");
        }
        if (a.id == ops.accountId()) {
            throw ProblemException.conflict("own_account", "不能重置自己的密码，请在「修改密码」中修改");
        }
        return reset(ops.accountId(), a, address);
    }

    /** The console resets a staff account's password ({@code ceportal:staff-reset}); audited with no actor. */
    Reset ofStaffFromConsole(long accountId) {
        AccountRow a = find(accountId);
        if (a == null || Role.PROFESSIONAL.name().equals(a.role)) {
            throw ProblemException.notFound("account_not_found", "未找到该账号");
        }
        return reset(null, a, "console");
    }

    /** Staff accounts, by role then login; {@code q} matches login or name. */
    Page<Staff> staff(String q, PageRequest page) {
        String query = q == null || q.isBlank() ? null : q.strip();
        if (query != null && query.length() > MAX_QUERY) {
            throw ProblemException.invalid("q", "搜索内容不能超过 " + MAX_QUERY + " 个字");
        }
        String pattern = query == null ? null : Texts.containsPattern(query.toLowerCase(java.util.Locale.ROOT));
        List<AccountRow> rows;
        int total;
        try (SqlSession s = store.session()) {
            AccountMapper m = s.getMapper(AccountMapper.class);
            total = m.staffCount(pattern);
            rows = m.staff(pattern, page.offset(), page.size());
        }
        return new Page<>(views(rows), total, page);
    }

    /** One staff account as 账号管理 lists it; 404 for a professional or no account. */
    Staff oneStaff(long id) {
        AccountRow a = find(id);
        if (a == null || Role.PROFESSIONAL.name().equals(a.role)) {
            throw ProblemException.notFound("account_not_found", "未找到该账号");
        }
        return views(List.of(a)).get(0);
    }

    private List<Staff> views(List<AccountRow> rows) {
        Map<Long, String> units = rows.stream().map(r -> r.unitId).filter(Objects::nonNull).distinct()
                .collect(Collectors.toMap(id -> id, id -> directory.unit(id).map(u -> u.name).orElse("")));
        long now = clock.millis();
        return rows.stream().map(r -> {
            Role role = Role.valueOf(r.role);
            return new Staff(r.id, r.login, r.name, role.name(), role.label(), r.unitId,
                    r.unitId == null ? null : units.get(r.unitId), r.baseId,
                    r.baseId == null ? null : bases.nameOf(r.baseId).orElse(null),
                    r.lockedUntil != null && r.lockedUntil.getTime() > now, r.state, staffStateName(r.state));
        }).toList();
    }

    private Reset reset(Long actorId, AccountRow a, String address) {
        String temporary = temporaryPassword();
        String hash = hasher.hash(temporary.toCharArray());
        store.inTransaction(s -> {
            AccountMapper m = s.getMapper(AccountMapper.class);
            m.setTemporaryPassword(a.id, hash);
            m.deleteSessionsOf(a.id);
            store.afterCommit(() -> recent.forgetAccount(a.id));
            m.audit(Timestamp.from(clock.instant()), actorId, "password_reset", "account:" + a.id, "reset",
                    Credentials.clip(address));
            return null;
        });
        LOG.info("Account {} got a temporary password from account {}", a.id, actorId);
        return new Reset(a.id, a.login, a.name, temporary);
    }

    private AccountRow find(long id) {
        try (SqlSession s = store.session()) {
            return s.getMapper(AccountMapper.class).findById(id);
        }
    }

    private String temporaryPassword() {
        StringBuilder b = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            b.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return b.toString();
    }
}
