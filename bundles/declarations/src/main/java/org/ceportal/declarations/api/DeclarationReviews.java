package org.ceportal.declarations.api;

import org.ceportal.platform.api.Page;
import org.ceportal.platform.api.PageRequest;
import org.ceportal.platform.security.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The reviewer's side of declarations (申报审核): a unit admin reads the submitted
 * declarations of their own unit only; another unit's are "not found". Decisions go
 * through the {@code declarations} review subject ({@link org.ceportal.review.spi.ReviewSubject}).
 */
@ProviderType
public interface DeclarationReviews {

    /**
     * The state that waits for this reviewer: {@code pending} for a unit admin,
     * {@code unit_approved} for ops (the second level of two-level review).
     *
     * @throws org.ceportal.platform.api.ProblemException 403 for a caller who reviews nothing
     */
    StateName queue(Caller reviewer);

    /**
     * The reviewer's unit's submitted declarations (every unit's for ops): those waiting for
     * the reviewer first, the longest-waiting first.
     *
     * @throws org.ceportal.platform.api.ProblemException 400 for a bad filter, 403 for a caller who reviews nothing
     */
    Page<ReviewItem> list(Caller reviewer, ReviewQuery query, PageRequest page);

    /**
     * One declaration of the reviewer's unit, as its owner made it, with what the decision needs.
     *
     * @throws org.ceportal.platform.api.ProblemException 404 when it is not the reviewer's unit's (or a draft)
     */
    ReviewDetail detail(Caller reviewer, long id);

    /**
     * The attachment of a declaration of the reviewer's unit.
     *
     * @return the attachment's id, checked to belong to the declaration
     * @throws org.ceportal.platform.api.ProblemException 404 when either is not the reviewer's to see
     */
    long attachment(Caller reviewer, long declarationId, long attachmentId);
}
