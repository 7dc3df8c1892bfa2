package org.ceportal.profile.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongFunction;

import org.apache.ibatis.session.SqlSession;
import org.ceportal.accounts.api.Profile;
import org.ceportal.accounts.api.ProfileEdit;
import org.ceportal.accounts.api.Profiles;
import org.ceportal.attachments.api.AttachmentService;
import org.ceportal.directory.api.DirectoryService;
import org.ceportal.platform.api.FieldError;
import org.ceportal.platform.api.Page;
import org.ceportal.platform.api.PageRequest;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.persistence.Store;
import org.ceportal.platform.security.Caller;
import org.ceportal.platform.security.Role;

/**
 * The person's side of 用户资料管理: the profile with its locked fields, saving the
 * editable ones (each change a history row, in force at once), a title change as a
 * request for the unit admin (one pending at most, withdrawable), and 变更记录.
 */
final class ProfileEditing {
    static final String TITLE = "titleCode";
    private static final String LOCKED_REASON = "注册后不能修改，如需更正请联系单位管理员";

    private final Store store;
    private final Profiles profiles;
    private final DirectoryService directory;
    private final AttachmentService attachments;
    private final Audit audit;
    private final LongFunction<String> names;
    private final ZoneId zone;
    private final Clock clock;

    /** Where audit records go. */
    interface Audit {
        void record(long actorId, String action, String subject, String outcome, String address);
    }

    ProfileEditing(Store store, Profiles profiles, DirectoryService directory, AttachmentService attachments, Audit audit,
            LongFunction<String> names, ZoneId zone, Clock clock) {
        this.store = store;
        this.profiles = profiles;
        this.directory = directory;
        this.attachments = attachments;
        this.audit = audit;
        this.names = names;
        this.zone = zone;
        this.clock = clock;
    }

    /** A locked field and why it is locked. */
    record Locked(String field, String label, String reason) {
    }

    /** The title change waiting for the unit admin. */
    record PendingTitle(long id, String titleCode, String titleName, LocalDate titleObtainedOn, Instant createdAt,
                        String stateName, Certificate certificate) {
    }

    /** The scan of a title's certificate. */
    record Certificate(long id, String name, String mediaType, long size) {
    }

    /** What a title change's certificate is linked to in the attachments. */
    static String subjectRef(long changeId) {
        return "title-change:" + changeId;
    }

    Certificate certificate(long changeId) {
        return attachments.ofSubject(subjectRef(changeId)).stream().findFirst()
                .map(a -> new Certificate(a.id(), a.name(), a.mediaType(), a.size())).orElse(null);
    }

    /** The answer of GET and PUT: the profile as it is in force, what is locked, what waits, and what happened. */
    record View(Profile profile, List<Locked> locked, PendingTitle pendingTitleChange, String message) {
    }

    /** A line of 变更记录. */
    record Change(long id, String field, String fieldName, String oldValue, String newValue, String state, String stateName,
                  Instant createdAt, Instant decidedAt, String decidedByName, String reason) {
    }

    private static final List<Locked> LOCKED = List.of(
            new Locked("idNumber", "身份证号", LOCKED_REASON), new Locked("name", "姓名", LOCKED_REASON),
            new Locked("gender", "性别", "由身份证号确定，" + LOCKED_REASON),
            new Locked("birthDate", "出生日期", "由身份证号确定，" + LOCKED_REASON),
            new Locked("regionCode", "所属区域", LOCKED_REASON), new Locked("unitId", "所在单位", LOCKED_REASON));

    View view(Caller me, String message) {
        Profile p = mine(me);
        return new View(p, LOCKED, pending(me.accountId()), message);
    }

    /** 200 (saved, or nothing to save) or 202 (a title change submitted), with the view. */
    record Saved(boolean submitted, View view) {
    }

    Saved save(Caller me, ProfileRequest r, String address) {
        Profile p = mine(me);
        if (r == null || r.version == null) {
            throw ProblemException.invalid("version", "请刷新页面后再保存");
        }
        if (r.version != p.version()) {
            throw ProblemException.conflict("stale_version", "个人资料已在其他页面被修改，请刷新后再保存");
        }
        List<FieldError> errors = new ArrayList<>();
        locked(errors, "idNumber", r.idNumber, p.idNumber());
        locked(errors, "name", r.name, p.name());
        locked(errors, "gender", r.gender, p.gender());
        locked(errors, "birthDate", r.birthDate, p.birthDate());
        locked(errors, "regionCode", r.regionCode, p.regionCode());
        locked(errors, "unitId", r.unitId == null ? null : String.valueOf(r.unitId), String.valueOf(p.unitId()));
        String title = blank(r.titleCode) ? p.titleCode() : r.titleCode.strip();
        boolean titleChanges = !Objects.equals(title, p.titleCode());
        LocalDate obtained = null;
        if (titleChanges) {
            if (directory.title(title).isEmpty()) {
                errors.add(new FieldError(TITLE, "请从列表中选择专业技术职务"));
            }
            obtained = obtainedOn(r.titleObtainedOn, errors);
            if (pending(me.accountId()) != null) {
                throw ProblemException.conflict("title_change_pending", "已有一项职称变更正在审核，请等待审核结果或撤回后再提交");
            }
        }
        ProfileEdit edit = new ProfileEdit(r.mobile, r.email, r.departmentId, r.ethnicGroup, r.nativePlace, r.school,
                r.majorCode);
        List<ChangeRow> changes = changes(p, edit);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (changes.isEmpty() && !titleChanges) {
            return new Saved(false, view(me, "没有修改任何信息"));
        }
        Timestamp now = Timestamp.from(clock.instant());
        LocalDate titleDate = obtained;
        store.inTransaction(s -> {
            ProfileMapper m = s.getMapper(ProfileMapper.class);
            Profile after = p;
            if (!changes.isEmpty()) {
                after = profiles.update(me.accountId(), p.version(), edit); // checks the fields; 409 when stale
                for (ChangeRow c : changes) {
                    c.accountId = me.accountId();
                    c.unitId = p.unitId();
                    c.state = ChangeState.APPLIED.code;
                    c.newValue = displayed(c.field, after);
                    c.createdAt = now;
                    m.insert(c);
                }
                audit.record(me.accountId(), "profile_update", "account:" + me.accountId(), "success", address);
            }
            if (titleChanges) {
                if (m.pendingOf(me.accountId()) != null) {
                    throw ProblemException.conflict("title_change_pending", "已有一项职称变更正在审核，请等待审核结果或撤回后再提交");
                }
                ChangeRow t = new ChangeRow();
                t.accountId = me.accountId();
                t.unitId = p.unitId();
                t.field = TITLE;
                t.oldCode = p.titleCode();
                t.oldValue = p.titleName();
                t.newCode = title;
                t.newValue = directory.title(title).map(x -> x.name).orElse(title);
                t.titleObtainedOn = Date.valueOf(titleDate);
                t.state = ChangeState.PENDING.code;
                t.pendingKey = me.accountId();
                t.createdAt = now;
                try {
                    m.insert(t);
                } catch (org.apache.ibatis.exceptions.PersistenceException e) {
                    // the unique pending_key: another request of this person got in first
                    throw ProblemException.conflict("title_change_pending", "已有一项职称变更正在审核，请等待审核结果或撤回后再提交");
                }
                if (r.titleCertificateId != null) {
                    attachments.linkToSubject(me.accountId(), r.titleCertificateId, subjectRef(t.id));
                }
                audit.record(me.accountId(), "title_change_request", "account:" + me.accountId() + " " + title, "pending",
                        address);
            }
            return null;
        });
        return titleChanges ? new Saved(true, view(me, "信息已经提交审核"))
                : new Saved(false, view(me, "资料已保存"));
    }

    void withdraw(Caller me, String address) {
        mine(me);
        store.inTransaction(s -> {
            if (s.getMapper(ProfileMapper.class).withdraw(me.accountId(), Timestamp.from(clock.instant())) != 1) {
                throw ProblemException.conflict("no_pending_title_change", "没有待审核的职称变更");
            }
            audit.record(me.accountId(), "title_change_withdraw", "account:" + me.accountId(), "withdrawn", address);
            return null;
        });
    }

    Page<Change> changes(Caller me, PageRequest page) {
        mine(me);
        try (SqlSession s = store.session()) {
            ProfileMapper m = s.getMapper(ProfileMapper.class);
            int total = m.countHistory(me.accountId());
            List<Change> items = m.history(me.accountId(), page.offset(), page.size()).stream().map(this::change).toList();
            return new Page<>(items, total, page);
        }
    }

    Change change(ChangeRow r) {
        return new Change(r.id, r.field, Fields.label(r.field), r.oldValue, r.newValue, r.state, ChangeState.labelOf(r.state),
                r.createdAt.toInstant(), r.decidedAt == null ? null : r.decidedAt.toInstant(),
                r.decidedBy == null || r.decidedBy == r.accountId ? null : names.apply(r.decidedBy), r.reason);
    }

    private PendingTitle pending(long accountId) {
        try (SqlSession s = store.session()) {
            ChangeRow r = s.getMapper(ProfileMapper.class).pendingOf(accountId);
            return r == null ? null : new PendingTitle(r.id, r.newCode, r.newValue, r.titleObtainedOn.toLocalDate(),
                    r.createdAt.toInstant(), ChangeState.labelOf(r.state), certificate(r.id));
        }
    }

    /** The history rows of the fields that differ (new values filled in after the update). */
    private List<ChangeRow> changes(Profile p, ProfileEdit e) {
        List<ChangeRow> out = new ArrayList<>();
        differs(out, "mobile", p.mobile(), e.mobile(), p.mobile());
        differs(out, "email", p.email(), e.email(), p.email());
        differs(out, "departmentId", str(p.departmentId()), str(e.departmentId()), p.departmentName());
        differs(out, "ethnicGroup", p.ethnicGroup(), e.ethnicGroup(), p.ethnicGroupName());
        differs(out, "nativePlace", p.nativePlace(), e.nativePlace(), p.nativePlace());
        differs(out, "school", p.school(), e.school(), p.school());
        differs(out, "majorCode", p.majorCode(), e.majorCode(), p.majorName());
        return out;
    }

    private static void differs(List<ChangeRow> out, String field, String current, String wanted, String shown) {
        if (!Objects.equals(norm(current), norm(wanted))) {
            ChangeRow c = new ChangeRow();
            c.field = field;
            c.oldValue = clip(shown);
            out.add(c);
        }
    }

    private static String displayed(String field, Profile p) {
        return clip(switch (field) {
            case "mobile" -> p.mobile();
            case "email" -> p.email();
            case "departmentId" -> p.departmentName();
            case "ethnicGroup" -> p.ethnicGroupName();
            case "nativePlace" -> p.nativePlace();
            case "school" -> p.school();
            case "majorCode" -> p.majorName();
            default -> null;
        });
    }

    private LocalDate obtainedOn(String text, List<FieldError> errors) {
        if (blank(text)) {
            errors.add(new FieldError("titleObtainedOn", "请填写取得该职称的时间"));
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(text.strip());
            if (d.isAfter(LocalDate.now(clock.withZone(zone))) || d.getYear() < 1950) {
                errors.add(new FieldError("titleObtainedOn", "取得时间应在 1950 年之后，且不晚于今天"));
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("titleObtainedOn", "日期格式应为 YYYY-MM-DD"));
            return null;
        }
    }

    private static void locked(List<FieldError> errors, String field, String sent, String current) {
        if (sent != null && !Objects.equals(norm(sent), norm(current))) {
            Locked l = LOCKED.stream().filter(x -> x.field().equals(field)).findFirst().orElseThrow();
            errors.add(new FieldError(field, l.label() + l.reason()));
        }
    }

    private Profile mine(Caller me) {
        if (me.role() != Role.PROFESSIONAL) {
            throw ProblemException.forbidden();
        }
        return profiles.profile(me.accountId()).orElseThrow(() -> ProblemException.notFound("profile_not_found", "未找到个人资料"));
    }

    private static String norm(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String str(Long l) {
        return l == null ? null : String.valueOf(l);
    }

    private static String clip(String s) {
        return s == null || s.length() <= 200 ? s : s.substring(0, 200);
    }
}
