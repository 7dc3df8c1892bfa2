package org.ceportal.declarations.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ceportal.declarations.api.DeclarationDetail;
import org.ceportal.declarations.api.DeclarationSummary;
import org.ceportal.platform.api.Page;
import org.ceportal.platform.api.PageRequest;
import org.ceportal.platform.internal.TestStores;
import org.ceportal.platform.persistence.Store;
import org.ceportal.platform.security.Caller;
import org.ceportal.platform.security.Role;
import org.ceportal.review.spi.Decision;
import org.junit.Before;
import org.junit.Test;

/**
 * A person's own list kept in memory on one node (A) shows every change made through another
 * node (B) sharing the database at once: drafts, saves, deletes, submissions, withdrawals and
 * the unit's decisions. On the only node (embedded Derby) the same changes show at once without
 * the count being read, and a read begun before a change committed is never trusted.
 */
public class OwnListsTest {
    private static final Caller WANG = new Caller(11, "王芳", Role.PROFESSIONAL, 7L);
    private static final Caller ADMIN = new Caller(100, "李主任", Role.UNIT_ADMIN, 7L);
    private static final PageRequest FIRST = new PageRequest(0, 50);

    private FakeAttachments files;
    private Declarations nodeA;
    private Declarations nodeB;
    private DeclarationReviewing reviewingB;
    private Store store;
    private TestStores.Shared db;
    private FormRegistry registry;

    @Before
    public void setUp() {
        registry = new FormRegistry();
        registry.addForm(new DeclarationsTest.ReadingForm("1.0.0", List.of()), java.util.Map.of());
        files = new FakeAttachments();
        db = TestStores.shared();
        store = db.migrated("declarations", DeclarationMapper.class);
        Clock clock = Clock.fixed(Instant.parse("2026-12-31T15:30:00Z"), ZoneOffset.UTC);
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        nodeA = new Declarations(store, registry, files, 1, zone, clock, (a, b, c, d, e) -> { }, Units.HOURS_ONLY,
                new OwnLists(1024, false, OwnListsTest::lines));
        nodeB = new Declarations(store, registry, files, 1, zone, clock, (a, b, c, d, e) -> { }, Units.HOURS_ONLY,
                new OwnLists(1024, false, OwnListsTest::lines));
        reviewingB = new DeclarationReviewing(store, new DeclarationViews(store, registry, files), files,
                (a, b, c, d, e) -> { }, (a, b, c, d) -> { }, id -> Optional.empty(), Set.of(), zone, clock);
    }

    private DeclarationRequest reading(String hours, Long... attachments) {
        DeclarationRequest r = new DeclarationRequest();
        r.formId = "reading";
        r.year = 2026;
        r.category = "PROFESSIONAL";
        r.values = new HashMap<>(Map.of("title", "《教育心理学》", "hours", hours));
        r.attachmentIds = List.of(attachments);
        return r;
    }

    /** Writes a page as its lines' states and hours (what the tests compare), in place of JSON. */
    @SuppressWarnings("unchecked")
    static byte[] lines(Object page) {
        return String.join("\n", ((Page<DeclarationSummary>) page).getItems().stream()
                .map(s -> s.state() + " " + s.claimedHours().stripTrailingZeros().toPlainString()).toList())
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Node A's kept list, as the API would give it. */
    private List<String> seenOnA() {
        String text = new String(nodeA.listJson(WANG, null, null, FIRST), StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    @Test
    public void anUnchangedListIsGivenFromMemory() {
        nodeA.create(WANG, reading("8"), null);
        byte[] first = nodeA.listJson(WANG, null, null, FIRST);
        assertSame(first, nodeA.listJson(WANG, null, null, FIRST));
        // another filter or page is another list
        assertEquals("draft 8", new String(nodeA.listJson(WANG, "draft", "2026", FIRST), StandardCharsets.UTF_8));
        assertEquals("", new String(nodeA.listJson(WANG, "pending", null, FIRST), StandardCharsets.UTF_8));
        assertEquals("", new String(nodeA.listJson(WANG, null, null, new PageRequest(1, 50)), StandardCharsets.UTF_8));
    }

    @Test
    public void everyChangeThroughAnotherNodeShowsAtOnce() {
        everyChangeShowsAtOnce(nodeB, reviewingB, this::seenOnA);
    }

    @Test
    public void onTheOnlyNodeEveryChangeShowsAtOnce() {
        OwnLists lists = new OwnLists(1024, true, OwnListsTest::lines);
        Declarations alone = only(lists);
        DeclarationReviewing reviewing = new DeclarationReviewing(store, new DeclarationViews(store, registry, files), files,
                (a, b, c, d, e) -> { }, (a, b, c, d) -> { }, id -> Optional.empty(), Set.of(), ZoneId.of("Asia/Shanghai"),
                Clock.systemUTC(), Units.HOURS_ONLY, lists);
        everyChangeShowsAtOnce(alone, reviewing, () -> {
            byte[] kept = alone.listJson(WANG, null, null, FIRST);
            assertSame("given from memory while nothing changed", kept, alone.listJson(WANG, null, null, FIRST));
            String text = new String(kept, StandardCharsets.UTF_8);
            return text.isEmpty() ? List.of() : List.of(text.split("\n"));
        });
    }

    /** On the only node a kept page is given without reading the count; where other nodes write, never. */
    @Test
    public void onlyTheOnlyNodeGivesAKeptPageWithoutReadingTheCount() throws Exception {
        Declarations alone = only(new OwnLists(1024, true, OwnListsTest::lines));
        long id = alone.create(WANG, reading("8"), null).summary().id();
        assertEquals("draft 8", new String(alone.listJson(WANG, null, null, FIRST), StandardCharsets.UTF_8));
        assertEquals("draft 8", new String(nodeA.listJson(WANG, null, null, FIRST), StandardCharsets.UTF_8));
        // a write as another node would make it (the count too), which the only node never sees happen
        try (java.sql.Connection c = db.dataSource().getConnection(); java.sql.Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE declaration SET claimed_hours = 9 WHERE id = " + id);
            st.executeUpdate("UPDATE declaration_owner SET changes = changes + 1 WHERE owner_id = " + WANG.accountId());
        }
        assertEquals("draft 8", new String(alone.listJson(WANG, null, null, FIRST), StandardCharsets.UTF_8));
        assertEquals("draft 9", new String(nodeA.listJson(WANG, null, null, FIRST), StandardCharsets.UTF_8));
    }

    /** A page whose read began before a write of the person committed is kept, but checked against the count. */
    @Test
    public void aReadBegunBeforeAWriteCommittedIsNotTrusted() {
        OwnLists lists = new OwnLists(1024, true, OwnListsTest::lines);
        OwnLists.Key key = new OwnLists.Key(WANG.accountId(), null, null, 0, 50);
        Page<DeclarationSummary> none = new Page<>(List.of(), 0, FIRST);
        long before = lists.generation();
        lists.get(key, 3L, before, () -> {
            lists.forget(99); // a write of anyone commits while this page is read
            return none;
        });
        assertNull(lists.trusted(key));
        // read again at the same count, with nothing committed meanwhile: now trusted
        byte[] again = lists.get(key, 3L, lists.generation(), () -> none);
        assertSame(again, lists.trusted(key));
        lists.forget(WANG.accountId());
        assertNull(lists.trusted(key));
        // where other nodes write, nothing is trusted
        OwnLists shared = new OwnLists(1024, false, OwnListsTest::lines);
        shared.get(key, 3L, shared.generation(), () -> none);
        assertNull(shared.trusted(key));
    }

    private Declarations only(OwnLists lists) {
        return new Declarations(store, registry, files, 1, ZoneId.of("Asia/Shanghai"), Clock.systemUTC(),
                (a, b, c, d, e) -> { }, Units.HOURS_ONLY, lists);
    }

    /** Drafts, saves, submissions, withdrawals, decisions, revocations and deletes through {@code writer}, each seen at once. */
    private void everyChangeShowsAtOnce(Declarations writer, DeclarationReviewing reviewing,
            java.util.function.Supplier<List<String>> seen) {
        DeclarationDetail d = writer.create(WANG, reading("8"), null);
        long id = d.summary().id();
        assertEquals(List.of("draft 8"), seen.get());

        DeclarationRequest save = reading("10", files.upload(11, "证书.pdf"));
        save.version = d.summary().version();
        d = writer.update(WANG, id, save, null);
        assertEquals(List.of("draft 10"), seen.get());

        d = writer.submit(WANG, id, d.summary().version(), null);
        assertEquals(List.of("pending 10"), seen.get());

        d = writer.withdraw(WANG, id, d.summary().version(), null);
        assertEquals(List.of("draft 10"), seen.get());

        d = writer.submit(WANG, id, d.summary().version(), null);
        reviewing.decide(ADMIN, id, new Decision("approve", null, null, null), null);
        assertEquals(List.of("approved 10"), seen.get());

        reviewing.decide(ADMIN, id, new Decision("revoke", null, "证书为伪造", null), null);
        assertEquals(List.of("pending 10"), seen.get());

        reviewing.decide(ADMIN, id, new Decision("reject", null, "证书不清晰", null), null);
        assertEquals(List.of("rejected 10"), seen.get());

        long draft = writer.create(WANG, reading("4"), null).summary().id();
        assertEquals(List.of("draft 4", "rejected 10"), seen.get());
        writer.delete(WANG, draft, null, null);
        assertEquals(List.of("rejected 10"), seen.get());
    }
}
