package org.ceportal.learningform.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.Test;

public class FormDescriptionTest {
    private static final List<Field> FIELDS = List.of(Field.text("organiser", "主办单位").required().build(),
            Field.number("days", "天数").min(1).build());

    private static FormDescription form(String id, String version) {
        return new FormDescription(id, version, "培训", DeclarationKind.HOURS, SubjectCategory.CHOICE, "说明", FIELDS,
                BigDecimal.valueOf(90), null);
    }

    @Test
    public void aValidDescriptionKeepsItsParts() {
        FormDescription d = form("training", "1.0.0");
        assertEquals("training", d.id());
        assertEquals(FIELDS, d.fields());
        assertNull(d.maxPerYear());
        assertTrue(d.field("days").isPresent());
        assertFalse(d.field("nope").isPresent());
        assertThrows(UnsupportedOperationException.class, () -> d.fields().clear());
    }

    @Test
    public void idsAreLowerCaseWithHyphens() {
        form("ab", "1.0.0");
        form("research-project", "1.0.0");
        form("a" + "b".repeat(39), "1.0.0");
        for (String bad : new String[] {"a", "Training", "1training", "-ab", "research_project", "a b", "a" + "b".repeat(40)}) {
            assertThrows(bad, IllegalArgumentException.class, () -> form(bad, "1.0.0"));
        }
        assertThrows(NullPointerException.class, () -> form(null, "1.0.0"));
    }

    @Test
    public void versionsAreSemantic() {
        form("training", "0.0.1");
        form("training", "10.20.30");
        for (String bad : new String[] {"1", "1.0", "1.0.0.0", "01.0.0", "1.0.0-SNAPSHOT", "v1.0.0", ""}) {
            assertThrows(bad, IllegalArgumentException.class, () -> form("training", bad));
        }
        assertThrows(NullPointerException.class, () -> form("training", null));
    }

    @Test
    public void nameKindCategoryAndFieldsAreRequired() {
        BigDecimal cap = BigDecimal.TEN;
        assertThrows(IllegalArgumentException.class, () -> new FormDescription("ab", "1.0.0", " ", DeclarationKind.HOURS,
                SubjectCategory.CHOICE, null, FIELDS, cap, null));
        assertThrows(IllegalArgumentException.class, () -> new FormDescription("ab", "1.0.0", "名".repeat(51),
                DeclarationKind.HOURS, SubjectCategory.CHOICE, null, FIELDS, cap, null));
        assertThrows(NullPointerException.class, () -> new FormDescription("ab", "1.0.0", "名", null,
                SubjectCategory.CHOICE, null, FIELDS, cap, null));
        assertThrows(NullPointerException.class, () -> new FormDescription("ab", "1.0.0", "名", DeclarationKind.HOURS,
                null, null, FIELDS, cap, null));
        assertThrows(NullPointerException.class, () -> new FormDescription("ab", "1.0.0", "名", DeclarationKind.HOURS,
                SubjectCategory.CHOICE, null, null, cap, null));
        assertThrows(IllegalArgumentException.class, () -> new FormDescription("ab", "1.0.0", "名", DeclarationKind.HOURS,
                SubjectCategory.CHOICE, null, List.of(), cap, null));
    }

    @Test
    public void fieldKeysAreDistinct() {
        List<Field> twice = List.of(Field.text("a", "A").build(), Field.number("a", "B").build());
        assertThrows(IllegalArgumentException.class, () -> new FormDescription("ab", "1.0.0", "名", DeclarationKind.HOURS,
                SubjectCategory.CHOICE, null, twice, BigDecimal.TEN, null));
    }

    @Test
    public void capsArePositiveWithTwoDecimalsAtMost() {
        for (BigDecimal bad : new BigDecimal[] {BigDecimal.ZERO, BigDecimal.valueOf(-1), new BigDecimal("1.005")}) {
            assertThrows(IllegalArgumentException.class, () -> new FormDescription("ab", "1.0.0", "名",
                    DeclarationKind.HOURS, SubjectCategory.CHOICE, null, FIELDS, bad, null));
            assertThrows(IllegalArgumentException.class, () -> new FormDescription("ab", "1.0.0", "名",
                    DeclarationKind.HOURS, SubjectCategory.CHOICE, null, FIELDS, BigDecimal.TEN, bad));
        }
        assertThrows(NullPointerException.class, () -> new FormDescription("ab", "1.0.0", "名",
                DeclarationKind.HOURS, SubjectCategory.CHOICE, null, FIELDS, null, null));
        FormDescription d = new FormDescription("ab", "1.0.0", "名", DeclarationKind.CREDITS, SubjectCategory.GENERAL,
                " ", FIELDS, new BigDecimal("7.5"), BigDecimal.valueOf(30));
        assertEquals(BigDecimal.valueOf(30), d.maxPerYear());
        assertNull("blank help becomes null", d.help());
    }

    @Test
    public void enumsHaveChineseLabels() {
        assertEquals("学时", DeclarationKind.HOURS.label());
        assertEquals("学分", DeclarationKind.CREDITS.label());
        assertEquals("继续教育基地学时", DeclarationKind.BASE_HOURS.label());
        assertEquals("学时", DeclarationKind.BASE_HOURS.unit());
        assertEquals("学分", DeclarationKind.CREDITS.unit());
        assertEquals("公需科目", SubjectCategory.GENERAL.label());
        assertEquals("专业科目", SubjectCategory.PROFESSIONAL.label());
        assertEquals("由申报人选择", SubjectCategory.CHOICE.label());
    }
}
