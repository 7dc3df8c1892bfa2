package org.ceportal.review.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.ceportal.platform.api.FieldError;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.security.Caller;
import org.ceportal.review.spi.Decided;
import org.ceportal.review.spi.Decision;
import org.ceportal.review.spi.Pending;
import org.ceportal.review.spi.ReviewSubject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work queue over every {@link ReviewSubject}: the inbox and the decisions, one
 * item or many. Knows nothing of what a subject reviews.
 */
final class ReviewQueue {
    private static final Logger LOG = LoggerFactory.getLogger(ReviewQueue.class);

    private final Supplier<List<ReviewSubject>> subjects;
    private final int maxBulk;

    ReviewQueue(Supplier<List<ReviewSubject>> subjects, int maxBulk) {
        this.subjects = subjects;
        this.maxBulk = maxBulk;
    }

    /** A line of 审核中心. */
    record InboxItem(String subject, String label, int pending, Instant oldestSubmittedAt, String summary, String link) {
    }

    /** Body of a decision: {@code {decision, approvedHours?, reason?, version?}}. */
    static final class DecisionBody {
        public String decision;
        public BigDecimal approvedHours;
        public String reason;
        public Integer version;
    }

    /** Body of a bulk decision: one decision (and reason) for many items. */
    static final class BulkBody {
        public String decision;
        public String reason;
        public List<BulkItem> items;
    }

    /** An item of a bulk decision and the version the reviewer saw. */
    static final class BulkItem {
        public Long id;
        public Integer version;
    }

    /** What became of one item of a bulk decision. */
    record Outcome(long id, boolean ok, int status, String code, String message, String state, String stateName) {
    }

    /** The answer to a bulk decision. */
    record BulkAnswer(List<Outcome> items, int succeeded, int failed) {
    }

    /** Every subject with what waits for the reviewer, the longest-waiting queue first. */
    List<InboxItem> inbox(Caller reviewer) {
        List<InboxItem> items = new ArrayList<>();
        for (ReviewSubject s : subjects.get()) {
            Pending p;
            try {
                p = s.pending(reviewer);
            } catch (RuntimeException e) {
                LOG.error("Review subject {} failed to count its pending items", s.id(), e);
                continue; // one broken subject must not hide the others
            }
            if (p == null) {
                p = Pending.NONE;
            }
            items.add(new InboxItem(s.id(), s.label(), p.count(), p.oldestSubmittedAt(), p.summary(), s.link()));
        }
        items.sort(Comparator.comparing(InboxItem::oldestSubmittedAt, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(InboxItem::subject));
        return items;
    }

    Decided decide(Caller reviewer, String subject, long id, DecisionBody body, String address) {
        if (body == null) {
            throw ProblemException.invalid("decision", "请选择审核结果：通过或不通过");
        }
        return subject(subject).decide(reviewer, id, new Decision(body.decision, body.approvedHours, body.reason,
                body.version), address);
    }

    /** Decides each item on its own: one stale or refused item does not undo or stop the others. */
    BulkAnswer decideAll(Caller reviewer, String subject, BulkBody body, String address) {
        ReviewSubject s = subject(subject);
        if (body == null || body.items == null || body.items.isEmpty()) {
            throw ProblemException.invalid("items", "请至少选择一项");
        }
        if (body.items.size() > maxBulk) {
            throw ProblemException.invalid("items", "一次最多批量审核 " + maxBulk + " 项，请分批处理");
        }
        List<FieldError> errors = new ArrayList<>();
        if (body.decision == null || !(body.decision.equals("approve") || body.decision.equals("reject"))) {
            errors.add(new FieldError("decision", "请选择审核结果：通过或不通过"));
        } else if (body.decision.equals("reject") && (body.reason == null || body.reason.isBlank())) {
            errors.add(new FieldError("reason", "请填写不通过的原因"));
        }
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < body.items.size(); i++) {
            BulkItem item = body.items.get(i);
            if (item == null || item.id == null) {
                errors.add(new FieldError("items[" + i + "].id", "缺少编号"));
            } else if (!seen.add(item.id)) {
                errors.add(new FieldError("items[" + i + "].id", "重复选择了同一项"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        List<Outcome> outcomes = new ArrayList<>();
        int ok = 0;
        for (BulkItem item : body.items) {
            Decision d = new Decision(body.decision, null, body.reason, item.version);
            try {
                Decided done = s.decide(reviewer, item.id, d, address);
                outcomes.add(new Outcome(item.id, true, 200, null, null, done.state(), done.stateName()));
                ok++;
            } catch (ProblemException e) {
                String message = e.errors().isEmpty() ? e.getMessage() : e.errors().get(0).message();
                outcomes.add(new Outcome(item.id, false, e.status(), e.code(), message, null, null));
            } catch (RuntimeException e) {
                LOG.error("Bulk decision on {} {} failed", subject, item.id, e);
                outcomes.add(new Outcome(item.id, false, 503, "unavailable", "暂时无法处理，请稍后重试", null, null));
            }
        }
        LOG.info("Bulk {} of {} {}: {} done, {} not, by account {}", body.decision, outcomes.size(), subject, ok,
                outcomes.size() - ok, reviewer.accountId());
        return new BulkAnswer(outcomes, ok, outcomes.size() - ok);
    }

    private ReviewSubject subject(String id) {
        Optional<ReviewSubject> s = subjects.get().stream().filter(x -> x.id().equals(id)).findFirst();
        return s.orElseThrow(() -> ProblemException.notFound("not_found", "未找到该审核事项"));
    }
}
