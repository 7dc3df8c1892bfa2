package org.ceportal.profile.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.ibatis.session.SqlSession;
import org.ceportal.accounts.api.People;
import org.ceportal.accounts.api.Person;
import org.ceportal.accounts.api.Profiles;
import org.ceportal.attachments.api.AttachmentService;
import org.ceportal.platform.api.Page;
import org.ceportal.platform.api.PageRequest;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.api.Texts;
import org.ceportal.platform.persistence.Store;
import org.ceportal.platform.security.Caller;
import org.ceportal.platform.security.Role;
import org.ceportal.review.api.Messages;
import org.ceportal.review.spi.Decided;
import org.ceportal.review.spi.Decision;
import org.ceportal.review.spi.Pending;

/**
 * The unit admin's side of title changes (职称变更审核): the unit's requests and the
 * decision. Approving puts the title in force (accounts' {@link Profiles#setTitle}),
 * in the decision's transaction with its message and audit record; of two admins
 * deciding at once exactly one UPDATE matches.
 */
final class TitleChanges {
    private static final String NOT_FOUND = "未找到该职称变更申请";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("M月d日 HH:mm");

    private final Store store;
    private final Profiles profiles;
    private final People people;
    private final Messages messages;
    private final ProfileEditing.Audit audit;
    private final AttachmentService attachments;
    private final ZoneId zone;
    private final Clock clock;

    TitleChanges(Store store, Profiles profiles, People people, AttachmentService attachments, Messages messages,
            ProfileEditing.Audit audit, ZoneId zone, Clock clock) {
        this.attachments = attachments;
        this.store = store;
        this.profiles = profiles;
        this.people = people;
        this.messages = messages;
        this.audit = audit;
        this.zone = zone;
        this.clock = clock;
    }

    /** A title change as the unit admin sees it, with the certificate's scan when there is one. */
    record Request(long id, int version, String state, String stateName, long accountId, String personName, String idNumber,
                   String departmentName, String oldTitleName, String newTitleName, LocalDate titleObtainedOn,
                   Instant createdAt, Instant decidedAt, String decidedByName, String reason,
                   ProfileEditing.Certificate certificate) {
    }

    Page<Request> list(Caller admin, String state, String q, PageRequest page) {
        long unit = unitOf(admin);
        String s = state == null || state.isBlank() || state.equals("all") ? null : state.strip();
        if (s != null && List.of("pending", "applied", "rejected", "withdrawn").stream().noneMatch(s::equals)) {
            throw ProblemException.invalid("state", "状态只能是 pending（待审核）、applied（生效）、rejected（未通过）或 withdrawn（已撤回）");
        }
        List<Long> who = q == null || q.isBlank() ? null : people.matching(unit, q, null, People.MAX_IDS);
        if (who != null && who.isEmpty()) {
            return new Page<>(List.of(), 0, page);
        }
        try (SqlSession session = store.session()) {
            ProfileMapper m = session.getMapper(ProfileMapper.class);
            int total = m.countRequests(unit, s, who);
            List<ChangeRow> rows = m.requests(unit, s, who, page.offset(), page.size());
            Set<Long> ids = new HashSet<>();
            rows.forEach(r -> ids.add(r.accountId));
            Map<Long, Person> persons = people.people(ids);
            return new Page<>(rows.stream().map(r -> request(r, persons.get(r.accountId))).toList(), total, page);
        }
    }

    Request get(Caller admin, long id) {
        ChangeRow r = find(unitOf(admin), id);
        return request(r, people.person(r.accountId).orElse(null));
    }

    Pending pending(Caller reviewer) {
        if (reviewer.role() != Role.UNIT_ADMIN || reviewer.unitId() == null) {
            return Pending.NONE;
        }
        QueueRow q;
        try (SqlSession s = store.session()) {
            q = s.getMapper(ProfileMapper.class).queue(reviewer.unitId());
        }
        if (q == null || q.pending == 0) {
            return Pending.NONE;
        }
        return new Pending(q.pending, q.oldest.toInstant(), q.pending + " 项职称变更待审核，审核通过后新职称才生效");
    }

    Decided decide(Caller admin, long id, Decision d, String address) {
        long unit = unitOf(admin);
        if (d == null || d.decision() == null || !(d.approve() || "reject".equals(d.decision()))) {
            throw ProblemException.invalid("decision", "请选择审核结果：通过或不通过");
        }
        String reason = d.reason() == null || d.reason().isBlank() ? null : d.reason().strip();
        if (reason != null) {
            Texts.problem("reason", "原因", reason, 200, true).ifPresent(e -> {
                throw ProblemException.invalid(List.of(e));
            });
        }
        if (!d.approve() && reason == null) {
            throw ProblemException.invalid("reason", "请填写不通过的原因");
        }
        ChangeRow r = find(unit, id);
        if (!ChangeState.PENDING.code.equals(r.state)) {
            throw alreadyDecided(r);
        }
        String to = (d.approve() ? ChangeState.APPLIED : ChangeState.REJECTED).code;
        Timestamp now = Timestamp.from(clock.instant());
        store.inTransaction(s -> {
            ProfileMapper m = s.getMapper(ProfileMapper.class);
            if (m.decide(unit, id, d.version(), to, reason, now, admin.accountId()) != 1) {
                ChangeRow current = m.request(unit, id);
                throw current != null && ChangeState.PENDING.code.equals(current.state)
                        ? ProblemException.conflict("stale_version", "该申请已被修改，请刷新后再审核")
                        : alreadyDecided(current == null ? r : current);
            }
            if (d.approve()) {
                profiles.setTitle(r.accountId, r.newCode);
                messages.send(r.accountId, "您的职称变更已审核通过", "专业技术职务已变更为「" + r.newValue + "」。", "/profile.html");
            } else {
                messages.send(r.accountId, "您的职称变更未通过审核", "申请变更为「" + r.newValue + "」未通过。原因：" + reason,
                        "/profile.html");
            }
            audit.record(admin.accountId(), "title_change_decision", "title-change:" + id + " " + r.newCode, to, address);
            return null;
        });
        return new Decided(id, to, ChangeState.labelOf(to));
    }

    private ProblemException alreadyDecided(ChangeRow r) {
        if (ChangeState.WITHDRAWN.code.equals(r.state)) {
            return ProblemException.conflict("already_decided", "申请人已撤回该职称变更申请，请刷新列表");
        }
        String who = r.decidedBy == null ? "其他管理员" : people.nameOf(r.decidedBy).orElse("其他管理员");
        String when = r.decidedAt == null ? "" : "于 " + WHEN.format(r.decidedAt.toInstant().atZone(zone));
        return ProblemException.conflict("already_decided", "该申请已由" + who + when + "审核（"
                + ChangeState.labelOf(r.state) + "），请刷新列表");
    }

    private Request request(ChangeRow r, Person p) {
        return new Request(r.id, r.version, r.state, ChangeState.labelOf(r.state), r.accountId, p == null ? null : p.name(),
                p == null ? null : p.idNumber(), p == null ? null : p.departmentName(), r.oldValue, r.newValue,
                r.titleObtainedOn == null ? null : r.titleObtainedOn.toLocalDate(), r.createdAt.toInstant(),
                r.decidedAt == null ? null : r.decidedAt.toInstant(),
                r.decidedBy == null || r.decidedBy == r.accountId ? null : people.nameOf(r.decidedBy).orElse(null), r.reason,
                attachments.ofSubject(ProfileEditing.subjectRef(r.id)).stream().findFirst()
                        .map(a -> new ProfileEditing.Certificate(a.id(), a.name(), a.mediaType(), a.size())).orElse(null));
    }

    /** The certificate's scan of one of the admin's unit's title changes, open for reading (audited). */
    AttachmentService.Content certificate(Caller admin, long id, long attachmentId, String address) {
        ChangeRow r = find(unitOf(admin), id);
        return attachments.openOfSubject(ProfileEditing.subjectRef(r.id), attachmentId, admin.accountId(), address);
    }

    private ChangeRow find(long unit, long id) {
        try (SqlSession s = store.session()) {
            ChangeRow r = s.getMapper(ProfileMapper.class).request(unit, id);
            if (r == null) {
                throw ProblemException.notFound("title_change_not_found", NOT_FOUND);
            }
            return r;
        }
    }

    static long unitOf(Caller admin) {
        if (admin.role() != Role.UNIT_ADMIN || admin.unitId() == null) {
            throw ProblemException.forbidden();
        }
        return admin.unitId();
    }
}
