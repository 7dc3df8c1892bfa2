package org.ceportal.review.spi;

import org.ceportal.platform.security.Caller;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A kind of item that reviewers decide (注册审核, 学时/学分申报审核, 职称变更审核).
 * Registered as an OSGi service by the bundle that owns the items; the review
 * bundle's inbox asks every subject what waits for the calling reviewer.
 */
@ConsumerType
public interface ReviewSubject {

    /** A stable id, e.g. {@code declarations}; it names the subject in {@code /api/review/inbox}. */
    String id();

    /** The zh-CN name of the queue, e.g. 学时/学分申报审核. */
    String label();

    /** The page where a reviewer works through the items, e.g. {@code /review-declarations.html}. */
    String link();

    /**
     * What waits for this reviewer: the items of their unit for a unit admin, the
     * province's second-level items for ops.
     *
     * @return the pending items, {@link Pending#NONE} when none or the reviewer's role has no part
     */
    Pending pending(Caller reviewer);

    /**
     * Decides one item in the caller's transaction.
     *
     * @param reviewer the reviewer (a unit admin or ops)
     * @param itemId   the item
     * @param decision what the reviewer decided
     * @param address  the reviewer's client address, for the audit trail
     * @return the item's state afterwards
     * @throws org.ceportal.platform.api.ProblemException 404 when the reviewer may not see the item,
     *         409 {@code already_decided} when someone else decided it first (the message says who),
     *         400 for a decision the item's rules refuse
     */
    Decided decide(Caller reviewer, long itemId, Decision decision, String address);
}
