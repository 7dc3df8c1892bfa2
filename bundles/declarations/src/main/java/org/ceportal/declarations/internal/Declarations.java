package org.ceportal.declarations.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.SqlSession;
import org.ceportal.attachments.api.Attachment;
import org.ceportal.attachments.api.AttachmentService;
import org.ceportal.learningform.api.Evaluation;
import org.ceportal.learningform.api.Field;
import org.ceportal.learningform.api.FieldType;
import org.ceportal.learningform.api.FormDescription;
import org.ceportal.learningform.api.SubjectCategory;
import org.ceportal.platform.api.FieldError;
import org.ceportal.platform.api.Page;
import org.ceportal.platform.api.PageRequest;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.persistence.Store;
import org.ceportal.platform.security.Caller;
import org.ceportal.platform.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A professional's declarations (学时/学分申报) and their states:
 * draft --submit--> pending --withdraw--> draft; draft --delete--> gone. Review
 * (pending → approved/rejected) belongs to the unit admin's side. Every change is
 * one conditional UPDATE, so of two concurrent transitions exactly one wins.
 */
final class Declarations {
    static final String NOT_FOUND = "未找到该申报";
    private static final Logger LOG = LoggerFactory.getLogger(Declarations.class);
    private static final Set<String> STATES = Set.of("draft", "pending", "approved", "rejected");
    private static final Map<String, String> STATE_NAMES = Map.of("draft", "待提交", "pending", "待审核",
            "approved", "审核通过", "rejected", "审核不通过");
    private static final int MAX_JSON = 32_000;
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final Store store;
    private final FormRegistry forms;
    private final AttachmentService attachments;
    private final AuditTrail audit;
    private final int yearsBack;
    private final ZoneId zone;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    /** Where audit records go: the platform's audit log when there is one. */
    interface AuditTrail {
        void record(long actorId, String action, String subject, String outcome, String address);
    }

    Declarations(Store store, FormRegistry forms, AttachmentService attachments, int yearsBack, ZoneId zone, Clock clock) {
        this(store, forms, attachments, yearsBack, zone, clock, (actor, action, subject, outcome, address) -> { });
    }

    Declarations(Store store, FormRegistry forms, AttachmentService attachments, int yearsBack, ZoneId zone, Clock clock,
            AuditTrail audit) {
        this.audit = audit;
        this.store = store;
        this.forms = forms;
        this.attachments = attachments;
        this.yearsBack = yearsBack;
        this.zone = zone;
        this.clock = clock;
    }

    /** Runs a form's rule; a failing plug-in is the form's fault, not the user's. */
    static Evaluation evaluate(FormRegistry.Live live, Map<String, Object> values) {
        try {
            Evaluation e = live.form().evaluate(values == null ? Map.of() : values);
            if (e == null) {
                throw new IllegalStateException("null evaluation");
            }
            return e;
        } catch (RuntimeException ex) {
            LOG.error("Learning form {} {} failed to evaluate",
                    live.description().id(), live.description().version(), ex);
            throw new ProblemException(503, "form_failed", "该学习形式暂时无法使用，请稍后再试或联系运维人员");
        }
    }

    Map<String, Object> create(Caller caller, DeclarationRequest r, String address) {
        requireProfessional(caller);
        if (r == null) {
            throw ProblemException.invalid("formId", "请选择学习形式");
        }
        FormRegistry.Live live = forms.get(r.formId).orElseThrow(() -> r.formId == null || r.formId.isBlank()
                ? ProblemException.invalid("formId", "请选择学习形式")
                : new ProblemException(409, "form_unavailable", "该学习形式已停用，请选择其他学习形式",
                        List.of(new FieldError("formId", "该学习形式已停用"))));
        boolean submit = Boolean.TRUE.equals(r.submit);
        Checked c = check(caller, live, r, 0L);
        List<Long> ids = r.attachmentIds == null ? List.of() : r.attachmentIds;
        if (!ids.isEmpty()) {
            attachments.ownedBy(caller.accountId(), ids, null);
        }
        if (submit) {
            requireAttachments(ids.size());
            ensureOwner(caller.accountId());
        }
        Timestamp now = Timestamp.from(clock.instant());
        DeclarationRow row = new DeclarationRow();
        row.ownerId = caller.accountId();
        row.unitId = caller.unitId();
        c.fill(row, live.description());
        row.state = submit ? "pending" : "draft";
        row.createdAt = now;
        row.updatedAt = now;
        row.submittedAt = submit ? now : null;
        // the row, its history, the linked files and (when submitted) the cap and the lock: one transaction
        store.inTransaction(s -> {
            DeclarationMapper m = s.getMapper(DeclarationMapper.class);
            if (submit) {
                FormDescription d = live.description();
                m.lockOwner(caller.accountId());
                checkYearCap(caller.accountId(), d.id(), d.name(), d.kind().unit(), d.maxPerYear(), c.year, c.claimed, 0L);
            }
            row.id = null;
            m.insert(row);
            m.history(row.id, now, null, row.state, caller.accountId(), null);
            attachments.attach(caller.accountId(), row.id, ids);
            if (submit) {
                attachments.lock(row.id, true);
            }
            audit.record(caller.accountId(), "declaration_create", subject(row.id, row.formId, row.declYear, row.claimedHours),
                    row.state, address);
            return row.id;
        });
        LOG.info("Declaration {} ({} {}) {} by account {}", row.id, row.formId, row.formVersion, row.state, caller.accountId());
        return get(caller, row.id);
    }

    Map<String, Object> update(Caller caller, long id, DeclarationRequest r, String address) {
        requireProfessional(caller);
        DeclarationRow current = load(caller, id);
        if (!"draft".equals(current.state)) {
            throw invalidTransition("只有待提交（草稿）的申报可以修改，该申报" + STATE_NAMES.get(current.state));
        }
        if (r == null) {
            throw ProblemException.invalid("values", "请填写申报内容");
        }
        if (r.version != null && r.version != current.version) {
            throw stale();
        }
        // the same form version when it is still live, else the form's newest version
        FormRegistry.Live live = forms.get(current.formId, current.formVersion)
                .or(() -> forms.get(current.formId))
                .orElseThrow(() -> new ProblemException(409, "form_unavailable",
                        "该申报所用的学习形式已停用，草稿不能再修改，只能查看或删除"));
        Checked c = check(caller, live, r, id);
        List<Long> ids = r.attachmentIds == null ? List.of() : r.attachmentIds;
        if (!ids.isEmpty()) {
            attachments.ownedBy(caller.accountId(), ids, id);
        }
        DeclarationRow row = new DeclarationRow();
        row.id = id;
        row.ownerId = caller.accountId();
        row.version = current.version;
        c.fill(row, live.description());
        row.updatedAt = Timestamp.from(clock.instant());
        store.inTransaction(s -> {
            if (s.getMapper(DeclarationMapper.class).updateDraft(row) != 1) {
                throw changedMeanwhile(caller, id);
            }
            attachments.attach(caller.accountId(), id, ids);
            audit.record(caller.accountId(), "declaration_update", subject(id, row.formId, row.declYear, row.claimedHours),
                    "draft", address);
            return null;
        });
        return get(caller, id);
    }

    void delete(Caller caller, long id, Integer version, String address) {
        requireProfessional(caller);
        DeclarationRow current = load(caller, id);
        if (!"draft".equals(current.state)) {
            throw invalidTransition("只有待提交（草稿）的申报可以删除，该申报" + STATE_NAMES.get(current.state));
        }
        store.inTransaction(s -> {
            if (s.getMapper(DeclarationMapper.class).deleteDraft(caller.accountId(), id, version) != 1) {
                throw changedMeanwhile(caller, id);
            }
            attachments.deleteOfDeclaration(caller.accountId(), id); // the files go once this commits
            // what was deleted stays in the audit trail
            audit.record(caller.accountId(), "declaration_delete",
                    subject(id, current.formId, current.declYear, current.claimedHours), "deleted", address);
            return null;
        });
        LOG.info("Declaration {} deleted by account {}", id, caller.accountId());
    }

    Map<String, Object> submit(Caller caller, long id, Integer version, String address) {
        requireProfessional(caller);
        DeclarationRow current = load(caller, id);
        if (!"draft".equals(current.state)) {
            throw invalidTransition("该申报" + STATE_NAMES.get(current.state) + "，不能再次提交");
        }
        if (version != null && version != current.version) {
            throw stale();
        }
        Object max = read(current.schemaJson).get("maxPerYear");
        ensureOwner(caller.accountId());
        // the cap is checked with the person's row locked, so parallel submissions are counted one after the other
        store.inTransaction(s -> {
            s.getMapper(DeclarationMapper.class).lockOwner(caller.accountId());
            requireAttachments(attachments.ofDeclaration(id).size());
            checkYearCap(caller.accountId(), current.formId, current.formName, unitOf(current.kind),
                    max == null ? null : new BigDecimal(String.valueOf(max)), current.declYear, current.claimedHours, id);
            transition(caller, current, "draft", "pending", version, true);
            attachments.lock(id, true);
            audit.record(caller.accountId(), "declaration_submit",
                    subject(id, current.formId, current.declYear, current.claimedHours), "pending", address);
            return null;
        });
        return get(caller, id);
    }

    Map<String, Object> withdraw(Caller caller, long id, Integer version, String address) {
        requireProfessional(caller);
        DeclarationRow current = load(caller, id);
        if (!"pending".equals(current.state)) {
            throw invalidTransition("只有待审核的申报可以撤销，该申报" + STATE_NAMES.get(current.state));
        }
        store.inTransaction(s -> {
            transition(caller, current, "pending", "draft", version, false);
            attachments.lock(id, false);
            audit.record(caller.accountId(), "declaration_withdraw",
                    subject(id, current.formId, current.declYear, current.claimedHours), "draft", address);
            return null;
        });
        return get(caller, id);
    }

    private void transition(Caller caller, DeclarationRow current, String from, String to, Integer version, boolean submitted) {
        Timestamp now = Timestamp.from(clock.instant());
        store.inTransaction(s -> {
            DeclarationMapper m = s.getMapper(DeclarationMapper.class);
            if (m.transition(caller.accountId(), current.id, from, to, version, now, submitted) != 1) {
                throw changedMeanwhile(caller, current.id);
            }
            m.history(current.id, now, from, to, caller.accountId(), null);
            return null;
        });
        LOG.info("Declaration {} {} -> {} by account {}", current.id, from, to, caller.accountId());
    }

    Map<String, Object> get(Caller caller, long id) {
        requireProfessional(caller);
        DeclarationRow row = load(caller, id);
        List<HistoryRow> history;
        try (SqlSession s = store.session()) {
            history = s.getMapper(DeclarationMapper.class).historyOf(id);
        }
        Map<String, Object> v = summary(row);
        v.put("formVersion", row.formVersion);
        v.put("kind", row.kind);
        v.put("proposedHours", row.proposedHours);
        v.put("explanation", row.explanation);
        v.put("category", row.category);
        v.put("values", read(row.valuesJson));
        v.put("schema", read(row.schemaJson));
        v.put("formAvailable", forms.get(row.formId).isPresent());
        List<Map<String, Object>> files = new ArrayList<>();
        for (Attachment a : attachments.ofDeclaration(id)) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("id", a.id());
            f.put("name", a.name());
            f.put("size", a.size());
            f.put("mediaType", a.mediaType());
            f.put("sha256", a.sha256());
            files.add(f);
        }
        v.put("attachments", files);
        v.put("createdAt", iso(row.createdAt));
        v.put("decidedAt", iso(row.decidedAt));
        List<Map<String, Object>> h = new ArrayList<>();
        for (HistoryRow x : history) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("at", iso(x.happenedAt));
            e.put("from", x.fromState);
            e.put("to", x.toState);
            e.put("toName", STATE_NAMES.get(x.toState));
            e.put("note", x.note);
            h.add(e);
        }
        v.put("history", h);
        return v;
    }

    Page<Map<String, Object>> list(Caller caller, String state, String year, PageRequest page) {
        requireProfessional(caller);
        String s = state == null || state.isBlank() || state.equals("all") ? null : state.strip();
        if (s != null && !STATES.contains(s)) {
            throw ProblemException.invalid("state", "状态只能是 draft（待提交）、pending（待审核）、approved（审核通过）或 rejected（审核不通过）");
        }
        Integer y = null;
        if (year != null && !year.isBlank()) {
            try {
                y = Integer.valueOf(year.strip());
            } catch (NumberFormatException e) {
                throw ProblemException.invalid("year", "年度应为四位数字");
            }
        }
        try (SqlSession session = store.session()) {
            DeclarationMapper m = session.getMapper(DeclarationMapper.class);
            int total = m.count(caller.accountId(), s, y);
            List<Map<String, Object>> items = m.list(caller.accountId(), s, y, page.offset(), page.size()).stream()
                    .map(this::summary).toList();
            return new Page<>(items, total, page);
        }
    }

    /** The years a declaration may count towards: this year (in the portal's time zone) and {@code yearsBack} before. */
    List<Integer> declarableYears() {
        int now = LocalDate.now(clock.withZone(zone)).getYear();
        List<Integer> years = new ArrayList<>();
        for (int y = now; y >= now - yearsBack; y--) {
            years.add(y);
        }
        return years;
    }

    // ---- checks ----

    /** The common fields and the form's verdict, checked together so the page gets every error at once. */
    private final class Checked {
        int year;
        String category;
        BigDecimal proposed;
        BigDecimal claimed;
        String explanation;
        String valuesJson;
        String title;

        void fill(DeclarationRow row, FormDescription d) {
            row.formId = d.id();
            row.formVersion = d.version();
            row.formName = d.name();
            row.kind = d.kind().name();
            row.schemaJson = write(Schemas.full(d));
            row.valuesJson = valuesJson;
            row.title = title;
            row.declYear = year;
            row.category = category;
            row.proposedHours = proposed;
            row.claimedHours = claimed;
            row.explanation = explanation;
        }
    }

    private Checked check(Caller caller, FormRegistry.Live live, DeclarationRequest r, long id) {
        FormDescription d = live.description();
        List<FieldError> errors = new ArrayList<>();
        Checked c = new Checked();
        List<Integer> years = declarableYears();
        if (r.year == null || !years.contains(r.year)) {
            errors.add(new FieldError("year", "计入年度只能是 " + years.get(years.size() - 1) + " 至 " + years.get(0) + " 年"));
        } else {
            c.year = r.year;
        }
        if (d.category() == SubjectCategory.CHOICE) {
            if (r.category == null || !(r.category.equals("GENERAL") || r.category.equals("PROFESSIONAL"))) {
                errors.add(new FieldError("category", "请选择科目类别：公需科目或专业科目"));
            } else {
                c.category = r.category;
            }
        } else {
            c.category = d.category().name();
        }
        Map<String, Object> values = r.values == null ? Map.of() : r.values;
        Evaluation e = evaluate(live, values);
        for (org.ceportal.learningform.api.FieldError fe : e.errors()) {
            errors.add(new FieldError("values." + fe.field(), fe.message()));
        }
        if (e.isValid()) {
            c.proposed = e.proposed();
            c.explanation = e.explanation() == null ? null : truncate(e.explanation(), 500);
            if (r.claimedHours == null) {
                c.claimed = e.proposed();
            } else if (r.claimedHours.signum() <= 0 || r.claimedHours.stripTrailingZeros().scale() > 2) {
                errors.add(new FieldError("claimedHours", "申报" + d.kind().unit() + "应大于 0，最多两位小数"));
            } else if (r.claimedHours.compareTo(e.proposed()) > 0) {
                errors.add(new FieldError("claimedHours", "申报" + d.kind().unit() + "不能超过按规则核算的 "
                        + e.proposed().stripTrailingZeros().toPlainString() + " " + d.kind().unit()));
            } else {
                c.claimed = r.claimedHours;
            }
            if (c.claimed != null && c.claimed.signum() <= 0) {
                errors.add(new FieldError("claimedHours", "按所填内容核算为 0 " + d.kind().unit() + "，无需申报"));
            }
        }
        c.valuesJson = write(values);
        if (c.valuesJson.length() > MAX_JSON) {
            errors.add(new FieldError("values", "填写的内容过长，请精简后再保存"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        c.title = titleOf(d, values);
        return c;
    }

    private void checkYearCap(long ownerId, String formId, String formName, String unit, BigDecimal maxPerYear, int year,
            BigDecimal claimed, long exceptId) {
        if (maxPerYear == null) {
            return;
        }
        BigDecimal already;
        try (SqlSession s = store.session()) {
            already = s.getMapper(DeclarationMapper.class).claimedInYear(ownerId, formId, year, exceptId);
        }
        if (already.add(claimed).compareTo(maxPerYear) > 0) {
            throw ProblemException.invalid("claimedHours", year + " 年度「" + formName + "」最多可申报 "
                    + maxPerYear.stripTrailingZeros().toPlainString() + " " + unit + "，已申报 "
                    + already.stripTrailingZeros().toPlainString() + " " + unit);
        }
    }

    /**
     * The person's lock row exists before any transaction that locks it; two first
     * submissions at the same moment may both try to make it, and one finds it made.
     */
    private void ensureOwner(long ownerId) {
        try {
            store.inTransaction(s -> {
                DeclarationMapper m = s.getMapper(DeclarationMapper.class);
                if (m.lockOwner(ownerId) == 0) {
                    m.insertOwner(ownerId);
                }
                return null;
            });
        } catch (PersistenceException e) {
            if (store.inTransaction(s -> s.getMapper(DeclarationMapper.class).lockOwner(ownerId)) == 0) {
                throw e; // not the duplicate row: something else failed
            }
        }
    }

    /** {@code declaration:<id> <form> <year> <claimed>}, what an audit record names. */
    private static String subject(long id, String formId, int year, BigDecimal claimed) {
        String s = "declaration:" + id + " " + formId + " " + year + " " + (claimed == null ? "" : claimed.stripTrailingZeros().toPlainString());
        return s.length() <= 64 ? s : s.substring(0, 64);
    }

    private static void requireAttachments(int count) {
        if (count == 0) {
            throw ProblemException.invalid("attachmentIds", "提交前请上传证明材料（证书、成绩单等扫描件）");
        }
    }

    private static void requireProfessional(Caller caller) {
        if (caller.role() != Role.PROFESSIONAL) {
            throw ProblemException.forbidden();
        }
    }

    private DeclarationRow load(Caller caller, long id) {
        try (SqlSession s = store.session()) {
            DeclarationRow row = s.getMapper(DeclarationMapper.class).find(caller.accountId(), id);
            if (row == null) {
                throw ProblemException.notFound("declaration_not_found", NOT_FOUND);
            }
            return row;
        }
    }

    /** After a conditional update changed nothing: gone (404), other state (409) or other version (409). */
    private ProblemException changedMeanwhile(Caller caller, long id) {
        DeclarationRow now = load(caller, id);
        return new ProblemException(409, "stale_version", "该申报刚刚已被修改（当前状态：" + STATE_NAMES.get(now.state)
                + "），请刷新后再操作");
    }

    private static ProblemException stale() {
        return new ProblemException(409, "stale_version", "该申报已在其他页面被修改，请刷新后再操作");
    }

    private static ProblemException invalidTransition(String message) {
        return new ProblemException(409, "invalid_transition", message);
    }

    private Map<String, Object> summary(DeclarationRow row) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", row.id);
        v.put("version", row.version);
        v.put("state", row.state);
        v.put("stateName", STATE_NAMES.get(row.state));
        v.put("formId", row.formId);
        v.put("formName", row.formName);
        String unit = unitOf(row.kind);
        v.put("kindName", kindName(row.kind));
        v.put("unit", unit);
        v.put("year", row.declYear);
        v.put("category", row.category);
        v.put("categoryName", Schemas.categoryName(row.category));
        v.put("claimedHours", row.claimedHours);
        v.put("title", row.title);
        v.put("rejectReason", row.rejectReason);
        v.put("updatedAt", iso(row.updatedAt));
        v.put("submittedAt", iso(row.submittedAt));
        return v;
    }

    private static String unitOf(String kind) {
        try {
            return org.ceportal.learningform.api.DeclarationKind.valueOf(kind).unit();
        } catch (IllegalArgumentException e) {
            return "学时";
        }
    }

    private static String kindName(String kind) {
        try {
            return org.ceportal.learningform.api.DeclarationKind.valueOf(kind).label();
        } catch (IllegalArgumentException e) {
            return kind;
        }
    }

    private static String titleOf(FormDescription d, Map<String, Object> values) {
        for (Field f : d.fields()) {
            if (f.type() == FieldType.TEXT && f.required()) {
                Object v = values.get(f.key());
                if (v != null && !String.valueOf(v).isBlank()) {
                    return truncate(String.valueOf(v).strip(), 200);
                }
            }
        }
        return null;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static String iso(Timestamp t) {
        return t == null ? null : t.toInstant().toString();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid("values", "填写的内容无法保存，请检查后重试");
        }
    }

    private Map<String, Object> read(String text) {
        try {
            return text == null ? Map.of() : json.readValue(text, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON unreadable", e);
        }
    }
}
