package org.ceportal.reporting.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.ceportal.declarations.api.CountedDeclaration;
import org.junit.Test;

/** The yearly completion: effective years, series rules, caps, no carry-over, 学分 vs 学时. */
public class CompletionTest {
    private static final Rule DEFAULT = new Rule("r1", 1990, null, "HOURS", n("90"), n("30"), n("60"));
    private static final Rule FROM_2027 = new Rule("r2", 2027, null, "HOURS", n("100"), n("40"), n("60"));
    private static final Rule ACCOUNTANTS = new Rule("r3", 2020, "ACC", "CREDITS", n("20"), n("5"), n("10"));
    private static final List<Rule> RULES = List.of(DEFAULT, FROM_2027, ACCOUNTANTS);

    private static BigDecimal n(String s) {
        return new BigDecimal(s);
    }

    private static CountedDeclaration d(long id, int year, String form, String kind, String category, String hours,
            String maxPerYear) {
        return new CountedDeclaration(id, year, form, form + "名", kind, category, category.equals("GENERAL") ? "公需科目" : "专业科目",
                "项目" + id, n(hours), maxPerYear == null ? null : n(maxPerYear), Instant.parse("2026-06-01T00:00:00Z").plusSeconds(id));
    }

    @Test
    public void theRuleOfAYearIsTheLatestThatStartedAndASeriesOwnRuleWins() {
        assertEquals("r1", Requirements.pick(RULES, 2026, null).orElseThrow().id());
        assertEquals("r2", Requirements.pick(RULES, 2027, null).orElseThrow().id());
        assertEquals("r2", Requirements.pick(RULES, 2030, "SCH").orElseThrow().id());
        assertEquals("r3", Requirements.pick(RULES, 2027, "ACC").orElseThrow().id());
        assertEquals("r1", Requirements.pick(RULES, 2019, "ACC").orElseThrow().id()); // the series' rule starts in 2020
        assertTrue(Requirements.pick(List.of(FROM_2027), 2026, null).isEmpty());
    }

    @Test
    public void hoursCountOnlyInTheirYearWithinTheFormsCapAndPendingOnlyBeside() {
        List<CountedDeclaration> approved = List.of(
                d(1, 2025, "training", "HOURS", "PROFESSIONAL", "80", null),
                d(2, 2026, "training", "HOURS", "PROFESSIONAL", "40", null),
                d(3, 2026, "reading", "HOURS", "PROFESSIONAL", "30", "40"),
                d(4, 2026, "reading", "HOURS", "PROFESSIONAL", "30", "40"), // only 10 of these fit under the cap
                d(5, 2026, "online", "HOURS", "GENERAL", "30", null),
                d(6, 2026, "credits", "CREDITS", "GENERAL", "5", null)); // 学分: not counted in a 学时 year
        List<Completion.Detail> years = Completion.of(List.of(2025, 2026, 2027), y -> Requirements.pick(RULES, y, null).orElse(null),
                approved, Map.of(2026, Map.of("HOURS", n("16"), "CREDITS", n("2"))));

        Completion.Year y2025 = years.get(0).year();
        assertEquals(0, n("80").compareTo(y2025.approved().total()));
        assertFalse("no general hours in 2025, and nothing carries over", y2025.met());

        Completion.Detail y2026 = years.get(1);
        assertEquals(0, n("80").compareTo(y2026.year().approved().professional()));
        assertEquals(0, n("30").compareTo(y2026.year().approved().general()));
        assertEquals(0, n("110").compareTo(y2026.year().approved().total()));
        assertTrue(y2026.year().met());
        assertEquals(0, n("16").compareTo(y2026.year().pending()));
        Completion.Item capped = y2026.items().stream().filter(i -> i.declarationId() == 4).findFirst().orElseThrow();
        assertEquals(0, n("10").compareTo(capped.countedHours()));
        assertTrue(capped.capNote(), capped.capNote().contains("每年最多计 40 学时") && capped.capNote().contains("20 学时不计入"));
        assertEquals(4, y2026.items().size());

        Completion.Year y2027 = years.get(2).year();
        assertEquals(0, n("100").compareTo(y2027.required().total()));
        assertEquals(0, BigDecimal.ZERO.compareTo(y2027.approved().total()));
        assertFalse(y2027.met());
    }

    @Test
    public void aCreditRuleCountsCredits() {
        List<CountedDeclaration> approved = List.of(d(6, 2026, "credits", "CREDITS", "GENERAL", "5", null),
                d(7, 2026, "credits", "CREDITS", "PROFESSIONAL", "15", null), d(8, 2026, "training", "HOURS", "GENERAL", "90", null));
        Completion.Year y = Completion.of(List.of(2026), x -> Requirements.pick(RULES, x, "ACC").orElse(null), approved, Map.of())
                .get(0).year();
        assertEquals("学分", y.unit());
        assertEquals(0, n("20").compareTo(y.approved().total()));
        assertTrue(y.met());
        assertNull(Completion.of(List.of(1980), x -> Requirements.pick(RULES, x, null).orElse(null), approved, Map.of())
                .get(0).year().met());
    }
}
