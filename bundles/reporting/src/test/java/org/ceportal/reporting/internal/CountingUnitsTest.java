package org.ceportal.reporting.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.math.BigDecimal;
import java.util.List;

import org.junit.Test;

/** What a year counts in, answered without reading anyone's title when every title series agrees. */
public class CountingUnitsTest {
    private static final BigDecimal N = new BigDecimal("90");

    @Test
    public void oneRuleForEveryoneNeedsNoTitle() {
        List<Rule> rules = List.of(new Rule("a", 2020, null, "HOURS", N, null, null));
        assertEquals("HOURS", CountingUnitsService.sameForEveryone(rules, 2026));
        assertEquals("HOURS", CountingUnitsService.sameForEveryone(List.of(), 2026));
    }

    @Test
    public void aSeriesCountingCreditsFromAYearMakesThatYearDependOnTheTitle() {
        List<Rule> rules = List.of(new Rule("a", 2020, null, "HOURS", N, null, null),
                new Rule("b", 2026, "ACC", "CREDITS", N, null, null));
        assertEquals("HOURS", CountingUnitsService.sameForEveryone(rules, 2025));
        assertNull(CountingUnitsService.sameForEveryone(rules, 2026));
        List<Rule> allCredits = List.of(new Rule("a", 2020, null, "CREDITS", N, null, null),
                new Rule("b", 2026, "ACC", "CREDITS", N, null, null));
        assertEquals("CREDITS", CountingUnitsService.sameForEveryone(allCredits, 2026));
    }
}
