package org.ceportal.declarations.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.ceportal.declarations.api.DeclarationDetail;
import org.ceportal.declarations.api.ReviewDetail;
import org.ceportal.declarations.api.ReviewItem;
import org.ceportal.declarations.api.ReviewQuery;
import org.ceportal.platform.api.PageRequest;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.internal.Refused;
import org.ceportal.platform.internal.TestStores;
import org.ceportal.platform.persistence.Store;
import org.ceportal.platform.security.Caller;
import org.ceportal.platform.security.Role;
import org.ceportal.review.spi.Decided;
import org.ceportal.review.spi.Decision;
import org.junit.Before;
import org.junit.Test;

/** The unit admin's side: list, detail, approve (with other hours) and reject, one winner of two. */
public class DeclarationReviewingTest {
    private static final Caller WANG = new Caller(11, "王芳", Role.PROFESSIONAL, 7L);
    private static final Caller ZHAO = new Caller(13, "赵敏", Role.PROFESSIONAL, 8L);
    private static final Caller ADMIN = new Caller(100, "李主任", Role.UNIT_ADMIN, 7L);
    private static final Caller ADMIN2 = new Caller(102, "孙老师", Role.UNIT_ADMIN, 7L);
    private static final Caller OTHER_ADMIN = new Caller(101, "张主任", Role.UNIT_ADMIN, 8L);

    private static final Caller OPS = new Caller(1, "省运维", Role.OPS, null);

    private FakeAttachments files;
    private Store store;
    private FormRegistry registry;
    private Declarations declarations;
    private DeclarationReviewing reviewing;
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final List<String> audited = new CopyOnWriteArrayList<>();

    @Before
    public void setUp() {
        registry = new FormRegistry();
        registry.addForm(new DeclarationsTest.ReadingForm("1.0.0", List.of()), java.util.Map.of());
        files = new FakeAttachments();
        store = TestStores.migrated("declarations", DeclarationMapper.class);
        Clock clock = Clock.fixed(Instant.parse("2026-12-31T15:30:00Z"), ZoneOffset.UTC);
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        Declarations.AuditTrail trail = (actor, action, subject, outcome, address) -> audited.add(actor + " " + action + " " + outcome);
        declarations = new Declarations(store, registry, files, 1, zone, clock, trail);
        reviewing = reviewing(java.util.Set.of("award"));
    }

    private DeclarationReviewing reviewing(java.util.Set<String> secondLevel) {
        Map<Long, String> names = Map.of(100L, "李主任", 102L, "孙老师", 1L, "省运维");
        return new DeclarationReviewing(store, new DeclarationViews(store, registry, files), files,
                (actor, action, subject, outcome, address) -> audited.add(actor + " " + action + " " + outcome),
                (account, title, body, link) -> sent.add(account + " " + title + " " + body), id -> Optional.ofNullable(names.get(id)),
                secondLevel, ZoneId.of("Asia/Shanghai"), Clock.fixed(Instant.parse("2026-12-31T15:30:00Z"), ZoneOffset.UTC));
    }

    private long submitted(Caller who, String hours) {
        DeclarationRequest r = new DeclarationRequest();
        r.formId = "reading";
        r.year = 2026;
        r.category = "PROFESSIONAL";
        r.values = new HashMap<>(Map.of("title", "《教育心理学》", "hours", hours));
        r.attachmentIds = List.of(files.upload(who.accountId(), "证书.pdf"));
        r.submit = true;
        return declarations.create(who, r, null).summary().id();
    }


    private static Decision approve(String hours, String reason) {
        return new Decision("approve", hours == null ? null : new BigDecimal(hours), reason, null);
    }

    @Test
    public void anAdminSeesOnlyTheUnitsSubmittedDeclarationsPendingFirst() {
        long first = submitted(WANG, "10");
        long second = submitted(WANG, "12");
        submitted(ZHAO, "8"); // another unit
        reviewing.decide(ADMIN, first, approve(null, null), null);
        List<ReviewItem> items = reviewing.list(ADMIN, new ReviewQuery(null, null, null, null), new PageRequest(0, 20)).getItems();
        assertEquals(List.of(second, first), items.stream().map(i -> i.summary().id()).toList());
        assertEquals(1, reviewing.list(ADMIN, new ReviewQuery("pending", "reading", "2026", null), new PageRequest(0, 20)).getTotal());
        assertEquals(0, reviewing.list(ADMIN, new ReviewQuery(null, null, null, List.of()), new PageRequest(0, 20)).getTotal());
        assertEquals(1, reviewing.pending(ADMIN).count());
        assertEquals("validation_failed", Refused.by(() -> reviewing.list(ADMIN, new ReviewQuery("draft", null, null, null),
                new PageRequest(0, 20))).code());
        assertEquals(403, Refused.by(() -> reviewing.list(WANG, new ReviewQuery(null, null, null, null), new PageRequest(0, 20))).status());
        assertEquals(0, reviewing.pending(WANG).count());
    }

    @Test
    public void anotherUnitsAdminFindsNothing() {
        long id = submitted(WANG, "10");
        long file = files.all.values().iterator().next().id();
        assertEquals(404, Refused.by(() -> reviewing.detail(OTHER_ADMIN, id)).status());
        assertEquals(404, Refused.by(() -> reviewing.decide(OTHER_ADMIN, id, approve(null, null), null)).status());
        assertEquals(404, Refused.by(() -> reviewing.attachment(OTHER_ADMIN, id, file)).status());
        assertEquals(file, reviewing.attachment(ADMIN, id, file));
        assertEquals(0, reviewing.list(OTHER_ADMIN, new ReviewQuery(null, null, null, null), new PageRequest(0, 20)).getTotal());
    }

    @Test
    public void approvingFewerHoursNeedsAReasonTheOwnerSees() {
        long id = submitted(WANG, "16");
        assertEquals("reason", Refused.by(() -> reviewing.decide(ADMIN, id, approve("12", null), null)).errors().get(0).field());
        // the reading form gives at most 40 hours per item
        assertEquals("approvedHours", Refused.by(() -> reviewing.decide(ADMIN, id, approve("41", "多给"), null)).errors().get(0).field());
        assertEquals("approvedHours", Refused.by(() -> reviewing.decide(ADMIN, id, approve("0", "零"), null)).errors().get(0).field());
        Decided d = reviewing.decide(ADMIN, id, approve("12", "其中 4 学时与另一申报重复"), "203.0.113.9");
        assertEquals("approved", d.state());
        assertEquals("审核通过", d.stateName());

        DeclarationDetail mine = declarations.get(WANG, id);
        assertEquals(0, new BigDecimal("12").compareTo(mine.summary().approvedHours()));
        assertEquals("其中 4 学时与另一申报重复", mine.summary().reviewNote());
        DeclarationDetail.HistoryEntry last = mine.history().get(mine.history().size() - 1);
        assertEquals(0, new BigDecimal("16").compareTo(last.hoursBefore()));
        assertEquals(0, new BigDecimal("12").compareTo(last.hoursAfter()));
        assertEquals("其中 4 学时与另一申报重复", last.note());
        assertEquals(1, sent.size());
        assertTrue(sent.get(0), sent.get(0).startsWith("11 您的学时申报已审核通过 「《教育心理学》」（读书会，2026 年度）已审核通过，核定 12 学时（申报 16 学时）"));
        assertTrue(audited.contains("100 declaration_decision approved"));

        ReviewDetail seen = reviewing.detail(ADMIN, id);
        assertEquals(0, new BigDecimal("12").compareTo(seen.approvedInYear()));
        assertEquals(0, new BigDecimal("40").compareTo(seen.maxPerItem()));
        assertEquals(Long.valueOf(100), seen.decidedBy());
    }

    @Test
    public void rejectingNeedsAReasonAndTellsTheOwner() {
        long id = submitted(WANG, "10");
        assertEquals("reason", Refused.by(() -> reviewing.decide(ADMIN, id, new Decision("reject", null, " ", null), null))
                .errors().get(0).field());
        assertEquals("decision", Refused.by(() -> reviewing.decide(ADMIN, id, new Decision("maybe", null, null, null), null))
                .errors().get(0).field());
        reviewing.decide(ADMIN, id, new Decision("reject", null, "证明材料不清晰", null), null);
        DeclarationDetail mine = declarations.get(WANG, id);
        assertEquals("rejected", mine.summary().state());
        assertEquals("证明材料不清晰", mine.summary().rejectReason());
        assertNull(mine.summary().approvedHours());
        assertTrue(sent.get(0), sent.get(0).contains("未通过审核。原因：证明材料不清晰"));
        assertEquals("invalid_transition", Refused.by(() -> declarations.withdraw(WANG, id, null, null)).code());
    }

    @Test
    public void ofTwoAdminsDecidingAtOnceExactlyOneWinsAndTheOtherLearnsWho() throws Exception {
        long id = submitted(WANG, "10");
        int version = declarations.get(WANG, id).summary().version();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (Caller admin : List.of(ADMIN, ADMIN2)) {
            results.add(pool.submit((Callable<String>) () -> {
                start.await();
                try {
                    return reviewing.decide(admin, id, new Decision("approve", null, null, version), null).state();
                } catch (ProblemException e) {
                    return e.status() + " " + e.getMessage();
                }
            }));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : results) {
            outcomes.add(f.get());
        }
        pool.shutdown();
        assertEquals(outcomes.toString(), 1, outcomes.stream().filter("approved"::equals).count());
        String lost = outcomes.stream().filter(o -> !o.equals("approved")).findFirst().orElseThrow();
        assertTrue(lost, lost.startsWith("409 该申报已由") && (lost.contains("李主任") || lost.contains("孙老师"))
                && lost.contains("审核通过"));
        assertEquals(1, sent.size());
        assertEquals("stale_version", Refused.by(() -> reviewing.decide(ADMIN, submitted(WANG, "5"),
                new Decision("approve", null, null, 99), null)).code());
    }

    @Test
    public void aTwoLevelFormWaitsForTheOpsAfterTheUnit() {
        DeclarationReviewing twoLevel = reviewing(java.util.Set.of("reading"));
        long id = submitted(WANG, "16");
        long other = submitted(ZHAO, "8");
        assertEquals(0, twoLevel.pending(OPS).count());
        assertEquals("not_unit_approved", Refused.by(() -> twoLevel.decide(OPS, id, approve(null, null), null)).code());

        Decided unit = twoLevel.decide(ADMIN, id, approve("12", "一部分为线上自学"), null);
        assertEquals("unit_approved", unit.state());
        assertEquals("单位已审核，待主管部门审核", unit.stateName());
        assertEquals("单位已审核，待主管部门审核", declarations.get(WANG, id).summary().stateName());
        assertTrue("nothing is final yet, nothing is said", sent.isEmpty());
        assertEquals("already_decided", Refused.by(() -> twoLevel.decide(ADMIN2, id, approve(null, null), null)).code());
        assertEquals("invalid_transition", Refused.by(() -> declarations.withdraw(WANG, id, null, null)).code());

        // the ops see every unit's, and what waits for them first
        assertEquals(1, twoLevel.pending(OPS).count());
        assertEquals(List.of(id, other), twoLevel.list(OPS, new ReviewQuery(null, null, null, null), new PageRequest(0, 20))
                .getItems().stream().map(i -> i.summary().id()).toList());
        assertEquals(0, new BigDecimal("12").compareTo(twoLevel.detail(OPS, id).declaration().summary().approvedHours()));
        assertEquals("not_unit_approved", Refused.by(() -> twoLevel.decide(OPS, other, approve(null, null), null)).code());

        Decided last = twoLevel.decide(OPS, id, approve(null, null), null);
        assertEquals("approved", last.state());
        DeclarationDetail mine = declarations.get(WANG, id);
        assertEquals(0, new BigDecimal("12").compareTo(mine.summary().approvedHours()));
        assertEquals("一部分为线上自学", mine.summary().reviewNote());
        List<String> path = mine.history().stream().map(h -> h.from() + ">" + h.to()).toList();
        assertEquals(List.of("null>pending", "pending>unit_approved", "unit_approved>approved"), path);
        assertEquals(1, sent.size());
        assertEquals(0, twoLevel.pending(OPS).count());
    }

    @Test
    public void theSameCertificateOrTheSameActivityTwiceIsFlagged() {
        long first = submitted(WANG, "10");
        long second = submitted(WANG, "12"); // the same title, no dates to tell them apart, and the same 证书.pdf
        List<String> flags = reviewing.detail(ADMIN, second).duplicates().stream()
                .map(d -> d.kind() + ":" + d.declarationId()).toList();
        assertEquals(List.of("same_file:" + first, "same_activity:" + first), flags);
        assertTrue(reviewing.detail(ADMIN, second).duplicates().get(0).detail().contains("证书.pdf"));

        // a rejected one is what people copy into a new one: no longer the same activity twice
        reviewing.decide(ADMIN, first, new Decision("reject", null, "重复", null), null);
        assertEquals(List.of("same_file:" + first), reviewing.detail(ADMIN, second).duplicates().stream()
                .map(d -> d.kind() + ":" + d.declarationId()).toList());
        // someone else's certificate and course with the same names are theirs, not a duplicate
        assertTrue(reviewing.detail(OTHER_ADMIN, submitted(ZHAO, "8")).duplicates().isEmpty());
    }

    @Test
    public void theYearlyCompletionReadsApprovedAndPendingHoursByYear() {
        long approved = submitted(WANG, "16");
        submitted(WANG, "10"); // stays pending
        reviewing.decide(ADMIN, approved, approve("12", "部分重复"), null);
        DeclarationRecordsService records = new DeclarationRecordsService(store);
        List<org.ceportal.declarations.api.CountedDeclaration> counted = records.approved(WANG.accountId());
        assertEquals(1, counted.size());
        assertEquals(2026, counted.get(0).year());
        assertEquals(0, new BigDecimal("12").compareTo(counted.get(0).approvedHours()));
        assertEquals(0, new BigDecimal("60").compareTo(counted.get(0).maxPerYear()));
        assertEquals("PROFESSIONAL", counted.get(0).category());
        assertEquals(0, new BigDecimal("10").compareTo(records.pendingByYear(WANG.accountId()).get(2026).get("HOURS")));
        assertEquals(Integer.valueOf(2026), records.firstYear(WANG.accountId()));
        assertEquals(null, records.firstYear(999));
    }

    @Test
    public void theProvincesYearIsReadPersonByPersonInAccountOrder() {
        long zhao = submitted(ZHAO, "6");
        long wang1 = submitted(WANG, "16");
        long wang2 = submitted(WANG, "8");
        submitted(WANG, "10"); // stays pending
        reviewing.decide(OTHER_ADMIN, zhao, approve(null, null), null);
        reviewing.decide(ADMIN, wang2, approve(null, null), null);
        reviewing.decide(ADMIN, wang1, approve("12", "部分重复"), null);
        DeclarationRecordsService records = new DeclarationRecordsService(store);
        List<String> read;
        try (java.util.stream.Stream<org.ceportal.declarations.api.OwnerApprovals> year = records.approvedInYear(2026)) {
            read = year.map(o -> o.ownerId() + ":" + o.declarations().stream()
                    .map(d -> d.approvedHours().stripTrailingZeros().toPlainString()).toList()).toList();
        }
        // owners in account order, each one's by decision time (the test's clock stands still: then by id)
        assertEquals(List.of("11:[12, 8]", "13:[6]"), read);
        try (var none = records.approvedInYear(2025)) {
            assertEquals(0, none.count());
        }

        org.ceportal.declarations.api.YearActivity activity = records.activity(2026);
        assertEquals(12, activity.months().size());
        org.ceportal.declarations.api.YearActivity.Month december = activity.months().get(11);
        assertEquals("sent at 23:30 on 31 December in China", "12月", december.name());
        assertEquals(4, december.submitted());
        assertEquals(3, december.approved());
        assertEquals(1, activity.waiting());
        org.ceportal.declarations.api.YearActivity.FormUse reading = activity.forms().get(0);
        assertEquals("reading", reading.formId());
        assertEquals(4, reading.declarations());
        assertEquals(3, reading.approved());
        assertEquals(0, new BigDecimal("26").compareTo(reading.approvedHours()));
    }

    @Test
    public void anApprovalTakenBackGoesBackToTheQueueAndNoLongerCounts() {
        long id = submitted(WANG, "16");
        Decision revoke = new Decision("revoke", null, "证书经核实为伪造", null);
        assertEquals("not_revocable", Refused.by(() -> reviewing.decide(ADMIN, id, revoke, null)).code());
        reviewing.decide(ADMIN, id, approve(null, null), null);
        assertTrue(reviewing.detail(ADMIN, id).revocable());
        assertEquals("reason", Refused.by(() -> reviewing.decide(ADMIN, id, new Decision("revoke", null, " ", null), null))
                .errors().get(0).field());
        assertEquals(404, Refused.by(() -> reviewing.decide(OTHER_ADMIN, id, revoke, null)).status());
        int version = declarations.get(WANG, id).summary().version();
        assertEquals("stale_version", Refused.by(() -> reviewing.decide(ADMIN, id,
                new Decision("revoke", null, "证书经核实为伪造", version - 1), null)).code());

        Decided back = reviewing.decide(ADMIN, id, new Decision("revoke", null, "证书经核实为伪造", version), "203.0.113.9");
        assertEquals("pending", back.state());
        assertEquals("待审核", back.stateName());
        DeclarationDetail mine = declarations.get(WANG, id);
        assertEquals("pending", mine.summary().state());
        assertNull(mine.summary().approvedHours());
        DeclarationDetail.HistoryEntry last = mine.history().get(mine.history().size() - 1);
        assertEquals("approved>pending", last.from() + ">" + last.to());
        assertEquals("证书经核实为伪造", last.note());
        assertTrue(new DeclarationRecordsService(store).approved(WANG.accountId()).isEmpty());
        assertTrue(sent.get(sent.size() - 1), sent.get(sent.size() - 1).contains("审核已撤销") && sent.get(sent.size() - 1)
                .contains("原因：证书经核实为伪造。"));
        assertTrue(audited.contains("100 declaration_revocation pending"));
        assertEquals(false, reviewing.detail(ADMIN, id).revocable());
        // and it can be decided again
        assertEquals("approved", reviewing.decide(ADMIN2, id, approve("8", "只认可有效部分"), null).state());
    }

    @Test
    public void onlyTheOpsTakeBackWhatTheyApprovedUnderTwoLevelReview() {
        DeclarationReviewing twoLevel = reviewing(java.util.Set.of("reading"));
        long id = submitted(WANG, "16");
        twoLevel.decide(ADMIN, id, approve(null, null), null);
        assertTrue("the unit may take back its own approval before the ops decide", twoLevel.detail(ADMIN, id).revocable());
        twoLevel.decide(OPS, id, approve(null, null), null);
        assertEquals(false, twoLevel.detail(ADMIN, id).revocable());
        assertEquals("not_revocable", Refused.by(() -> twoLevel.decide(ADMIN, id,
                new Decision("revoke", null, "重复申报", null), null)).code());
        assertEquals("pending", twoLevel.decide(OPS, id, new Decision("revoke", null, "重复申报", null), null).state());
    }
}
