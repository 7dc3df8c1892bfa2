package org.ceportal.declarations.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;

import org.apache.ibatis.session.SqlSession;
import org.ceportal.attachments.api.AttachmentService;
import org.ceportal.declarations.api.DeclarationState;
import org.ceportal.declarations.api.ReviewDetail;
import org.ceportal.declarations.api.ReviewItem;
import org.ceportal.declarations.api.ReviewQuery;
import org.ceportal.declarations.api.StateName;
import org.ceportal.platform.api.FieldError;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reviewers' side. A unit admin sees the unit's submitted declarations and
 * decides pending → approved/rejected; for a learning form under two-level review
 * (config {@code secondLevelForms}) the unit's approval is pending → unit_approved,
 * and the provincial ops, who see every unit's, decide unit_approved →
 * approved/rejected. The unit always comes from the reviewer, never from the
 * request, so another unit's declarations are simply not found. A decision is one
 * conditional UPDATE, so of two reviewers deciding at once exactly one wins.
 */
final class DeclarationReviewing {
    private static final Logger LOG = LoggerFactory.getLogger(DeclarationReviewing.class);
    private static final String PENDING = DeclarationState.PENDING.code();
    private static final String UNIT_APPROVED = DeclarationState.UNIT_APPROVED.code();
    private static final String REVOKE = "revoke";
    private static final int MAX_REASON = 200;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("M月d日 HH:mm");

    private final Store store;
    private final DeclarationViews views;
    private final AttachmentService attachments;
    private final Declarations.AuditTrail audit;
    private final Messages messages;
    private final LongFunction<Optional<String>> names;
    private final Set<String> secondLevelForms;
    private final ZoneId zone;
    private final Clock clock;
    private final Units units;
    private final OwnerLocks owners;

    /** Whose declarations a reviewer sees ({@code unitId} null: every unit's) and which state waits for them. */
    private record Scope(Long unitId, String queueState) {
    }

    DeclarationReviewing(Store store, DeclarationViews views, AttachmentService attachments, Declarations.AuditTrail audit,
            Messages messages, LongFunction<Optional<String>> names, Set<String> secondLevelForms, ZoneId zone, Clock clock) {
        this(store, views, attachments, audit, messages, names, secondLevelForms, zone, clock, Units.HOURS_ONLY);
    }

    DeclarationReviewing(Store store, DeclarationViews views, AttachmentService attachments, Declarations.AuditTrail audit,
            Messages messages, LongFunction<Optional<String>> names, Set<String> secondLevelForms, ZoneId zone, Clock clock,
            Units units) {
        this(store, views, attachments, audit, messages, names, secondLevelForms, zone, clock, units, OwnLists.none());
    }

    /** @param ownLists the own lists kept on this node, which forget a person's pages after a decision on theirs */
    DeclarationReviewing(Store store, DeclarationViews views, AttachmentService attachments, Declarations.AuditTrail audit,
            Messages messages, LongFunction<Optional<String>> names, Set<String> secondLevelForms, ZoneId zone, Clock clock,
            Units units, OwnLists ownLists) {
        this.owners = new OwnerLocks(store, ownLists);
        this.units = units;
        this.store = store;
        this.views = views;
        this.attachments = attachments;
        this.audit = audit;
        this.messages = messages;
        this.names = names;
        this.secondLevelForms = Set.copyOf(secondLevelForms);
        this.zone = zone;
        this.clock = clock;
    }

    StateName queue(Caller reviewer) {
        String state = scopeOf(reviewer).queueState();
        return new StateName(state, DeclarationState.labelOf(state));
    }

    Page<ReviewItem> list(Caller reviewer, ReviewQuery q, PageRequest page) {
        Scope scope = scopeOf(reviewer);
        String state = DeclarationViews.stateFilter(q.state());
        if (DeclarationState.DRAFT.code().equals(state)) {
            throw ProblemException.invalid("state", "待提交的申报尚未提交，不在审核范围内");
        }
        Integer year = DeclarationViews.yearFilter(q.year());
        String form = q.formId() == null || q.formId().isBlank() ? null : q.formId().strip();
        List<Long> owners = q.ownerIds() == null ? null : List.copyOf(q.ownerIds());
        if (owners != null && owners.isEmpty()) {
            return new Page<>(List.of(), 0, page);
        }
        try (SqlSession s = store.session()) {
            DeclarationMapper m = s.getMapper(DeclarationMapper.class);
            int total = m.reviewCount(scope.unitId(), state, form, year, owners);
            List<ReviewItem> items = m.reviewList(scope.unitId(), scope.queueState(), state, form, year, owners,
                    page.offset(), page.size()).stream()
                    .map(DeclarationReviewing::item).toList();
            return new Page<>(items, total, page);
        }
    }

    ReviewDetail detail(Caller reviewer, long id) {
        DeclarationRow row = find(reviewer, id);
        BigDecimal approved;
        try (SqlSession s = store.session()) {
            approved = s.getMapper(DeclarationMapper.class).approvedInYear(row.ownerId, row.declYear, row.kind);
        }
        return new ReviewDetail(views.detail(row), row.ownerId, approved, maxPerItem(row), row.decidedBy,
                new Duplicates(store, attachments).of(row), revocable(reviewer, row));
    }

    long attachment(Caller reviewer, long declarationId, long attachmentId) {
        find(reviewer, declarationId);
        if (attachments.ofDeclaration(declarationId).stream().noneMatch(a -> a.id() == attachmentId)) {
            throw ProblemException.notFound("attachment_not_found", "未找到该附件");
        }
        return attachmentId;
    }

    /** What waits for the reviewer: the unit's pending declarations, or for ops every unit's unit-approved ones. */
    Pending pending(Caller reviewer) {
        Scope scope;
        try {
            scope = scopeOf(reviewer);
        } catch (ProblemException notAReviewer) {
            return Pending.NONE;
        }
        QueueRow q;
        try (SqlSession s = store.session()) {
            q = s.getMapper(DeclarationMapper.class).queue(scope.unitId(), scope.queueState());
        }
        if (q == null || q.pending == 0) {
            return Pending.NONE;
        }
        String since = WHEN.format(q.oldest.toInstant().atZone(zone));
        return new Pending(q.pending, q.oldest.toInstant(), scope.unitId() == null
                ? q.pending + " 条学时/学分申报经单位审核后待主管部门审核，最早的单位审核于 " + since
                : q.pending + " 条学时/学分申报待审核，最早的提交于 " + since);
    }

    /**
     * Approves (with the claimed hours, or others and a reason) or rejects (with a reason)
     * a pending declaration of the reviewer's unit; tells the owner; one transaction.
     */
    Decided decide(Caller reviewer, long id, Decision d, String address) {
        Scope scope = scopeOf(reviewer);
        if (d != null && REVOKE.equals(d.decision())) {
            return revoke(reviewer, scope, id, d, address);
        }
        if (d == null || d.decision() == null || !(d.approve() || "reject".equals(d.decision()))) {
            throw ProblemException.invalid("decision", "请选择审核结果：通过或不通过");
        }
        String reason = d.reason() == null || d.reason().isBlank() ? null : d.reason().strip();
        if (reason != null) {
            Texts.problem("reason", "原因", reason, MAX_REASON, true).ifPresent(e -> {
                throw ProblemException.invalid(List.of(e));
            });
        }
        DeclarationRow row = find(reviewer, id);
        String from = scope.queueState();
        if (UNIT_APPROVED.equals(from) && PENDING.equals(row.state)) {
            throw ProblemException.conflict("not_unit_approved", "该申报尚待所在单位审核，单位审核通过后才由主管部门审核");
        }
        if (!from.equals(row.state)) {
            throw alreadyDecided(row);
        }
        // the hours as they stand: claimed, or what the unit approved before the ops decide
        BigDecimal current = row.approvedHours != null ? row.approvedHours : row.claimedHours;
        BigDecimal hours = null;
        if (d.approve()) {
            hours = d.approvedHours() == null ? current : approvedHours(row, d.approvedHours());
            if (hours.compareTo(current) != 0 && reason == null) {
                throw ProblemException.invalid("reason", "核定" + DeclarationViews.unitOf(row.kind) + "与申报的不同，请填写原因");
            }
        } else if (reason == null) {
            throw ProblemException.invalid("reason", "请填写不通过的原因");
        }
        boolean toOps = d.approve() && PENDING.equals(from) && secondLevelForms.contains(row.formId);
        String to = (!d.approve() ? DeclarationState.REJECTED : toOps ? DeclarationState.UNIT_APPROVED
                : DeclarationState.APPROVED).code();
        BigDecimal approved = hours;
        // the note the person sees: why the hours differ from those claimed (the unit's reason stays unless ops give another)
        String note = !d.approve() ? null : hours.compareTo(current) != 0 ? reason : row.reviewNote;
        Timestamp now = Timestamp.from(clock.instant());
        store.inTransaction(s -> {
            DeclarationMapper m = s.getMapper(DeclarationMapper.class);
            owners.touch(s, row.ownerId);
            if (m.decide(scope.unitId(), id, d.version(), from, to, approved, note, d.approve() ? null : reason, now,
                    reviewer.accountId()) != 1) {
                DeclarationRow changed = m.findInUnit(scope.unitId(), id);
                if (changed == null) {
                    throw ProblemException.notFound("declaration_not_found", Declarations.NOT_FOUND);
                }
                throw from.equals(changed.state)
                        ? ProblemException.conflict("stale_version", "该申报已被修改，请刷新后再审核")
                        : alreadyDecided(changed);
            }
            m.decisionHistory(id, now, from, to, reviewer.accountId(), reason, current, approved);
            audit.record(reviewer.accountId(), "declaration_decision",
                    Declarations.subject(id, row.formId, row.declYear, approved == null ? current : approved),
                    to, address);
            if (!toOps) {
                tellOwner(row, approved, d.approve() ? note : reason);
            }
            return null;
        });
        LOG.info("Declaration {} {} by account {}", id, to, reviewer.accountId());
        return new Decided(id, to, DeclarationState.labelOf(to));
    }

    /**
     * 撤销审核: takes back an approval (a certificate turned out forged, hours approved by
     * mistake). The declaration goes back to 待审核 of its unit with its approved hours
     * cleared, so it no longer counts in 年度完成情况 and any 学时证明 resting on it shows
     * as superseded. A unit admin takes back the unit's approvals (not those ops gave
     * under two-level review); ops take back any final approval. A reason is required;
     * the owner is told; one transaction.
     */
    private Decided revoke(Caller reviewer, Scope scope, long id, Decision d, String address) {
        String reason = d.reason() == null || d.reason().isBlank() ? null : d.reason().strip();
        if (reason == null) {
            throw ProblemException.invalid("reason", "请填写撤销审核的原因");
        }
        Texts.problem("reason", "原因", reason, MAX_REASON, true).ifPresent(e -> {
            throw ProblemException.invalid(List.of(e));
        });
        DeclarationRow row = find(reviewer, id);
        if (!revocable(scope, row)) {
            throw ProblemException.conflict("not_revocable", DeclarationState.APPROVED.code().equals(row.state)
                    || UNIT_APPROVED.equals(row.state)
                    ? "该申报由主管部门审核通过，只有主管部门可以撤销"
                    : "该申报当前为「" + DeclarationState.labelOf(row.state) + "」，只有审核通过的申报可以撤销审核");
        }
        String from = row.state;
        BigDecimal hours = row.approvedHours;
        Timestamp now = Timestamp.from(clock.instant());
        store.inTransaction(s -> {
            DeclarationMapper m = s.getMapper(DeclarationMapper.class);
            owners.touch(s, row.ownerId);
            if (m.revoke(scope.unitId(), id, d.version(), from, PENDING, now) != 1) {
                throw ProblemException.conflict("stale_version", "该申报已被修改，请刷新后再操作");
            }
            m.decisionHistory(id, now, from, PENDING, reviewer.accountId(), reason, hours, null);
            audit.record(reviewer.accountId(), "declaration_revocation",
                    Declarations.subject(id, row.formId, row.declYear, hours), PENDING, address);
            String unitName = DeclarationViews.unitOf(row.kind);
            messages.send(row.ownerId, "您的" + unitName + "申报审核已撤销", "「" + (row.title == null ? row.formName : row.title)
                    + "」（" + row.formName + "，" + row.declYear + " 年度）的审核通过已被撤销，退回待审核，不再计入年度学时。原因："
                    + Texts.withoutFinalStop(reason) + "。", "/progress.html?state=pending");
            return null;
        });
        LOG.info("Declaration {} approval revoked by account {}", id, reviewer.accountId());
        return new Decided(id, PENDING, DeclarationState.labelOf(PENDING));
    }

    /** Whether the reviewer may take back the declaration's approval (see {@link #revoke}). */
    boolean revocable(Caller reviewer, DeclarationRow row) {
        return revocable(scopeOf(reviewer), row);
    }

    private boolean revocable(Scope scope, DeclarationRow row) {
        if (scope.unitId() == null) {
            return DeclarationState.APPROVED.code().equals(row.state);
        }
        return UNIT_APPROVED.equals(row.state)
                || DeclarationState.APPROVED.code().equals(row.state) && !secondLevelForms.contains(row.formId);
    }

    /** @param reason why the hours differ from those claimed (approved), or why it was rejected */
    private void tellOwner(DeclarationRow row, BigDecimal approved, String reason) {
        String unitName = DeclarationViews.unitOf(row.kind);
        String what = "「" + (row.title == null ? row.formName : row.title) + "」（" + row.formName + "，" + row.declYear + " 年度）";
        if (approved != null) {
            String hours = plain(approved) + " " + unitName;
            String body = what + "已审核通过，核定 " + hours
                    + (approved.compareTo(row.claimedHours) == 0 ? "。" : "（申报 " + plain(row.claimedHours) + " " + unitName
                            + "）。" + (reason == null ? "" : "原因：" + Texts.withoutFinalStop(reason) + "。"));
            messages.send(row.ownerId, "您的" + unitName + "申报已审核通过", body, "/progress.html?state=approved");
        } else {
            messages.send(row.ownerId, "您的" + unitName + "申报未通过审核", what + "未通过审核。原因：" + Texts.withoutFinalStop(reason)
                    + "。可以在申报进度查询中复制为新申报，修改后重新提交。", "/progress.html?state=rejected");
        }
    }

    /** The hours to approve: the claimed ones unless others are given, within (0, the form's cap]. */
    private BigDecimal approvedHours(DeclarationRow row, BigDecimal given) {
        if (given == null) {
            return row.claimedHours;
        }
        String unit = DeclarationViews.unitOf(row.kind);
        if (given.signum() <= 0 || given.stripTrailingZeros().scale() > 2) {
            throw ProblemException.invalid("approvedHours", "核定" + unit + "应大于 0，最多两位小数；不予认可请选择不通过");
        }
        BigDecimal max = maxPerItem(row);
        BigDecimal bound = max == null ? row.proposedHours.max(row.claimedHours) : max;
        if (given.compareTo(bound) > 0) {
            throw new ProblemException(400, "validation_failed", "核定" + unit + "不能超过 " + plain(bound) + " " + unit,
                    List.of(new FieldError("approvedHours", max == null ? "不能超过按规则核算的 " + plain(bound) + " " + unit
                            : "该学习形式每项最多 " + plain(bound) + " " + unit)));
        }
        return given;
    }

    /** The form's cap per item, in the declaration's unit (a 学分申报 of a 学时 form converts it). */
    private BigDecimal maxPerItem(DeclarationRow row) {
        Map<String, Object> schema = JsonText.read(row.schemaJson);
        return units.convert(Schemas.amount(schema, "maxPerItem"), String.valueOf(schema.get("kind")), row.kind);
    }

    private ProblemException alreadyDecided(DeclarationRow row) {
        String who = row.decidedBy == null ? "其他管理员" : names.apply(row.decidedBy).orElse("其他管理员");
        String when = row.decidedAt == null ? "" : "于 " + WHEN.format(row.decidedAt.toInstant().atZone(zone));
        return ProblemException.conflict("already_decided", "该申报已由" + who + when + "审核（"
                + DeclarationState.labelOf(row.state) + "），请刷新列表");
    }

    private DeclarationRow find(Caller reviewer, long id) {
        Scope scope = scopeOf(reviewer);
        try (SqlSession s = store.session()) {
            DeclarationRow row = s.getMapper(DeclarationMapper.class).findInUnit(scope.unitId(), id);
            if (row == null) {
                throw ProblemException.notFound("declaration_not_found", Declarations.NOT_FOUND);
            }
            return row;
        }
    }

    private static Scope scopeOf(Caller reviewer) {
        if (reviewer.role() == Role.UNIT_ADMIN && reviewer.unitId() != null) {
            return new Scope(reviewer.unitId(), PENDING);
        }
        if (reviewer.role() == Role.OPS) {
            return new Scope(null, UNIT_APPROVED);
        }
        throw ProblemException.forbidden();
    }

    private static ReviewItem item(DeclarationRow row) {
        return new ReviewItem(DeclarationViews.summary(row), row.ownerId,
                row.decidedAt == null ? null : row.decidedAt.toInstant(), row.decidedBy);
    }

    private static String plain(BigDecimal b) {
        return b.stripTrailingZeros().toPlainString();
    }
}
