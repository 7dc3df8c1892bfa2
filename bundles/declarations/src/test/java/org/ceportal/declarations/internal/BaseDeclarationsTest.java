package org.ceportal.declarations.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.ceportal.declarations.api.BaseDeclarations;
import org.ceportal.declarations.api.BaseDeclarations.Attendee;
import org.ceportal.declarations.api.BaseDeclarations.Course;
import org.ceportal.declarations.api.BaseDeclarations.Outcome;
import org.ceportal.declarations.api.DeclarationDetail;
import org.ceportal.declarations.api.ReviewQuery;
import org.ceportal.learningform.api.Caps;
import org.ceportal.learningform.api.DeclarationKind;
import org.ceportal.learningform.api.Evaluation;
import org.ceportal.learningform.api.Field;
import org.ceportal.learningform.api.FieldValues;
import org.ceportal.learningform.api.FormDescription;
import org.ceportal.learningform.api.LearningForm;
import org.ceportal.learningform.api.SubjectCategory;
import org.ceportal.platform.api.PageRequest;
import org.ceportal.platform.internal.Refused;
import org.ceportal.platform.internal.TestStores;
import org.ceportal.platform.persistence.Store;
import org.ceportal.platform.security.Caller;
import org.ceportal.platform.security.Role;
import org.junit.Before;
import org.junit.Test;

/**
 * 继续教育基地学时申报 as the declarations see it: a base's attendees become the persons'
 * declarations — approved at once or waiting for their unit — checked by the form's caps, marked
 * with their origin, and out of their owners' hands.
 */
public class BaseDeclarationsTest {
    private static final Caller WANG = new Caller(11, "王芳", Role.PROFESSIONAL, 7L);
    private static final Caller ADMIN = new Caller(100, "李主任", Role.UNIT_ADMIN, 7L);
    private static final long BASE_ADMIN = 500;
    private static final Course COURSE = new Course(3, "base", "洛阳市继续教育基地", "教师培训", LocalDate.of(2026, 3, 1),
            LocalDate.of(2026, 3, 3), "PROFESSIONAL", 2026);

    /** A base form as the built-in one: the base's hours, at most 40 per item and 60 per year. */
    static final class BaseForm implements LearningForm {
        private final FormDescription d = new FormDescription("base", "1.0.0", "继续教育基地学习", DeclarationKind.BASE_HOURS,
                SubjectCategory.CHOICE, null, List.of(Field.text("baseName", "继续教育基地名称").required().build(),
                        Field.text("courseName", "课程名称").required().build(),
                        Field.dateRange("period", "学习起止日期").required().build(),
                        Field.number("hours", "基地认定学时").required().min(new BigDecimal("0.5")).max(1000).build()),
                new BigDecimal("40"), new BigDecimal("60")).withYearField("period");

        @Override
        public FormDescription description() {
            return d;
        }

        @Override
        public Evaluation evaluate(Map<String, Object> values) {
            FieldValues v = FieldValues.check(d, values);
            return v.isValid() ? Caps.propose(d, v.decimal("hours"), "基地认定 " + v.decimal("hours") + " 学时") : v.invalid();
        }
    }

    private Store store;
    private FormRegistry registry;
    private Declarations declarations;
    private BaseDeclarations bases;
    private final List<String> sent = new CopyOnWriteArrayList<>();

    @Before
    public void setUp() {
        registry = new FormRegistry();
        registry.addForm(new BaseForm(), java.util.Map.of());
        registry.addForm(new DeclarationsTest.ReadingForm("1.0.0", List.of()), java.util.Map.of());
        store = TestStores.migrated("declarations", DeclarationMapper.class);
        Clock clock = Clock.fixed(Instant.parse("2026-12-31T15:30:00Z"), ZoneOffset.UTC);
        declarations = new Declarations(store, registry, new FakeAttachments(), 1, ZoneId.of("Asia/Shanghai"), clock);
        bases = new BaseDeclarationsService(store, registry, Units.HOURS_ONLY, declarations::declarableYears,
                (account, title, body, link) -> sent.add(account + " " + title + " " + body), clock, OwnLists.none());
    }

    private static Attendee wang(String hours) {
        return new Attendee(WANG.accountId(), 7L, new BigDecimal(hours));
    }

    @Test
    public void approvedAtOnceTheyCountAndTheirOwnerIsTold() {
        Outcome o = bases.declare(COURSE, List.of(wang("24")), true, BASE_ADMIN, null).get(0);
        assertTrue(o.ok());
        DeclarationDetail d = declarations.get(WANG, o.declarationId());
        assertEquals("approved", d.summary().state());
        assertEquals(0, new BigDecimal("24").compareTo(d.summary().approvedHours()));
        assertEquals("PROFESSIONAL", d.summary().category());
        assertEquals("继续教育基地学时", d.summary().kindName());
        assertEquals("继续教育基地学时申报（基地「洛阳市继续教育基地」，班次「教师培训」）", d.summary().origin());
        assertEquals(Map.of("from", "2026-03-01", "to", "2026-03-03"), d.values().asMap().get("period"));
        assertEquals(List.of("pending", "approved"), d.history().stream().map(DeclarationDetail.HistoryEntry::to).toList());
        assertEquals(1, new DeclarationRecordsService(store).approved(WANG.accountId()).size());
        assertEquals(1, sent.size());
        assertTrue(sent.get(0), sent.get(0).contains("已审核通过"));
    }

    @Test
    public void otherwiseTheyWaitForTheUnitsReview() {
        long id = bases.declare(COURSE, List.of(wang("24")), false, BASE_ADMIN, null).get(0).declarationId();
        assertEquals("pending", declarations.get(WANG, id).summary().state());
        DeclarationReviewing reviewing = new DeclarationReviewing(store, new DeclarationViews(store, registry, new FakeAttachments()),
                new FakeAttachments(), (a, b, c, d, e) -> { }, (a, b, c, d) -> { }, x -> java.util.Optional.empty(),
                java.util.Set.of(), ZoneId.of("Asia/Shanghai"), Clock.systemUTC());
        assertEquals(1, reviewing.list(ADMIN, new ReviewQuery("pending", null, null, null), new PageRequest(0, 20)).getTotal());
        assertTrue(sent.get(0).contains("待您所在单位审核"));
    }

    @Test
    public void theOwnersListReadBeforeTheImportShowsIt() {
        DeclarationRequest r = new DeclarationRequest();
        r.formId = "reading";
        r.year = 2026;
        r.category = "PROFESSIONAL";
        r.values = new java.util.HashMap<>(Map.of("title", "《教育心理学》", "hours", "6"));
        // the list kept on one node, the import through another (sharing the database)
        Declarations keeping = new Declarations(store, registry, new FakeAttachments(), 1, ZoneId.of("Asia/Shanghai"),
                Clock.systemUTC(), (a, b, c, d, e) -> { }, Units.HOURS_ONLY, new OwnLists(1024, false, OwnListsTest::lines));
        keeping.create(WANG, r, null);
        assertEquals("draft 6", new String(keeping.listJson(WANG, null, null, new PageRequest(0, 20)), UTF_8));
        bases.declare(COURSE, List.of(wang("24")), true, BASE_ADMIN, null);
        assertEquals("approved 24\ndraft 6", new String(keeping.listJson(WANG, null, null, new PageRequest(0, 20)), UTF_8));

        // the only node (embedded Derby): the list given from memory without the count, until the import commits
        OwnLists only = new OwnLists(1024, true, OwnListsTest::lines);
        Declarations alone = new Declarations(store, registry, new FakeAttachments(), 1, ZoneId.of("Asia/Shanghai"),
                Clock.systemUTC(), (a, b, c, d, e) -> { }, Units.HOURS_ONLY, only);
        BaseDeclarationsService basesAlone = new BaseDeclarationsService(store, registry, Units.HOURS_ONLY,
                alone::declarableYears, (account, title, body, link) -> { }, Clock.systemUTC(), only);
        byte[] kept = alone.listJson(WANG, null, null, new PageRequest(0, 20));
        assertSame(kept, alone.listJson(WANG, null, null, new PageRequest(0, 20)));
        basesAlone.declare(COURSE, List.of(wang("12")), false, BASE_ADMIN, null);
        assertEquals("pending 12", new String(alone.listJson(WANG, "pending", null, new PageRequest(0, 20)), UTF_8));
        assertEquals(3, new String(alone.listJson(WANG, null, null, new PageRequest(0, 20)), UTF_8).split("\n").length);
    }

    @Test
    public void theOwnerCannotChangeWithdrawOrDeleteWhatTheBaseDeclared() {
        long id = bases.declare(COURSE, List.of(wang("24")), false, BASE_ADMIN, null).get(0).declarationId();
        assertEquals("declared_by_base", Refused.by(() -> declarations.withdraw(WANG, id, null, null)).code());
        assertEquals("declared_by_base", Refused.by(() -> declarations.delete(WANG, id, null, null)).code());
        assertEquals("pending", declarations.get(WANG, id).summary().state());
    }

    @Test
    public void theFormsCapsRefuseAnAttendeeNotTheOthers() {
        List<Outcome> checked = bases.check(COURSE, List.of(wang("41"), wang("40")));
        assertTrue(checked.get(0).problem(), checked.get(0).problem().contains("最多可计的 40 学时"));
        assertNull(checked.get(1).problem());
        assertEquals(0, declarations.list(WANG, null, null, new PageRequest(0, 20)).getTotal()); // a check stores nothing

        assertTrue(bases.declare(COURSE, List.of(wang("40")), true, BASE_ADMIN, null).get(0).ok());
        Outcome overYear = bases.declare(COURSE, List.of(wang("30")), true, BASE_ADMIN, null).get(0);
        assertTrue(overYear.problem(), overYear.problem().contains("最多可申报 60 学时，已申报 40 学时"));
        assertEquals(1, declarations.list(WANG, null, null, new PageRequest(0, 20)).getTotal());
    }

    @Test
    public void aCourseOfAClosedYearOrWithoutItsFormIsRefused() {
        Course old = new Course(3, "base", "基地", "旧班", LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 3), "GENERAL", 2024);
        assertEquals("year_closed", Refused.by(() -> bases.checkCourse(old)).code());
        Course unknown = new Course(3, "gone", "基地", "班", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 3), "GENERAL", 2026);
        assertEquals("form_unavailable", Refused.by(() -> bases.declare(unknown, List.of(wang("8")), true, 1, null)).code());
        Course reading = new Course(3, "reading", "基地", "班", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 3), "GENERAL", 2026);
        assertEquals(409, Refused.by(() -> bases.checkCourse(reading)).status());
    }
}
