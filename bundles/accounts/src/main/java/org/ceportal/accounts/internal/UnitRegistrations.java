package org.ceportal.accounts.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * A unit admin's view of the registrations of their own unit: list, details and the
 * decision. The unit comes from the caller, never from the request, so an admin
 * cannot reach another unit's people.
 */
final class UnitRegistrations {
    static final String NOT_FOUND = "未找到该注册申请";
    private static final Logger LOG = LoggerFactory.getLogger(UnitRegistrations.class);
    private static final Set<String> STATES = Set.of("pending", "approved", "rejected");
    private static final Map<String, String> STATE_NAMES = Map.of("pending", "待审核", "approved", "已通过", "rejected", "未通过");

    private final Store store;
    private final DirectoryService directory;
    private final Clock clock;

    UnitRegistrations(Store store, DirectoryService directory, Clock clock) {
        this.store = store;
        this.directory = directory;
        this.clock = clock;
    }

    /** A decision as the page sends it. */
    static final class Decision {
        public String decision;
        public String reason;
        public Integer version;
    }

    Page<Map<String, Object>> list(Caller admin, String state, PageRequest page) {
        long unit = unitOf(admin);
        String s = state == null || state.isBlank() ? "pending" : state.strip();
        if (!STATES.contains(s)) {
            throw ProblemException.invalid("state", "状态只能是 pending（待审核）、approved（已通过）或 rejected（未通过）");
        }
        try (SqlSession session = store.session()) {
            AccountMapper m = session.getMapper(AccountMapper.class);
            int total = m.countRegistrations(unit, s);
            String unitName = unitName(unit); // every row is of the admin's unit
            List<Map<String, Object>> items = m.registrations(unit, s, page.offset(), page.size()).stream()
                    .map(r -> view(r, unitName)).toList();
            return new Page<>(items, total, page);
        }
    }

    Map<String, Object> get(Caller admin, long id) {
        long unit = unitOf(admin);
        try (SqlSession session = store.session()) {
            RegistrationRow row = session.getMapper(AccountMapper.class).registration(unit, id);
            if (row == null) {
                throw ProblemException.notFound("registration_not_found", NOT_FOUND);
            }
            return view(row, unitName(unit));
        }
    }

    /**
     * Approves or rejects a pending registration of the admin's unit. Of two
     * decisions at once exactly one wins; the other gets 409.
     */
    Map<String, Object> decide(Caller admin, long id, Decision d, String address) {
        long unit = unitOf(admin);
        if (d == null || d.decision == null || !(d.decision.equals("approve") || d.decision.equals("reject"))) {
            throw ProblemException.invalid("decision", "请选择审核结果：通过或不通过");
        }
        boolean approve = d.decision.equals("approve");
        String reason = d.reason == null || d.reason.isBlank() ? null : d.reason.strip();
        if (!approve && reason == null) {
            throw ProblemException.invalid("reason", "请填写不通过的原因");
        }
        if (reason != null) {
            Texts.problem("reason", "原因", reason, 200, true).ifPresent(e -> {
                throw ProblemException.invalid(List.of(e));
            });
        }
        Instant now = clock.instant();
        return store.inTransaction(session -> {
            AccountMapper m = session.getMapper(AccountMapper.class);
            int changed = m.decide(unit, id, d.version, approve ? "approved" : "rejected", approve ? null : reason,
                    Timestamp.from(now), admin.accountId());
            if (changed == 1) {
                m.audit(Timestamp.from(now), admin.accountId(), "registration_decision", "account:" + id,
                        approve ? "approved" : "rejected", address);
                LOG.info("Registration {} {} by account {}", id, approve ? "approved" : "rejected", admin.accountId());
                return view(m.registration(unit, id), unitName(unit));
            }
            RegistrationRow row = m.registration(unit, id);
            if (row == null) {
                throw ProblemException.notFound("registration_not_found", NOT_FOUND);
            }
            String what = "pending".equals(row.state) ? "已被修改" : "已经处理（" + STATE_NAMES.get(row.state) + "）";
            throw ProblemException.conflict("already_decided", "该注册申请" + what + "，可能是其他管理员刚刚处理过，请刷新列表后再看");
        });
    }

    private long unitOf(Caller admin) {
        if (admin.role() != Role.UNIT_ADMIN || admin.unitId() == null) {
            throw ProblemException.forbidden();
        }
        return admin.unitId();
    }

    private String unitName(long unitId) {
        return directory.unit(unitId).map(x -> x.name).orElse(null);
    }

    private Map<String, Object> view(RegistrationRow r, String unitName) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", r.id);
        v.put("version", r.version);
        v.put("state", r.state);
        v.put("stateName", STATE_NAMES.get(r.state));
        v.put("name", r.name);
        v.put("idNumber", r.idNumber);
        v.put("gender", r.gender);
        v.put("genderName", "M".equals(r.gender) ? "男" : "女");
        v.put("birthDate", r.birthDate == null ? null : r.birthDate.toLocalDate().toString());
        v.put("mobile", r.mobile);
        v.put("email", r.email);
        v.put("regionCode", r.regionCode);
        v.put("regionName", directory.region(r.regionCode).map(x -> x.name).orElse(null));
        v.put("unitId", r.unitId);
        v.put("unitName", unitName);
        v.put("departmentId", r.departmentId);
        v.put("departmentName", r.departmentId == null ? null : directory.department(r.departmentId).map(x -> x.name).orElse(null));
        v.put("ethnicGroup", r.ethnicGroup);
        v.put("ethnicGroupName", directory.ethnicGroup(r.ethnicGroup).map(x -> x.name).orElse(null));
        v.put("nativePlace", r.nativePlace);
        v.put("school", r.school);
        v.put("majorCode", r.majorCode);
        v.put("majorName", r.majorCode == null ? null : directory.major(r.majorCode).map(x -> x.name).orElse(null));
        v.put("titleCode", r.titleCode);
        v.put("titleName", r.titleCode == null ? null : directory.title(r.titleCode).map(x -> x.name).orElse(null));
        v.put("createdAt", r.createdAt == null ? null : r.createdAt.toInstant().toString());
        v.put("decidedAt", r.decidedAt == null ? null : r.decidedAt.toInstant().toString());
        v.put("rejectReason", r.rejectReason);
        return v;
    }
}
