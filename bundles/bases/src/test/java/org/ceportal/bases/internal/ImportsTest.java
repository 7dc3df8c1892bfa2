package org.ceportal.bases.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ceportal.accounts.api.People;
import org.ceportal.accounts.api.Person;
import org.ceportal.declarations.api.BaseDeclarations;
import org.ceportal.platform.api.PageRequest;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.internal.Refused;
import org.ceportal.platform.internal.TestStores;
import org.ceportal.platform.persistence.Store;
import org.junit.Before;
import org.junit.Test;

/**
 * 学员导入 over a real (Derby) store: each line's result, a dry run storing nothing, the commit
 * keeping the declared and the waiting, a second upload declaring nobody twice, and the refusals of
 * a base that may not declare. The declarations' side is a recording stand-in here (the
 * in-container suite runs the real one).
 */
public class ImportsTest {
    private static final String WANG = "410302198001010029";
    private static final String ZHAO = "41030219800101001X";
    private static final String NEW = "410302199001010013";
    private static final Instant NOW = Instant.parse("2026-03-01T02:00:00Z");

    private Store store;
    private final List<Long> declared = new ArrayList<>();
    private long base;
    private long lapsed;
    private long course;
    private long lapsedCourse;
    private Imports imports;

    @Before
    public void setUp() {
        store = TestStores.migrated("bases", BaseMapper.class, ImportMapper.class);
        base = BaseRows.base(store, "A-1", "2024-01-01", "2027-12-31");
        lapsed = BaseRows.base(store, "B-2", "2024-01-01", "2025-12-31");
        course = BaseRows.course(store, base);
        lapsedCourse = BaseRows.course(store, lapsed);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        ZoneId china = ZoneId.of("Asia/Shanghai");
        Bases bases = new Bases(store, null, (a, b, c, d, e) -> { }, china, clock);
        imports = new Imports(store, bases, new AttendanceCheck(people()), declarations(), (a, b, c, d, e) -> { },
                new Imports.Settings(true, 100, 1 << 20, 1 << 22, "base-study"), china, clock);
    }

    @Test
    public void aDryRunSaysEachLinesResultAndStoresNothing() {
        Imports.Report r = imports.run(base, 7, course, upload(Lists.csv("身份证号,姓名,学时",
                WANG + ",王芳,12", ZHAO + ",赵六,22", NEW + ",新人,", "410302198001010028,坏号,", WANG + ",王芳,",
                "410302198001010037,李四,", ZHAO.toLowerCase() + ",别人,")), true, "127.0.0.1");
        assertTrue(r.dryRun());
        assertNull(r.importId());
        assertEquals(List.of("ok", "over_cap", "waiting", "malformed", "duplicate", "waiting", "duplicate"),
                r.lines().stream().map(Imports.Line::result).toList());
        assertEquals("24", r.lines().get(2).hours()); // the course's hours when the list gives none
        assertEquals(new Imports.Totals(7, 1, 2, 4), r.totals());
        assertEquals("可以导入", r.lines().get(0).resultName());
        assertTrue(r.lines().get(3).message(), r.lines().get(3).message().startsWith("身份证号："));
        assertEquals(0, imports().getTotal());
        assertTrue(declared.isEmpty());
    }

    @Test
    public void aNameOtherThanTheAccountsIsRefused() {
        Imports.Report r = imports.run(base, 7, course, upload(Lists.csv("身份证号,姓名,学时", WANG + ",王 芳,8", ZHAO + ",赵七,8")),
                true, null);
        assertEquals(List.of("ok", "name_mismatch"), r.lines().stream().map(Imports.Line::result).toList());
    }

    @Test
    public void theCommitDeclaresTheGoodLinesKeepsTheUnregisteredAndRecordsTheFile() {
        byte[] list = Lists.xlsx(new String[] {"身份证号", "姓名", "学时"}, new String[] {WANG, "王芳", "8"},
                new String[] {NEW, "新人", ""}, new String[] {"123", "坏号", ""});
        Imports.Report r = imports.run(base, 7, course, upload(list), false, null);
        assertEquals(List.of("declared", "waiting", "malformed"), r.lines().stream().map(Imports.Line::result).toList());
        assertEquals(List.of(11L), declared);
        ImportHistory history = new ImportHistory(store);
        ImportHistory.Summary s = history.list(base, course, PageRequest.parse(null, null, 20, 100)).getItems().get(0);
        assertEquals(r.importId().longValue(), s.id());
        assertEquals(3, s.rows());
        assertEquals(1, s.declared());
        assertEquals(1, s.waiting());
        assertEquals(1, s.refused());
        assertEquals("xlsx", s.fileType());
        assertTrue(java.util.Arrays.equals(list, history.file(base, s.id()).content));
        assertEquals("已申报", history.detail(base, s.id()).lines().get(0).resultName());
    }

    @Test
    public void uploadingTheSameListAgainDeclaresNobodyTwice() {
        byte[] list = Lists.csv("身份证号,姓名,学时", WANG + ",王芳,8", NEW + ",新人,");
        imports.run(base, 7, course, upload(list), false, null);
        Imports.Report again = imports.run(base, 7, course, upload(list), false, null);
        assertEquals(List.of("duplicate", "duplicate"), again.lines().stream().map(Imports.Line::result).toList());
        assertEquals(List.of(11L), declared);
        assertTrue(again.lines().get(1).message().contains("待其注册后计入"));
    }

    @Test
    public void aLapsedBaseCannotDeclare() {
        ProblemException e = Refused.by(() -> imports.run(lapsed, 8, lapsedCourse, upload(Lists.csv("身份证号,姓名", WANG + ",王芳")),
                false, null));
        assertEquals(409, e.status());
        assertEquals("base_not_accredited", e.code());
        assertEquals(0, imports().getTotal());
    }

    @Test
    public void anotherBasesCourseIsNotFound() {
        ProblemException e = Refused.by(() -> imports.run(base, 7, lapsedCourse, upload(Lists.csv("身份证号,姓名", WANG + ",王芳")),
                true, null));
        assertEquals(404, e.status());
        imports.run(base, 7, course, upload(Lists.csv("身份证号,姓名,学时", WANG + ",王芳,8")), false, null);
        long id = imports().getItems().get(0).id();
        assertEquals(0, new ImportHistory(store).list(lapsed, course, PageRequest.parse(null, null, 20, 100)).getTotal());
        assertEquals(404, Refused.by(() -> new ImportHistory(store).detail(lapsed, id)).status());
        assertEquals(404, Refused.by(() -> new ImportHistory(store).file(lapsed, id)).status());
    }

    private org.ceportal.platform.api.Page<ImportHistory.Summary> imports() {
        return new ImportHistory(store).list(base, course, PageRequest.parse(null, null, 20, 100));
    }

    private static Imports.Upload upload(byte[] content) {
        return new Imports.Upload("名单.csv", content, "0".repeat(64));
    }

    /** 王芳 and 赵六 are registered and approved; a valid number must end in the right check character. */
    private static People people() {
        Map<String, Person> registered = Map.of(
                WANG, new Person(11, "王芳", WANG, 1L, "一中", null, null, null, null),
                ZHAO, new Person(12, "赵六", ZHAO, 1L, "一中", null, null, null, null));
        return new People() {
            @Override
            public Optional<Person> person(long accountId) {
                return Optional.empty();
            }

            @Override
            public Map<Long, Person> people(Collection<Long> accountIds) {
                return Map.of();
            }

            @Override
            public List<Long> matching(Long unitId, String q, Long departmentId, int limit) {
                return List.of();
            }

            @Override
            public Optional<String> nameOf(long accountId) {
                return Optional.empty();
            }

            @Override
            public Map<String, Person> approvedByIdNumber(Collection<String> idNumbers) {
                Map<String, Person> out = new HashMap<>();
                idNumbers.forEach(n -> Optional.ofNullable(registered.get(n)).ifPresent(p -> out.put(n, p)));
                return out;
            }

            @Override
            public IdNumberCheck checkIdNumber(String raw) {
                String id = raw.strip().toUpperCase(java.util.Locale.ROOT);
                return List.of(WANG, ZHAO, NEW, "410302198001010037").contains(id) ? new IdNumberCheck(id, null)
                        : new IdNumberCheck(null, "身份证号码校验位不正确，请核对");
            }
        };
    }

    /** Over 20 hours is over the form's cap; a commit records which accounts were declared. */
    private BaseDeclarations declarations() {
        return new BaseDeclarations() {
            @Override
            public void checkCourse(Course c) {
            }

            @Override
            public List<Outcome> check(Course c, List<Attendee> attendees) {
                return attendees.stream().map(a -> new Outcome(null, a.hours().compareTo(new BigDecimal("20")) > 0
                        ? "超过「继续教育基地学习」每项最多可计的 20 学时" : null)).toList();
            }

            @Override
            public List<Outcome> declare(Course c, List<Attendee> attendees, boolean approve, long actor, String address) {
                List<Outcome> out = new ArrayList<>();
                for (Outcome o : check(c, attendees)) {
                    Attendee a = attendees.get(out.size());
                    if (o.ok()) {
                        declared.add(a.accountId());
                        out.add(new Outcome(1000 + a.accountId(), null));
                    } else {
                        out.add(o);
                    }
                }
                return out;
            }
        };
    }
}
