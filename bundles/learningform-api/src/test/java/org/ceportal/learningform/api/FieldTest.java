package org.ceportal.learningform.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.Test;

public class FieldTest {

    @Test
    public void theBuilderSetsEveryPart() {
        Field f = Field.text("organiser", "主办单位").required().maxLength(100).pattern("[^<>]+").help("全称").build();
        assertEquals("organiser", f.key());
        assertEquals("主办单位", f.label());
        assertEquals(FieldType.TEXT, f.type());
        assertTrue(f.required());
        assertEquals(Integer.valueOf(100), f.maxLength());
        assertEquals("[^<>]+", f.pattern());
        assertEquals("全称", f.help());
        assertEquals(List.of(), f.options());
        assertNull(f.min());
        assertNull(f.max());
    }

    @Test
    public void eachFactoryGivesItsType() {
        assertEquals(FieldType.TEXT, Field.text("a", "A").build().type());
        assertEquals(FieldType.LONG_TEXT, Field.longText("a", "A").build().type());
        assertEquals(FieldType.NUMBER, Field.number("a", "A").build().type());
        assertEquals(FieldType.DATE, Field.date("a", "A").build().type());
        assertEquals(FieldType.DATE_RANGE, Field.dateRange("a", "A").build().type());
        assertEquals(FieldType.YEAR, Field.year("a", "A").build().type());
        assertEquals(FieldType.CHOICE, Field.choice("a", "A", new Option("x", "X")).build().type());
        assertEquals(FieldType.CHOICE, Field.choice("a", "A", List.of(new Option("x", "X"))).build().type());
        assertEquals(FieldType.ATTACHMENT, Field.attachment("a", "A").build().type());
        assertFalse(Field.text("a", "A").build().required());
    }

    @Test
    public void numberBoundsAcceptLongsAndDecimals() {
        Field f = Field.number("days", "天数").min(new BigDecimal("0.5")).max(365).build();
        assertEquals(new BigDecimal("0.5"), f.min());
        assertEquals(BigDecimal.valueOf(365), f.max());
        Field year = Field.year("y", "年份").min(2000).max(2100).build();
        assertEquals(BigDecimal.valueOf(2000), year.min());
        Field files = Field.attachment("files", "证明").min(1).max(5).build();
        assertEquals(BigDecimal.ONE, files.min());
    }

    @Test
    public void textLengthsDefaultByType() {
        assertEquals(Integer.valueOf(Field.DEFAULT_TEXT_LENGTH), Field.text("a", "A").build().maxLength());
        assertEquals(Integer.valueOf(Field.DEFAULT_LONG_TEXT_LENGTH), Field.longText("a", "A").build().maxLength());
        assertNull(Field.number("a", "A").build().maxLength());
    }

    @Test
    public void blankHelpBecomesNull() {
        assertNull(Field.text("a", "A").help("  ").build().help());
    }

    @Test
    public void keysAreCamelCaseStartingWithALowerCaseLetter() {
        Field.text("a", "A").build();
        Field.text("certificateNo2", "A").build();
        Field.text("a" + "b".repeat(39), "A").build();
        for (String bad : new String[] {"", "A", "1a", "cert-no", "cert_no", "证书", "a" + "b".repeat(40), "a b"}) {
            assertThrows(bad, IllegalArgumentException.class, () -> Field.text(bad, "A").build());
        }
        assertThrows(NullPointerException.class, () -> Field.text(null, "A").build());
    }

    @Test
    public void labelsAreRequiredAndShort() {
        assertThrows(IllegalArgumentException.class, () -> Field.text("a", null).build());
        assertThrows(IllegalArgumentException.class, () -> Field.text("a", " ").build());
        assertThrows(IllegalArgumentException.class, () -> Field.text("a", "字".repeat(51)).build());
        Field.text("a", "字".repeat(50)).build();
    }

    @Test
    public void typeIsRequired() {
        assertThrows(NullPointerException.class,
                () -> new Field("a", "A", null, false, null, null, null, null, null, null));
    }

    @Test
    public void choiceNeedsDistinctOptions() {
        assertThrows(IllegalArgumentException.class, () -> Field.choice("a", "A").build());
        assertThrows(IllegalArgumentException.class,
                () -> Field.choice("a", "A", new Option("x", "X"), new Option("x", "Y")).build());
        assertThrows(IllegalArgumentException.class,
                () -> new Field("a", "A", FieldType.CHOICE, false, null, null, null, null, null, null));
    }

    @Test
    public void onlyChoiceHasOptions() {
        assertThrows(IllegalArgumentException.class,
                () -> new Field("a", "A", FieldType.TEXT, false, null, null, null, null, null, List.of(new Option("x", "X"))));
        assertEquals(List.of(), new Field("a", "A", FieldType.TEXT, false, null, null, null, null, null, null).options());
    }

    @Test
    public void optionsAreCopied() {
        List<Option> options = new ArrayList<>(List.of(new Option("x", "X")));
        Field f = Field.choice("a", "A", options).build();
        options.add(new Option("y", "Y"));
        assertEquals(1, f.options().size());
        assertThrows(UnsupportedOperationException.class, () -> f.options().add(new Option("z", "Z")));
    }

    @Test
    public void boundsOnlyWhereTheyMeanSomething() {
        for (Field.Builder b : List.of(Field.text("a", "A"), Field.longText("a", "A"), Field.date("a", "A"),
                Field.dateRange("a", "A"), Field.choice("a", "A", new Option("x", "X")))) {
            assertThrows(IllegalArgumentException.class, () -> b.min(1).build());
        }
        assertThrows(IllegalArgumentException.class, () -> Field.text("a", "A").max(1).build());
    }

    @Test
    public void minMustNotExceedMax() {
        assertThrows(IllegalArgumentException.class, () -> Field.number("a", "A").min(5).max(4).build());
        Field.number("a", "A").min(4).max(4).build();
    }

    @Test
    public void yearAndAttachmentBoundsAreWhole() {
        assertThrows(IllegalArgumentException.class, () -> Field.year("a", "A").min(new BigDecimal("2000.5")).build());
        assertThrows(IllegalArgumentException.class, () -> Field.attachment("a", "A").max(new BigDecimal("1.5")).build());
        Field.year("a", "A").min(new BigDecimal("2000.00")).build();
    }

    @Test
    public void numberBoundsHaveAtMostTwoDecimals() {
        assertThrows(IllegalArgumentException.class, () -> Field.number("a", "A").min(new BigDecimal("0.125")).build());
        Field.number("a", "A").min(new BigDecimal("0.25")).build();
    }

    @Test
    public void attachmentCountCannotBeNegative() {
        assertThrows(IllegalArgumentException.class, () -> Field.attachment("a", "A").min(-1).build());
    }

    @Test
    public void maxLengthOnlyForTextAndWithinLimits() {
        assertThrows(IllegalArgumentException.class, () -> Field.number("a", "A").maxLength(10).build());
        assertThrows(IllegalArgumentException.class, () -> Field.text("a", "A").maxLength(0).build());
        assertThrows(IllegalArgumentException.class, () -> Field.longText("a", "A").maxLength(Field.MAX_TEXT_LENGTH + 1).build());
        Field.longText("a", "A").maxLength(Field.MAX_TEXT_LENGTH).build();
    }

    @Test
    public void patternOnlyForSingleLineTextAndMustCompile() {
        assertThrows(IllegalArgumentException.class, () -> Field.longText("a", "A").pattern("x").build());
        assertThrows(IllegalArgumentException.class, () -> Field.number("a", "A").pattern("x").build());
        assertThrows(IllegalArgumentException.class, () -> Field.text("a", "A").pattern("([").build());
    }

    @Test
    public void optionValuesAreSimpleAndLabelled() {
        new Option("national", "国家级");
        new Option("1", "第一名");
        new Option("utility-model", "实用新型");
        for (String bad : new String[] {"", "-x", "a b", "国家", "x".repeat(41)}) {
            assertThrows(bad, IllegalArgumentException.class, () -> new Option(bad, "X"));
        }
        assertThrows(NullPointerException.class, () -> new Option(null, "X"));
        assertThrows(IllegalArgumentException.class, () -> new Option("x", " "));
    }
}
