package org.ceportal.accounts.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
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
import org.ceportal.review.api.Messages;
import org.ceportal.review.spi.Pending;
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
    private final Messages messages;
    private final Approved approved;

    /** Told of an approval inside its transaction (the registrations' listeners). */
    interface Approved {
        void approved(PersonView person, long approverId);
    }

    UnitRegistrations(Store store, DirectoryService directory, Clock clock, Messages messages) {
        this(store, directory, clock, messages, (person, approver) -> { });
    }

    UnitRegistrations(Store store, DirectoryService directory, Clock clock, Messages messages, Approved approved) {
        this.store = store;
        this.directory = directory;
        this.clock = clock;
        this.messages = messages;
        this.approved = approved;
    }

    /** A decision as the page sends it. */
    static final class Decision {
        public String decision;
        public String reason;
        public Integer version;
    }

    Page<View> list(Caller admin, String state, PageRequest page) {
        long unit = unitOf(admin);
        String s = state == null || state.isBlank() ? "pending" : state.strip();
        if (!STATES.contains(s)) {
            throw ProblemException.invalid("state", "状态只能是 pending（待审核）、approved（已通过）或 rejected（未通过）");
        }
        try (SqlSession session = store.session()) {
            AccountMapper m = session.getMapper(AccountMapper.class);
            int total = m.countRegistrations(unit, s);
            String unitName = unitName(unit); // every row is of the admin's unit
            List<View> items = m.registrations(unit, s, page.offset(), page.size()).stream()
                    .map(r -> view(r, unitName)).toList();
            return new Page<>(items, total, page);
        }
    }

    View get(Caller admin, long id) {
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
    View decide(Caller admin, long id, Decision d, String address) {
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
                // the person learns it at the next login (approved) or from the status lookup (rejected)
                messages.send(id, approve ? "您的注册申请已审核通过" : "您的注册申请未通过审核",
                        approve ? "欢迎使用继续教育信息服务平台。" : "原因：" + reason, approve ? "/home.html" : null);
                if (approve) {
                    // what was kept for this ID number (a base's attendance) attaches in this transaction
                    approved.approved(m.people(List.of(id)).get(0), admin.accountId());
                }
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

    /** What waits in the admin's unit: the count and the oldest registration. */
    Pending pending(Caller admin) {
        if (admin.role() != Role.UNIT_ADMIN || admin.unitId() == null) {
            return Pending.NONE;
        }
        try (SqlSession session = store.session()) {
            AccountMapper m = session.getMapper(AccountMapper.class);
            int count = m.countRegistrations(admin.unitId(), "pending");
            if (count == 0) {
                return Pending.NONE;
            }
            Timestamp oldest = m.oldestPendingRegistration(admin.unitId());
            return new Pending(count, oldest == null ? null : oldest.toInstant(), count + " 份注册申请待审核，审核通过后申请人才能登录");
        }
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

    /** A registration as the unit admin sees it. */
    public record View(long id, int version, String state, String stateName, String name, String idNumber, String gender,
                String genderName, String birthDate, String mobile, String email, String regionCode, String regionName,
                Long unitId, String unitName, Long departmentId, String departmentName, String ethnicGroup,
                String ethnicGroupName, String nativePlace, String school, String majorCode, String majorName,
                String titleCode, String titleName, String createdAt, String decidedAt, String rejectReason) {
    }

    private View view(RegistrationRow r, String unitName) {
        return new View(r.id, r.version, r.state, STATE_NAMES.get(r.state), r.name, r.idNumber, r.gender,
                "M".equals(r.gender) ? "男" : "女", r.birthDate == null ? null : r.birthDate.toLocalDate().toString(),
                r.mobile, r.email, r.regionCode, directory.region(r.regionCode).map(x -> x.name).orElse(null),
                r.unitId, unitName, r.departmentId,
                r.departmentId == null ? null : directory.department(r.departmentId).map(x -> x.name).orElse(null),
                r.ethnicGroup, directory.ethnicGroup(r.ethnicGroup).map(x -> x.name).orElse(null), r.nativePlace,
                r.school, r.majorCode, r.majorCode == null ? null : directory.major(r.majorCode).map(x -> x.name).orElse(null),
                r.titleCode, r.titleCode == null ? null : directory.title(r.titleCode).map(x -> x.name).orElse(null),
                r.createdAt == null ? null : r.createdAt.toInstant().toString(),
                r.decidedAt == null ? null : r.decidedAt.toInstant().toString(), r.rejectReason);
    }
}
