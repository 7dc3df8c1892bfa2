package org.ceportal.review.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.security.Caller;
import org.ceportal.platform.security.Role;
import org.ceportal.review.spi.Decided;
import org.ceportal.review.spi.Decision;
import org.ceportal.review.spi.Pending;
import org.ceportal.review.spi.ReviewSubject;
import org.junit.Test;

/** The queue over subjects it knows nothing of: the inbox, and bulk decisions item by item. */
public class ReviewQueueTest {
    private static final Caller ADMIN = new Caller(100, "李主任", Role.UNIT_ADMIN, 7L);

    /** Items 1..n pending; deciding one twice is a conflict, like a real subject. */
    static final class Subject implements ReviewSubject {
        final String id;
        final Pending pending;
        final Set<Long> decided = new HashSet<>();

        Subject(String id, Pending pending) {
            this.id = id;
            this.pending = pending;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String label() {
            return id + " 审核";
        }

        @Override
        public String link() {
            return "/" + id + ".html";
        }

        @Override
        public Pending pending(Caller reviewer) {
            if (pending == null) {
                throw new IllegalStateException("broken");
            }
            return pending;
        }

        @Override
        public Decided decide(Caller reviewer, long itemId, Decision decision, String address) {
            if (decision.version() != null && decision.version() != 0) {
                throw ProblemException.conflict("stale_version", "该申报已被修改，请刷新后再审核");
            }
            if (!decided.add(itemId)) {
                throw ProblemException.conflict("already_decided", "该申报已由孙老师审核（审核通过），请刷新列表");
            }
            return new Decided(itemId, decision.approve() ? "approved" : "rejected", decision.approve() ? "审核通过" : "审核不通过");
        }
    }

    private static ReviewQueue.BulkBody bulk(String decision, String reason, long... ids) {
        ReviewQueue.BulkBody b = new ReviewQueue.BulkBody();
        b.decision = decision;
        b.reason = reason;
        b.items = new ArrayList<>();
        for (long id : ids) {
            ReviewQueue.BulkItem i = new ReviewQueue.BulkItem();
            i.id = id;
            i.version = id == 3 ? 7 : 0; // item 3 was changed since the page loaded
            b.items.add(i);
        }
        return b;
    }

    @Test
    public void theInboxListsEverySubjectTheLongestWaitingFirstAndSurvivesABrokenOne() {
        Subject registrations = new Subject("registrations", new Pending(2, Instant.parse("2026-12-30T01:00:00Z"), "2 份"));
        Subject declarations = new Subject("declarations", new Pending(400, Instant.parse("2026-12-01T01:00:00Z"), "400 条"));
        Subject empty = new Subject("title-changes", Pending.NONE);
        Subject broken = new Subject("broken", null);
        ReviewQueue q = new ReviewQueue(() -> List.of(registrations, broken, empty, declarations), 200);
        List<ReviewQueue.InboxItem> inbox = q.inbox(ADMIN);
        assertEquals(List.of("declarations", "registrations", "title-changes"), inbox.stream().map(ReviewQueue.InboxItem::subject).toList());
        assertEquals(400, inbox.get(0).pending());
        assertEquals("/declarations.html", inbox.get(0).link());
        assertEquals(0, inbox.get(2).pending());
    }

    @Test
    public void oneStaleItemDoesNotFailTheRestOfABulkDecision() {
        Subject s = new Subject("declarations", Pending.NONE);
        ReviewQueue q = new ReviewQueue(() -> List.of(s), 200);
        s.decided.add(4L); // someone else decided item 4 a moment ago
        ReviewQueue.BulkAnswer a = q.decideAll(ADMIN, "declarations", bulk("approve", null, 1, 2, 3, 4, 5), null);
        assertEquals(3, a.succeeded());
        assertEquals(2, a.failed());
        assertTrue(a.items().get(0).ok());
        assertEquals("approved", a.items().get(0).state());
        assertFalse(a.items().get(2).ok());
        assertEquals("stale_version", a.items().get(2).code());
        assertEquals(409, a.items().get(3).status());
        assertTrue(a.items().get(3).message().contains("孙老师"));
        assertEquals(Set.of(1L, 2L, 4L, 5L), s.decided);
    }

    @Test
    public void aBulkDecisionIsCheckedBeforeAnyItemIsDecided() {
        Subject s = new Subject("declarations", Pending.NONE);
        ReviewQueue q = new ReviewQueue(() -> List.of(s), 3);
        for (ReviewQueue.BulkBody b : List.of(bulk("approve", null), bulk("approve", null, 1, 2, 4, 5),
                bulk("reject", " ", 1), bulk("maybe", null, 1), bulk("approve", null, 1, 1))) {
            try {
                q.decideAll(ADMIN, "declarations", b, null);
                fail("should be refused");
            } catch (ProblemException e) {
                assertEquals(400, e.status());
            }
        }
        assertTrue(s.decided.isEmpty());
        try {
            q.decideAll(ADMIN, "nothing-like-this", bulk("approve", null, 1), null);
            fail();
        } catch (ProblemException e) {
            assertEquals(404, e.status());
        }
    }
}
