package org.ceportal.profile.internal;

import org.ceportal.platform.security.Caller;
import org.ceportal.review.spi.Decided;
import org.ceportal.review.spi.Decision;
import org.ceportal.review.spi.Pending;
import org.ceportal.review.spi.ReviewSubject;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** 职称变更审核 in the reviewers' work queue. */
@Component(service = ReviewSubject.class)
public final class TitleChangeSubject implements ReviewSubject {
    private final TitleChanges changes;

    @Activate
    public TitleChangeSubject(@Reference ProfileComponent profile) {
        this.changes = profile.titleChanges();
    }

    @Override
    public String id() {
        return "title-changes";
    }

    @Override
    public String label() {
        return "职称变更审核";
    }

    @Override
    public String link() {
        return "/review-title-changes.html";
    }

    @Override
    public Pending pending(Caller reviewer) {
        return changes.pending(reviewer);
    }

    @Override
    public Decided decide(Caller reviewer, long itemId, Decision decision, String address) {
        return changes.decide(reviewer, itemId, decision, address);
    }
}
