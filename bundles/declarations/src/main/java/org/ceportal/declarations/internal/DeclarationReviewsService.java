package org.ceportal.declarations.internal;

import org.ceportal.declarations.api.DeclarationReviews;
import org.ceportal.declarations.api.ReviewDetail;
import org.ceportal.declarations.api.ReviewItem;
import org.ceportal.declarations.api.ReviewQuery;
import org.ceportal.declarations.api.StateName;
import org.ceportal.platform.api.Page;
import org.ceportal.platform.api.PageRequest;
import org.ceportal.platform.security.Caller;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@link DeclarationReviews} for the review bundle's pages. */
@Component(service = DeclarationReviews.class)
public final class DeclarationReviewsService implements DeclarationReviews {
    private final DeclarationReviewing reviewing;

    @Activate
    public DeclarationReviewsService(@Reference DeclarationsComponent component) {
        this.reviewing = component.reviewing();
    }

    @Override
    public StateName queue(Caller reviewer) {
        return reviewing.queue(reviewer);
    }

    @Override
    public Page<ReviewItem> list(Caller reviewer, ReviewQuery query, PageRequest page) {
        return reviewing.list(reviewer, query, page);
    }

    @Override
    public ReviewDetail detail(Caller reviewer, long id) {
        return reviewing.detail(reviewer, id);
    }

    @Override
    public long attachment(Caller reviewer, long declarationId, long attachmentId) {
        return reviewing.attachment(reviewer, declarationId, attachmentId);
    }
}
