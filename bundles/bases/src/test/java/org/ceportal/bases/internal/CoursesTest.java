package org.ceportal.bases.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.ceportal.platform.api.PageRequest;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.internal.Refused;
import org.ceportal.platform.internal.TestStores;
import org.ceportal.platform.persistence.Store;
import org.junit.Before;
import org.junit.Test;

/** 班次管理: a course's checks, and that a base sees only its own courses. */
public class CoursesTest {
    private Courses courses;
    private long mine;
    private long other;

    @Before
    public void setUp() {
        Store store = TestStores.migrated("bases", BaseMapper.class);
        mine = BaseRows.base(store, "A-1", "2025-01-01", "2027-12-31");
        other = BaseRows.base(store, "B-2", "2025-01-01", "2027-12-31");
        courses = new Courses(store, Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC));
    }

    private static Courses.Edit edit(String name, String from, String to, String hours, String category, Integer year) {
        Courses.Edit e = new Courses.Edit();
        e.name = name;
        e.from = from;
        e.to = to;
        e.hours = hours;
        e.category = category;
        e.year = year;
        return e;
    }

    @Test
    public void aCourseBelongsToItsBase() {
        Courses.Course c = courses.create(mine, edit("班主任能力提升", "2026-05-11", "2026-05-15", "40.00", "PROFESSIONAL", 2026));
        assertEquals("40", c.hours().toPlainString());
        assertEquals("专业科目", c.categoryName());
        assertEquals(1, courses.list(mine, "班主任", new PageRequest(0, 20)).getTotal());
        assertEquals(0, courses.list(other, null, new PageRequest(0, 20)).getTotal());
        assertTrue(courses.find(other, c.id()).isEmpty());
        Courses.Edit change = edit("班主任能力提升", "2026-05-11", "2026-05-15", "36", "GENERAL", 2026);
        change.version = c.version();
        assertEquals("course_not_found", Refused.by(() -> courses.update(other, c.id(), change)).code());
        Courses.Course changed = courses.update(mine, c.id(), change);
        assertEquals("公需科目", changed.categoryName());
        assertEquals("stale_version", Refused.by(() -> courses.update(mine, c.id(), change)).code());
    }

    @Test
    public void badCoursesAreNamedFieldByField() {
        ProblemException e = Refused.by(() -> courses.create(mine, edit(" ", "2026-05-15", "2026-05-11", "1.234", "X", 2026)));
        assertEquals(List.of("name", "to", "hours", "category"), e.errors().stream().map(f -> f.field()).toList());
        assertEquals("year", Refused.by(() -> courses.create(mine, edit("跨年班", "2026-12-28", "2027-01-03", "24", "GENERAL",
                2025))).errors().get(0).field());
        assertEquals("a course across the new year counts in either year", 2027,
                courses.create(mine, edit("跨年班", "2026-12-28", "2027-01-03", "24", "GENERAL", 2027)).year());
        assertEquals("hours", Refused.by(() -> courses.create(mine, edit("班", "2026-01-01", "2026-01-01", "abc", "GENERAL",
                2026))).errors().get(0).field());
    }
}
