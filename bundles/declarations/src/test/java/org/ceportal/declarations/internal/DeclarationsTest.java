package org.ceportal.declarations.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.ceportal.declarations.api.DeclarationDetail;
import org.ceportal.learningform.api.Caps;
import org.ceportal.learningform.api.DeclarationKind;
import org.ceportal.learningform.api.Evaluation;
import org.ceportal.learningform.api.Field;
import org.ceportal.learningform.api.FieldValues;
import org.ceportal.learningform.api.FormDescription;
import org.ceportal.learningform.api.LearningForm;
import org.ceportal.learningform.api.SubjectCategory;
import org.ceportal.platform.api.PageRequest;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.internal.Refused;
import org.ceportal.platform.internal.TestStores;
import org.ceportal.platform.security.Caller;
import org.ceportal.platform.security.Role;
import org.junit.Before;
import org.junit.Test;

public class DeclarationsTest {
    private static final Caller WANG = new Caller(11, "王芳", Role.PROFESSIONAL, 7L);
    private static final Caller LI = new Caller(12, "李强", Role.PROFESSIONAL, 7L);

    /** 读书会: hours as given, at most 40 per item and 60 per year; the person chooses the category. */
    static final class ReadingForm implements LearningForm {
        private final FormDescription d;

        ReadingForm(String version, List<Field> extra) {
            List<Field> fields = new ArrayList<>(List.of(Field.text("title", "书名").required().build(),
                    Field.number("hours", "学时").required().min(1).max(100).build()));
            fields.addAll(extra);
            d = new FormDescription("reading", version, "读书会", DeclarationKind.HOURS, SubjectCategory.CHOICE, null,
                    fields, new BigDecimal("40"), new BigDecimal("60"));
        }

        @Override
        public FormDescription description() {
            return d;
        }

        @Override
        public Evaluation evaluate(Map<String, Object> values) {
            FieldValues v = FieldValues.check(d, values);
            if (!v.isValid()) {
                return v.invalid();
            }
            return Caps.propose(d, v.decimal("hours"), v.decimal("hours") + " 学时");
        }
    }

    private FormRegistry registry;
    private ReadingForm reading;
    private FakeAttachments files;
    private Declarations declarations;
    private final List<String> audited = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Before
    public void setUp() {
        registry = new FormRegistry();
        reading = new ReadingForm("1.0.0", List.of());
        registry.addForm(reading, java.util.Map.of());
        files = new FakeAttachments();
        declarations = new Declarations(TestStores.migrated("declarations", DeclarationMapper.class), registry, files, 1,
                ZoneId.of("Asia/Shanghai"), Clock.fixed(Instant.parse("2026-12-31T15:30:00Z"), ZoneOffset.UTC),
                (actor, action, subject, outcome, address) -> audited.add(actor + " " + action + " " + subject + " " + outcome
                        + " " + address));
    }

    private static DeclarationRequest request(int year, String hours, boolean submit, Long... attachments) {
        DeclarationRequest r = new DeclarationRequest();
        r.formId = "reading";
        r.year = year;
        r.category = "PROFESSIONAL";
        r.values = new HashMap<>(Map.of("title", "《教育心理学》", "hours", hours));
        r.attachmentIds = List.of(attachments);
        r.submit = submit;
        return r;
    }


    private static long id(DeclarationDetail d) {
        return d.summary().id();
    }

    private static int version(DeclarationDetail d) {
        return d.summary().version();
    }

    @Test
    public void theWholeLifeOfADeclaration() {
        long file = files.upload(11, "证书.pdf");
        // 23:30 on 31 December in Henan is still 2026: the declaration counts for 2026
        assertEquals(Integer.valueOf(2026), declarations.declarableYears().get(0));
        DeclarationDetail d = declarations.create(WANG, request(2026, "12", false), null);
        assertEquals("draft", d.summary().state());
        assertEquals(0, new BigDecimal("12").compareTo(d.summary().claimedHours()));
        assertEquals("《教育心理学》", d.summary().title());

        ProblemException noProof = Refused.by(() -> declarations.submit(WANG, id(d), null, null));
        assertEquals("attachmentIds", noProof.errors().get(0).field());

        DeclarationRequest edit = request(2026, "16", false, file);
        edit.version = version(d);
        DeclarationDetail edited = declarations.update(WANG, id(d), edit, null);
        assertEquals(1, edited.attachments().size());
        DeclarationDetail pending = declarations.submit(WANG, id(d), version(edited), null);
        assertEquals("pending", pending.summary().state());
        assertEquals("the answer is the declaration as stored", declarations.get(WANG, id(d)), pending);
        assertTrue(files.all.get(file).locked());
        assertEquals(1, declarations.list(WANG, "pending", "2026", new PageRequest(0, 10)).getTotal());

        DeclarationDetail back = declarations.withdraw(WANG, id(d), version(pending), null);
        assertEquals("draft", back.summary().state());
        assertFalse(files.all.get(file).locked());
        assertEquals(3, back.history().size());

        declarations.delete(WANG, id(d), version(back), null);
        assertEquals(404, Refused.by(() -> declarations.get(WANG, id(d))).status());
        assertTrue("its files go with it", files.all.isEmpty());
    }

    @Test
    public void everyIllegalTransitionIsAConflict() {
        long file = files.upload(11, "a.pdf");
        DeclarationDetail d = declarations.create(WANG, request(2026, "10", true, file), null);
        assertEquals("pending", d.summary().state());
        assertEquals("invalid_transition", Refused.by(() -> declarations.submit(WANG, id(d), null, null)).code());
        assertEquals("invalid_transition", Refused.by(() -> declarations.update(WANG, id(d), request(2026, "5", false), null)).code());
        assertEquals("invalid_transition", Refused.by(() -> declarations.delete(WANG, id(d), null, null)).code());
        DeclarationDetail draft = declarations.withdraw(WANG, id(d), null, null);
        assertEquals("invalid_transition", Refused.by(() -> declarations.withdraw(WANG, id(d), null, null)).code());
        assertEquals("stale_version", Refused.by(() -> declarations.submit(WANG, id(d), version(draft) - 1, null)).code());
    }

    @Test
    public void someoneElsesDeclarationDoesNotExist() {
        DeclarationDetail d = declarations.create(WANG, request(2026, "10", false), null);
        for (Runnable r : List.<Runnable>of(() -> declarations.get(LI, id(d)), () -> declarations.submit(LI, id(d), null, null),
                () -> declarations.withdraw(LI, id(d), null, null), () -> declarations.delete(LI, id(d), null, null),
                () -> declarations.update(LI, id(d), request(2026, "3", false), null))) {
            assertEquals(404, Refused.by(r).status());
        }
        assertEquals(0, declarations.list(LI, null, null, new PageRequest(0, 10)).getTotal());
        assertEquals(403, Refused.by(() -> declarations.list(new Caller(1, "管理员", Role.UNIT_ADMIN, 7L), null, null,
                new PageRequest(0, 10))).status());
    }

    @Test
    public void ofTwoConcurrentTransitionsExactlyOneWins() throws Exception {
        long file = files.upload(11, "a.pdf");
        DeclarationDetail d = declarations.create(WANG, request(2026, "10", false, file), null);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Callable<String> task = () -> {
                start.await();
                try {
                    declarations.submit(WANG, id(d), version(d), null);
                    return "won";
                } catch (ProblemException e) {
                    return e.code();
                }
            };
            results.add(pool.submit(task));
        }
        start.countDown();
        int won = 0;
        for (Future<String> f : results) {
            String r = f.get();
            if (r.equals("won")) {
                won++;
            } else {
                assertTrue(r, r.equals("stale_version") || r.equals("invalid_transition"));
            }
        }
        pool.shutdown();
        assertEquals(1, won);
        assertEquals(2, ((List<?>) declarations.get(WANG, id(d)).history()).size());
    }

    @Test
    public void badValuesAreNamedAndNothingIsStored() {
        DeclarationRequest r = request(2024, "0", false);
        r.category = null;
        r.values.remove("title");
        ProblemException e = Refused.by(() -> declarations.create(WANG, r, null));
        List<String> fields = e.errors().stream().map(x -> x.field()).toList();
        assertTrue(fields.toString(), fields.containsAll(List.of("year", "category", "values.title", "values.hours")));
        DeclarationRequest tooMuch = request(2026, "20", false);
        tooMuch.claimedHours = new BigDecimal("21");
        assertEquals("claimedHours", Refused.by(() -> declarations.create(WANG, tooMuch, null)).errors().get(0).field());
        assertEquals(0, declarations.list(WANG, null, null, new PageRequest(0, 10)).getTotal());
    }

    @Test
    public void theYearlyCapCountsPendingAndApproved() {
        declarations.create(WANG, request(2026, "40", true, files.upload(11, "a.pdf")), null);
        ProblemException over = Refused.by(() -> declarations.create(WANG, request(2026, "30", true, files.upload(11, "b.pdf")), null));
        assertEquals("claimedHours", over.errors().get(0).field());
        assertTrue(over.getMessage(), over.errors().get(0).message().contains("最多可申报 60 学时，已申报 40 学时"));
        // a draft is fine; its submission is checked again
        DeclarationDetail draft = declarations.create(WANG, request(2026, "30", false, files.upload(11, "c.pdf")), null);
        assertEquals(400, Refused.by(() -> declarations.submit(WANG, id(draft), null, null)).status());
        declarations.create(WANG, request(2025, "30", true, files.upload(11, "d.pdf")), null);
    }

    @Test
    public void parallelSubmissionsCannotTogetherPassTheYearlyCap() throws Exception {
        // six drafts of 40 hours; the form allows 60 a year, so exactly one may be submitted
        List<Long> drafts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            drafts.add(id(declarations.create(WANG, request(2026, "40", false, files.upload(11, "p" + i + ".pdf")), null)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(drafts.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (long id : drafts) {
            results.add(pool.submit(() -> {
                start.await();
                try {
                    declarations.submit(WANG, id, null, null);
                    return "submitted";
                } catch (ProblemException e) {
                    return e.code() + " " + e.errors();
                }
            }));
        }
        start.countDown();
        int submitted = 0;
        for (Future<String> f : results) {
            String r = f.get(60, java.util.concurrent.TimeUnit.SECONDS);
            submitted += r.equals("submitted") ? 1 : 0;
        }
        pool.shutdown();
        assertEquals("submissions that passed a cap of 60 with 40 each", 1, submitted);
        assertEquals(1, declarations.list(WANG, "pending", null, new PageRequest(0, 10)).getTotal());
    }

    @Test
    public void editsAndTheDeletionOfADraftAreAudited() {
        DeclarationDetail d = declarations.create(WANG, request(2026, "12", false, files.upload(11, "e.pdf")), "203.0.113.5");
        declarations.update(WANG, id(d), request(2026, "16", false), "203.0.113.5");
        declarations.delete(WANG, id(d), null, "203.0.113.6");
        assertEquals(List.of(
                "11 declaration_create declaration:" + id(d) + " reading 2026 12 draft 203.0.113.5",
                "11 declaration_update declaration:" + id(d) + " reading 2026 16 draft 203.0.113.5",
                "11 declaration_delete declaration:" + id(d) + " reading 2026 16 deleted 203.0.113.6"), audited);
    }

    @Test
    public void aFailureToLinkTheFilesLeavesNoDeclaration() {
        long file = files.upload(11, "x.pdf");
        files.failNextAttach = true;
        assertEquals(409, Refused.by(() -> declarations.create(WANG, request(2026, "10", true, file), null)).status());
        assertEquals(0, declarations.list(WANG, null, null, new PageRequest(0, 10)).getTotal());
    }

    @Test
    public void aRemovedFormLeavesItsDeclarationsReadable() {
        DeclarationDetail d = declarations.create(WANG, request(2026, "10", false), null);
        registry.removeForm(reading);
        DeclarationDetail read = declarations.get(WANG, id(d));
        assertEquals(false, read.formAvailable());
        assertEquals("读书会", read.schema().asMap().get("name"));
        assertEquals("《教育心理学》", read.values().asMap().get("title"));
        assertEquals("form_unavailable", Refused.by(() -> declarations.update(WANG, id(d), request(2026, "9", false), null)).code());
        assertEquals("form_unavailable", Refused.by(() -> declarations.create(WANG, request(2026, "9", false), null)).code());
        declarations.delete(WANG, id(d), null, null);
    }

    @Test
    public void anUpgradedFormServesNewDeclarationsOldOnesKeepTheirSchema() {
        DeclarationDetail old = declarations.create(WANG, request(2026, "10", false), null);
        registry.addForm(new ReadingForm("1.1.0", List.of(Field.text("publisher", "出版社").required().build())), java.util.Map.of());
        assertEquals("1.1.0", registry.live().get(0).description().version());
        ProblemException needsPublisher = Refused.by(() -> declarations.create(WANG, request(2026, "10", false), null));
        assertEquals("values.publisher", needsPublisher.errors().get(0).field());
        DeclarationRequest r = request(2026, "10", false);
        r.values.put("publisher", "人民教育出版社");
        DeclarationDetail now = declarations.create(WANG, r, null);
        assertEquals("1.1.0", declarations.get(WANG, id(now)).formVersion());
        DeclarationDetail kept = declarations.get(WANG, id(old));
        assertEquals("1.0.0", kept.formVersion());
        assertEquals(2, ((List<?>) kept.schema().asMap().get("fields")).size());
    }
}
