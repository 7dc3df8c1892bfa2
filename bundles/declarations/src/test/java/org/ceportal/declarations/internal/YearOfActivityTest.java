package org.ceportal.declarations.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.ceportal.learningform.api.DeclarationKind;
import org.ceportal.learningform.api.Field;
import org.ceportal.learningform.api.FormDescription;
import org.ceportal.learningform.api.SubjectCategory;
import org.junit.Test;

/** Hours count only in their own year: the form's dated field decides it. */
public class YearOfActivityTest {
    private static final FormDescription TRAINING = new FormDescription("training", "1.0.0", "培训/进修",
            DeclarationKind.HOURS, SubjectCategory.CHOICE, null,
            List.of(Field.text("courseName", "培训名称").required().build(),
                    Field.dateRange("period", "培训起止日期").required().build()),
            new BigDecimal("80"), null).withYearField("period");

    private static Map<String, Object> period(String from, String to) {
        return Map.of("courseName", "课堂教学", "period", Map.of("from", from, "to", to));
    }

    @Test
    public void aTrainingCountsInTheYearItEnded() {
        assertTrue(DeclarationChecks.yearMismatch(TRAINING, period("2026-03-01", "2026-03-03"), 2026).isEmpty());
        var wrong = DeclarationChecks.yearMismatch(TRAINING, period("2024-03-01", "2024-03-03"), 2026).orElseThrow();
        assertEquals("year", wrong.field());
        assertEquals("「培训起止日期」结束于 2024 年，学时只能计入 2024 年度", wrong.message());
        assertTrue("a course over new year counts when it ends",
                DeclarationChecks.yearMismatch(TRAINING, period("2025-12-29", "2026-01-02"), 2026).isEmpty());
        assertEquals("2027 too", "year",
                DeclarationChecks.yearMismatch(TRAINING, period("2027-01-05", "2027-01-06"), 2026).orElseThrow().field());
    }

    @Test
    public void aFormWithoutADecidingFieldOrWithoutTheValueIsLeftAlone() {
        FormDescription plain = new FormDescription("reading", "1.0.0", "读书会", DeclarationKind.HOURS,
                SubjectCategory.PROFESSIONAL, null, TRAINING.fields(), new BigDecimal("40"), null);
        assertTrue(DeclarationChecks.yearMismatch(plain, period("2024-03-01", "2024-03-03"), 2026).isEmpty());
        assertTrue(DeclarationChecks.yearMismatch(TRAINING, Map.of("courseName", "x"), 2026).isEmpty());
    }

    @Test(expected = IllegalArgumentException.class)
    public void onlyADatedFieldCanDecideTheYear() {
        TRAINING.withYearField("courseName");
    }
}
