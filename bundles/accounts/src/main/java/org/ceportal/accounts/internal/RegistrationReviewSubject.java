package org.ceportal.accounts.internal;

import org.ceportal.platform.security.Caller;
import org.ceportal.review.spi.Decided;
import org.ceportal.review.spi.Decision;
import org.ceportal.review.spi.Pending;
import org.ceportal.review.spi.ReviewSubject;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** 注册审核 in the reviewers' work queue: the unit's pending registrations. */
@Component(service = ReviewSubject.class)
public final class RegistrationReviewSubject implements ReviewSubject {
    private final UnitRegistrations registrations;

    @Activate
    public RegistrationReviewSubject(@Reference AccountsComponent accounts) {
        this.registrations = accounts.unitRegistrations();
    }

    @Override
    public String id() {
        return "registrations";
    }

    @Override
    public String label() {
        return "注册审核";
    }

    @Override
    public String link() {
        return "/unit-registrations.html";
    }

    @Override
    public Pending pending(Caller reviewer) {
        return registrations.pending(reviewer);
    }

    @Override
    public Decided decide(Caller reviewer, long itemId, Decision decision, String address) {
        UnitRegistrations.Decision d = new UnitRegistrations.Decision();
        d.decision = decision.decision();
        d.reason = decision.reason();
        d.version = decision.version();
        UnitRegistrations.View v = registrations.decide(reviewer, itemId, d, address);
        return new Decided(v.id(), v.state(), v.stateName());
    }
}
