package org.ceportal.declarations.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.SqlSession;
import org.ceportal.attachments.api.AttachmentService;
import org.ceportal.declarations.api.DeclarationDetail;
import org.ceportal.declarations.api.DeclarationState;
import org.ceportal.declarations.api.DeclarationSummary;
import org.ceportal.learningform.api.FormDescription;
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
 * one conditional UPDATE, so of two concurrent transitions exactly one wins. The
 * checks live in {@link DeclarationChecks}, the answers in {@link DeclarationViews}.
 */
final class Declarations {
    static final String NOT_FOUND = "未找到该申报";
    private static final String DRAFT = DeclarationState.DRAFT.code();
    private static final String PENDING = DeclarationState.PENDING.code();
    private static final Logger LOG = LoggerFactory.getLogger(Declarations.class);

    private final Store store;
    private final FormRegistry forms;
    private final AttachmentService attachments;
    private final AuditTrail audit;
    private final Clock clock;
    private final DeclarationChecks checks;
    private final DeclarationViews views;
    private final FormSchemas snapshots;
    private final OwnerLocks owners;

    /** Where audit records go: the platform's audit log when there is one. */
    interface AuditTrail {
        void record(long actorId, String action, String subject, String outcome, String address);
    }

    Declarations(Store store, FormRegistry forms, AttachmentService attachments, int yearsBack, ZoneId zone, Clock clock) {
        this(store, forms, attachments, yearsBack, zone, clock, (actor, action, subject, outcome, address) -> { });
    }

    Declarations(Store store, FormRegistry forms, AttachmentService attachments, int yearsBack, ZoneId zone, Clock clock,
            AuditTrail audit) {
        this(store, forms, attachments, yearsBack, zone, clock, audit, Units.HOURS_ONLY);
    }

    Declarations(Store store, FormRegistry forms, AttachmentService attachments, int yearsBack, ZoneId zone, Clock clock,
            AuditTrail audit, Units units) {
        this(store, forms, attachments, yearsBack, zone, clock, audit, units, OwnLists.none());
    }

    Declarations(Store store, FormRegistry forms, AttachmentService attachments, int yearsBack, ZoneId zone, Clock clock,
            AuditTrail audit, Units units, OwnLists ownLists) {
        this.audit = audit;
        this.store = store;
        this.forms = forms;
        this.attachments = attachments;
        this.clock = clock;
        this.checks = new DeclarationChecks(store, yearsBack, zone, clock, units);
        this.views = new DeclarationViews(store, forms, attachments, ownLists);
        this.snapshots = new FormSchemas(store);
        this.owners = new OwnerLocks(store, ownLists);
    }

    DeclarationDetail create(Caller caller, DeclarationRequest r, String address) {
        requireProfessional(caller);
        if (r == null) {
            throw ProblemException.invalid("formId", "请选择学习形式");
        }
        FormRegistry.Live live = forms.get(r.formId).orElseThrow(() -> r.formId == null || r.formId.isBlank()
                ? ProblemException.invalid("formId", "请选择学习形式")
                : new ProblemException(409, "form_unavailable", "该学习形式已停用，请选择其他学习形式",
                        List.of(new FieldError("formId", "该学习形式已停用"))));
        boolean submit = Boolean.TRUE.equals(r.submit);
        DeclarationChecks.Checked c = checks.check(live, r, caller.accountId());
        List<Long> ids = r.attachmentIds == null ? List.of() : r.attachmentIds;
        if (!ids.isEmpty()) {
            attachments.ownedBy(caller.accountId(), ids, null);
        }
        if (submit) {
            DeclarationChecks.requireAttachments(ids.size());
        }
        ensureOwner(caller.accountId());
        Timestamp now = Timestamp.from(clock.instant());
        DeclarationRow row = new DeclarationRow();
        row.ownerId = caller.accountId();
        row.unitId = caller.unitId();
        c.fill(row, live.description());
        row.state = (submit ? DeclarationState.PENDING : DeclarationState.DRAFT).code();
        row.createdAt = now;
        row.updatedAt = now;
        row.submittedAt = submit ? now : null;
        // the row, its history, the linked files and (when submitted) the cap and the lock: one transaction,
        // which reads the answer too (on its own connection: no second one from the pool)
        DeclarationDetail answer = store.inTransaction(s -> {
            DeclarationMapper m = s.getMapper(DeclarationMapper.class);
            if (!submit) {
                owners.touch(s, caller.accountId());
            } else {
                FormDescription d = live.description();
                owners.lock(s, caller.accountId());
                checks.checkYearCap(caller.accountId(), d.id(), d.name(), DeclarationViews.unitOf(c.kind),
                        checks.units().convert(d.maxPerYear(), d.kind().name(), c.kind), c.year, c.claimed, 0L);
            }
            row.id = null;
            snapshots.name(s, row);
            m.insert(row);
            m.history(row.id, now, null, row.state, caller.accountId(), null);
            attachments.attach(caller.accountId(), row.id, ids);
            if (submit) {
                attachments.lock(row.id, true);
            }
            audit.record(caller.accountId(), "declaration_create", subject(row.id, row.formId, row.declYear, row.claimedHours),
                    row.state, address);
            return views.detail(load(caller, row.id));
        });
        LOG.info("Declaration {} ({} {}) {} by account {}", row.id, row.formId, row.formVersion, row.state, caller.accountId());
        return answer;
    }

    DeclarationDetail update(Caller caller, long id, DeclarationRequest r, String address) {
        requireProfessional(caller);
        DeclarationRow current = load(caller, id);
        requireOwn(current);
        if (!DRAFT.equals(current.state)) {
            throw invalidTransition("只有待提交（草稿）的申报可以修改，该申报" + DeclarationState.labelOf(current.state));
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
        DeclarationChecks.Checked c = checks.check(live, r, caller.accountId());
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
        return store.inTransaction(s -> {
            DeclarationMapper m = s.getMapper(DeclarationMapper.class);
            owners.touch(s, caller.accountId());
            snapshots.name(s, row);
            if (m.updateDraft(row) != 1) {
                throw changedMeanwhile(caller, id);
            }
            attachments.attach(caller.accountId(), id, ids);
            audit.record(caller.accountId(), "declaration_update", subject(id, row.formId, row.declYear, row.claimedHours),
                    DRAFT, address);
            return views.detail(load(caller, id));
        });
    }

    void delete(Caller caller, long id, Integer version, String address) {
        requireProfessional(caller);
        DeclarationRow current = load(caller, id);
        requireOwn(current);
        if (!DRAFT.equals(current.state)) {
            throw invalidTransition("只有待提交（草稿）的申报可以删除，该申报" + DeclarationState.labelOf(current.state));
        }
        store.inTransaction(s -> {
            DeclarationMapper m = s.getMapper(DeclarationMapper.class);
            owners.touch(s, caller.accountId());
            if (m.deleteDraft(caller.accountId(), id, version) != 1) {
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

    DeclarationDetail submit(Caller caller, long id, Integer version, String address) {
        requireProfessional(caller);
        // one transaction on one connection, from the read to the answer: the person's row is locked first, so
        // parallel submissions are counted one after the other and the cap is checked on what is committed
        DeclarationDetail answer = store.inTransaction(s -> {
            if (owners.lock(s, caller.accountId()) == 0) {
                return null;
            }
            DeclarationRow current = load(caller, id);
            requireOwn(current);
            if (!DRAFT.equals(current.state)) {
                throw invalidTransition("该申报" + DeclarationState.labelOf(current.state) + "，不能再次提交");
            }
            if (version != null && version != current.version) {
                throw stale();
            }
            JsonText.Figures figures = snapshots.of(s, current.schemaId).figures();
            BigDecimal max = checks.units().convert(figures.maxPerYear(), String.valueOf(figures.kind()), current.kind);
            DeclarationChecks.requireAttachments(attachments.lock(id, true));
            checks.checkYearCap(caller.accountId(), current.formId, current.formName, DeclarationViews.unitOf(current.kind),
                    max, current.declYear, current.claimedHours, id);
            Timestamp at = transition(caller, current, DRAFT, PENDING, current.version);
            audit.record(caller.accountId(), "declaration_submit",
                    subject(id, current.formId, current.declYear, current.claimedHours), PENDING, address);
            // the answer is the row as the update left it, with its history and files read in this transaction
            current.state = PENDING;
            current.version = current.version + 1;
            current.updatedAt = at;
            current.submittedAt = at;
            return views.detail(current);
        });
        if (answer == null) { // no lock row: a draft older than the rows (migration V8 made most), or made around them
            ensureOwner(caller.accountId());
            return submit(caller, id, version, address);
        }
        return answer;
    }

    DeclarationDetail withdraw(Caller caller, long id, Integer version, String address) {
        requireProfessional(caller);
        DeclarationRow current = load(caller, id);
        requireOwn(current);
        if (!PENDING.equals(current.state)) {
            throw invalidTransition("只有待审核的申报可以撤销，该申报" + DeclarationState.labelOf(current.state));
        }
        return store.inTransaction(s -> {
            owners.touch(s, caller.accountId());
            transition(caller, current, PENDING, DRAFT, version);
            attachments.lock(id, false);
            audit.record(caller.accountId(), "declaration_withdraw",
                    subject(id, current.formId, current.declYear, current.claimedHours), DRAFT, address);
            return views.detail(load(caller, id));
        });
    }

    /** Moves a declaration from one state to another, with its history; returns the time it wrote. */
    private Timestamp transition(Caller caller, DeclarationRow current, String from, String to, Integer version) {
        Timestamp now = Timestamp.from(clock.instant());
        store.inTransaction(s -> {
            DeclarationMapper m = s.getMapper(DeclarationMapper.class);
            // a submission (always at the version it checked) has a statement of its own, with the time of submission
            int changed = DRAFT.equals(from) && PENDING.equals(to) && version != null
                    ? m.submitDraft(caller.accountId(), current.id, version, now)
                    : m.transition(caller.accountId(), current.id, from, to, version, now);
            if (changed != 1) {
                throw changedMeanwhile(caller, current.id);
            }
            m.history(current.id, now, from, to, caller.accountId(), null);
            return null;
        });
        // the audit log and the declaration's history keep every transition; the server's log only when asked
        LOG.debug("Declaration {} {} -> {} by account {}", current.id, from, to, caller.accountId());
        return now;
    }

    DeclarationDetail get(Caller caller, long id) {
        requireProfessional(caller);
        return views.detail(load(caller, id));
    }

    Page<DeclarationSummary> list(Caller caller, String state, String year, PageRequest page) {
        requireProfessional(caller);
        return views.list(caller.accountId(), state, year, page);
    }

    /** {@link #list} as the API answers it (UTF-8 JSON), given from memory while nothing changed. */
    byte[] listJson(Caller caller, String state, String year, PageRequest page) {
        requireProfessional(caller);
        return views.listJson(caller.accountId(), state, year, page);
    }

    /** The years a declaration may count towards now (计入年度 choices). */
    List<Integer> declarableYears() {
        return checks.declarableYears();
    }

    /**
     * The person's lock row exists before any transaction that locks it; two first
     * submissions at the same moment may both try to make it, and one finds it made.
     * Once it exists (every submission but a person's first) this is a read, so a submission
     * commits once: each commit that writes waits for the database's log to reach the disk.
     */
    private void ensureOwner(long ownerId) {
        try (SqlSession s = store.session()) {
            if (s.getMapper(DeclarationMapper.class).ownerExists(ownerId) > 0) {
                return;
            }
        }
        try {
            store.inTransaction(s -> {
                if (owners.lock(s, ownerId) == 0) {
                    s.getMapper(DeclarationMapper.class).insertOwner(ownerId);
                }
                return null;
            });
        } catch (PersistenceException e) {
            if (store.inTransaction(s -> owners.lock(s, ownerId)) == 0) {
                throw e; // not the duplicate row: something else failed
            }
        }
    }

    /** {@code declaration:<id> <form> <year> <claimed>}, what an audit record names. */
    static String subject(long id, String formId, int year, BigDecimal claimed) {
        String s = "declaration:" + id + " " + formId + " " + year + " " + (claimed == null ? "" : claimed.stripTrailingZeros().toPlainString());
        return s.length() <= 64 ? s : s.substring(0, 64);
    }

    /** A declaration a base made for the person is the base's word: the person reads it, never changes it. */
    private static void requireOwn(DeclarationRow current) {
        if (current.origin != null) {
            throw new ProblemException(409, "declared_by_base",
                    "该申报为" + current.origin + "，本人不能修改、撤销或删除；如有疑问请联系该基地");
        }
    }

    private static void requireProfessional(Caller caller) {
        if (caller.role() != Role.PROFESSIONAL) {
            throw ProblemException.forbidden();
        }
    }

    /** The caller's declaration with its form's description; read in the thread's transaction when there is one. */
    private DeclarationRow load(Caller caller, long id) {
        try (SqlSession s = store.session()) {
            DeclarationRow row = s.getMapper(DeclarationMapper.class).find(caller.accountId(), id);
            if (row == null) {
                throw ProblemException.notFound("declaration_not_found", NOT_FOUND);
            }
            snapshots.fill(s, row);
            return row;
        }
    }

    /** After a conditional update changed nothing: gone (404), other state (409) or other version (409). */
    private ProblemException changedMeanwhile(Caller caller, long id) {
        DeclarationRow now = load(caller, id);
        return new ProblemException(409, "stale_version", "该申报刚刚已被修改（当前状态：" + DeclarationState.labelOf(now.state)
                + "），请刷新后再操作");
    }

    private static ProblemException stale() {
        return new ProblemException(409, "stale_version", "该申报已在其他页面被修改，请刷新后再操作");
    }

    private static ProblemException invalidTransition(String message) {
        return new ProblemException(409, "invalid_transition", message);
    }
}
