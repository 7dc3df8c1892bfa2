package org.ceportal.declarations.internal;

import static org.junit.Assert.assertEquals;
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
 * the unit's decisions.
 */
public class OwnListsTest {
    private static final Caller WANG = new Caller(11, "王芳", Role.PROFESSIONAL, 7L);
    private static final Caller ADMIN = new Caller(100, "李主任", Role.UNIT_ADMIN, 7L);
    private static final PageRequest FIRST = new PageRequest(0, 50);

    private FakeAttachments files;
    private Declarations nodeA;
    private Declarations nodeB;
    private DeclarationReviewing reviewingB;

    @Before
    public void setUp() {
        FormRegistry registry = new FormRegistry();
        registry.addForm(new DeclarationsTest.ReadingForm("1.0.0", List.of()), java.util.Map.of());
        files = new FakeAttachments();
        Store store = TestStores.migrated("declarations", DeclarationMapper.class);
        Clock clock = Clock.fixed(Instant.parse("2026-12-31T15:30:00Z"), ZoneOffset.UTC);
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        nodeA = new Declarations(store, registry, files, 1, zone, clock, (a, b, c, d, e) -> { }, Units.HOURS_ONLY,
                new OwnLists(1024, OwnListsTest::lines));
        nodeB = new Declarations(store, registry, files, 1, zone, clock, (a, b, c, d, e) -> { }, Units.HOURS_ONLY,
                new OwnLists(1024, OwnListsTest::lines));
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
        DeclarationDetail d = nodeB.create(WANG, reading("8"), null);
        long id = d.summary().id();
        assertEquals(List.of("draft 8"), seenOnA());

        DeclarationRequest save = reading("10", files.upload(11, "证书.pdf"));
        save.version = d.summary().version();
        d = nodeB.update(WANG, id, save, null);
        assertEquals(List.of("draft 10"), seenOnA());

        d = nodeB.submit(WANG, id, d.summary().version(), null);
        assertEquals(List.of("pending 10"), seenOnA());

        d = nodeB.withdraw(WANG, id, d.summary().version(), null);
        assertEquals(List.of("draft 10"), seenOnA());

        d = nodeB.submit(WANG, id, d.summary().version(), null);
        reviewingB.decide(ADMIN, id, new Decision("approve", null, null, null), null);
        assertEquals(List.of("approved 10"), seenOnA());

        reviewingB.decide(ADMIN, id, new Decision("revoke", null, "证书为伪造", null), null);
        assertEquals(List.of("pending 10"), seenOnA());

        reviewingB.decide(ADMIN, id, new Decision("reject", null, "证书不清晰", null), null);
        assertEquals(List.of("rejected 10"), seenOnA());

        long draft = nodeB.create(WANG, reading("4"), null).summary().id();
        assertEquals(List.of("draft 4", "rejected 10"), seenOnA());
        nodeB.delete(WANG, draft, null, null);
        assertEquals(List.of("rejected 10"), seenOnA());
    }
}
