package org.ceportal.declarations.internal;

import org.ceportal.platform.security.Caller;
import org.ceportal.review.spi.Decided;
import org.ceportal.review.spi.Decision;
import org.ceportal.review.spi.Pending;
import org.ceportal.review.spi.ReviewSubject;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** 学时/学分申报审核 in the reviewers' work queue. */
@Component(service = ReviewSubject.class)
public final class DeclarationReviewSubject implements ReviewSubject {
    private final DeclarationReviewing reviewing;

    @Activate
    public DeclarationReviewSubject(@Reference DeclarationsComponent component) {
        this.reviewing = component.reviewing();
    }

    @Override
    public String id() {
        return "declarations";
    }

    @Override
    public String label() {
        return "学时/学分申报审核";
    }

    @Override
    public String link() {
        return "/review-declarations.html";
    }

    @Override
    public Pending pending(Caller reviewer) {
        return reviewing.pending(reviewer);
    }

    @Override
    public Decided decide(Caller reviewer, long itemId, Decision decision, String address) {
        return reviewing.decide(reviewer, itemId, decision, address);
    }
}
