package org.ceportal.learningform.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;

public class FieldValuesTest {
    private static final FormDescription FORM = new FormDescription("sample", "1.0.0", "样例", DeclarationKind.HOURS,
            SubjectCategory.CHOICE, null, List.of(
                    Field.text("organiser", "主办单位").required().maxLength(10).build(),
                    Field.text("code", "编号").pattern("[A-Z]{2}\\d{2}").build(),
                    Field.longText("notes", "备注").maxLength(20).build(),
                    Field.number("days", "天数").required().min(new BigDecimal("0.5")).max(365).build(),
                    Field.year("year", "年份").min(2000).max(2100).build(),
                    Field.date("passed", "通过日期").build(),
                    Field.dateRange("period", "培训日期").required().build(),
                    Field.choice("level", "级别", new Option("national", "国家级"), new Option("provincial", "省级"))
                            .required().build(),
                    Field.attachment("files", "证明材料").min(1).max(2).build()),
            BigDecimal.valueOf(90), null);

    private static Map<String, Object> valid() {
        Map<String, Object> m = new HashMap<>();
        m.put("organiser", "  省人社厅 ");
        m.put("days", 3);
        m.put("period", Map.of("from", "2024-03-15", "to", "2024-03-17"));
        m.put("level", "national");
        return m;
    }

    private static Map<String, Object> with(String key, Object value) {
        Map<String, Object> m = valid();
        m.put(key, value);
        return m;
    }

    private static void assertOnlyError(Map<String, Object> values, String field, String message) {
        FieldValues v = FieldValues.check(FORM, values);
        assertEquals(List.of(new FieldError(field, message)), v.errors());
        assertFalse(v.isValid());
        assertFalse(v.has(field));
    }

    @Test
    public void validValuesGiveTypedGetters() {
        Map<String, Object> m = valid();
        m.put("code", "AB12");
        m.put("notes", "第一行\n第二行\t缩进");
        m.put("year", 2024);
        m.put("passed", "2024-02-29");
        m.put("files", List.of("a1", 7));
        m.put("unknown", new Object());
        FieldValues v = FieldValues.check(FORM, m);
        assertTrue(v.errors().toString(), v.isValid());
        assertEquals("省人社厅", v.text("organiser"));
        assertEquals("AB12", v.text("code"));
        assertEquals("第一行\n第二行\t缩进", v.text("notes"));
        assertEquals(BigDecimal.valueOf(3), v.decimal("days"));
        assertEquals(Integer.valueOf(3), v.integer("days"));
        assertEquals(Integer.valueOf(2024), v.integer("year"));
        assertEquals(LocalDate.of(2024, 2, 29), v.date("passed"));
        assertEquals(LocalDate.of(2024, 3, 15), v.dateFrom("period"));
        assertEquals(LocalDate.of(2024, 3, 17), v.dateTo("period"));
        assertEquals("national", v.choice("level"));
        assertEquals(List.of("a1", "7"), v.attachments("files"));
        assertTrue(v.has("organiser"));
    }

    @Test
    public void absentOptionalValuesAreNull() {
        FieldValues v = FieldValues.check(FORM, valid());
        assertTrue(v.isValid());
        assertNull(v.text("code"));
        assertNull(v.integer("year"));
        assertNull(v.date("passed"));
        assertEquals(List.of(), v.attachments("files"));
        assertFalse(v.has("code"));
    }

    @Test
    public void missingRequiredValuesAreNamed() {
        FieldValues v = FieldValues.check(FORM, Map.of());
        assertEquals(List.of(
                new FieldError("organiser", "请填写主办单位"),
                new FieldError("days", "请填写天数"),
                new FieldError("period", "请填写培训日期"),
                new FieldError("level", "请选择级别")), v.errors());
        assertEquals(v.errors(), FieldValues.check(FORM, null).errors());
    }

    @Test
    public void blankStringsAndEmptyRangesAreMissing() {
        Map<String, Object> m = new HashMap<>();
        m.put("organiser", "   ");
        m.put("days", "");
        m.put("period", Map.of("from", "", "to", " "));
        m.put("level", null);
        assertEquals(4, FieldValues.check(FORM, m).errors().size());
    }

    @Test
    public void requiredAttachmentsAskForUpload() {
        FormDescription d = new FormDescription("files", "1.0.0", "附件", DeclarationKind.HOURS,
                SubjectCategory.CHOICE, null, List.of(Field.attachment("proof", "证书扫描件").required().build()),
                BigDecimal.TEN, null);
        assertEquals(List.of(new FieldError("proof", "请上传证书扫描件")), FieldValues.check(d, Map.of("proof", List.of())).errors());
    }

    @Test
    public void textMustBeAString() {
        assertOnlyError(with("organiser", 12), "organiser", "主办单位应为文本");
    }

    @Test
    public void textLengthCountsCharactersNotBytes() {
        FieldValues ok = FieldValues.check(FORM, with("organiser", "河南省人力资源社会保"));
        assertTrue(ok.isValid());
        assertOnlyError(with("organiser", "河南省人力资源社会保障"), "organiser", "主办单位不能超过 10 个字");
        assertTrue(FieldValues.check(FORM, with("organiser", "😀".repeat(10))).isValid());
    }

    @Test
    public void singleLineTextRejectsLineBreaks() {
        assertOnlyError(with("organiser", "省\n人社厅"), "organiser", "主办单位不能包含换行、控制字符或不可见的方向控制字符");
        assertOnlyError(with("notes", "a\u0000b"), "notes", "备注不能包含控制字符或不可见的方向控制字符");
    }

    @Test
    public void textThatHidesOrReordersWhatAReviewerSeesIsRefused() {
        // a right-to-left override makes 申报.exe look like 申报exe.pdf
        assertOnlyError(with("organiser", "省\u202E人社厅"), "organiser", "主办单位不能包含换行、控制字符或不可见的方向控制字符");
        assertOnlyError(with("notes", "第一行\u2067x"), "notes", "备注不能包含控制字符或不可见的方向控制字符");
        assertOnlyError(with("notes", "a\u0085b"), "notes", "备注不能包含控制字符或不可见的方向控制字符");
        assertOnlyError(with("notes", "a\uD800b"), "notes", "备注不能包含控制字符或不可见的方向控制字符");
        assertTrue("tabs and line breaks in long text are fine", FieldValues.check(FORM, with("notes", "第一行\n\t第二行")).isValid());
    }

    @Test
    public void patternMustMatchTheWholeText() {
        assertTrue(FieldValues.check(FORM, with("code", " AB12 ")).isValid());
        assertOnlyError(with("code", "AB123"), "code", "编号格式不正确");
        assertOnlyError(with("code", "ab12"), "code", "编号格式不正确");
    }

    @Test
    public void numbersComeAsNumbersOrNumericStrings() {
        assertEquals(new BigDecimal("2.5"), FieldValues.check(FORM, with("days", "2.5")).decimal("days"));
        assertEquals(new BigDecimal("2.5"), FieldValues.check(FORM, with("days", 2.5d)).decimal("days"));
        assertEquals(new BigDecimal("2.5"), FieldValues.check(FORM, with("days", 2.5f)).decimal("days"));
        assertEquals(new BigDecimal("3"), FieldValues.check(FORM, with("days", 3L)).decimal("days"));
        assertEquals(new BigDecimal("3"), FieldValues.check(FORM, with("days", BigInteger.valueOf(3))).decimal("days"));
        assertEquals(new BigDecimal("3.50"), FieldValues.check(FORM, with("days", new BigDecimal("3.50"))).decimal("days"));
        assertEquals(new BigDecimal("4"), FieldValues.check(FORM, with("days", " +4 ")).decimal("days"));
    }

    @Test
    public void nonNumbersAreRejected() {
        for (Object bad : new Object[] {"three", "1e3", "1,5", ".5", "5.", "0x10", true, List.of(3), Map.of(),
                Double.NaN, Double.POSITIVE_INFINITY, "9".repeat(41)}) {
            assertOnlyError(with("days", bad), "days", "天数应为数字");
        }
    }

    @Test
    public void numbersHaveAtMostTwoDecimals() {
        assertTrue(FieldValues.check(FORM, with("days", "2.25")).isValid());
        assertTrue(FieldValues.check(FORM, with("days", "2.2500")).isValid());
        assertOnlyError(with("days", "2.125"), "days", "天数最多保留两位小数");
    }

    @Test
    public void hugeNumbersAreOutOfRange() {
        assertOnlyError(with("days", "1000000000000"), "days", "天数超出允许范围");
        assertOnlyError(with("days", 1e300), "days", "天数超出允许范围");
    }

    @Test
    public void numberBoundsAreInclusive() {
        assertTrue(FieldValues.check(FORM, with("days", "0.5")).isValid());
        assertTrue(FieldValues.check(FORM, with("days", 365)).isValid());
        assertOnlyError(with("days", "0.49"), "days", "天数不能小于 0.5");
        assertOnlyError(with("days", 366), "days", "天数不能大于 365");
        assertOnlyError(with("days", -1), "days", "天数不能小于 0.5");
    }

    @Test
    public void integerRejectsFractions() {
        FieldValues v = FieldValues.check(FORM, with("days", "2.5"));
        assertTrue(v.isValid());
        assertNull(v.integer("days"));
        assertEquals(List.of(new FieldError("days", "天数应为整数")), v.errors());
        assertNull("asking twice adds no second error", v.integer("days"));
        assertEquals(1, v.errors().size());
        assertFalse(v.has("days"));
        assertEquals(Integer.valueOf(2), FieldValues.check(FORM, with("days", "2.00")).integer("days"));
    }

    @Test
    public void yearsAreFourDigitWholeNumbersWithinBounds() {
        assertEquals(Integer.valueOf(2024), FieldValues.check(FORM, with("year", "2024")).integer("year"));
        assertEquals(Integer.valueOf(2024), FieldValues.check(FORM, with("year", 2024L)).integer("year"));
        for (Object bad : new Object[] {"2024.5", "24", 99999, "二〇二四", true}) {
            assertOnlyError(with("year", bad), "year", "年份应为四位年份");
        }
        assertOnlyError(with("year", 1999), "year", "年份不能小于 2000");
        assertOnlyError(with("year", 2101), "year", "年份不能大于 2100");
    }

    @Test
    public void datesAreIsoStrings() {
        for (Object bad : new Object[] {"2024/03/15", "15-03-2024", "2024-3-15", "2024-03-15T00:00", 20240315, "+12024-03-15"}) {
            assertOnlyError(with("passed", bad), "passed", "通过日期格式应为 年-月-日");
        }
        assertOnlyError(with("passed", "2023-02-29"), "passed", "通过日期不是有效的日期");
        assertOnlyError(with("passed", "2024-13-01"), "passed", "通过日期不是有效的日期");
    }

    @Test
    public void dateRangesNeedBothEndsInOrder() {
        assertTrue(FieldValues.check(FORM, with("period", Map.of("from", "2024-03-15", "to", "2024-03-15"))).isValid());
        assertOnlyError(with("period", Map.of("from", "2024-03-17", "to", "2024-03-15")), "period", "结束日期不能早于开始日期");
        assertOnlyError(with("period", Map.of("from", "2024-03-17")), "period", "请填写培训日期的结束日期");
        assertOnlyError(with("period", Map.of("to", "2024-03-17")), "period", "请填写培训日期的开始日期");
        assertOnlyError(with("period", Map.of("from", "2024/03/15", "to", "2024-03-17")), "period",
                "培训日期的开始日期格式应为 年-月-日");
        assertOnlyError(with("period", Map.of("from", "2024-03-15", "to", "2024-02-30")), "period",
                "培训日期的结束日期不是有效的日期");
        assertOnlyError(with("period", "2024-03-15"), "period", "培训日期格式不正确");
        assertOnlyError(with("period", List.of("2024-03-15", "2024-03-17")), "period", "培训日期格式不正确");
    }

    @Test
    public void choicesMustBeOneOfTheOptions() {
        assertEquals("provincial", FieldValues.check(FORM, with("level", " provincial ")).choice("level"));
        for (Object bad : new Object[] {"city", "国家级", "National", 1, true}) {
            assertOnlyError(with("level", bad), "level", "请从列表中选择级别");
        }
    }

    @Test
    public void attachmentsAreDistinctIdsWithinCountBounds() {
        assertOnlyError(with("files", "a1"), "files", "证明材料格式不正确");
        assertOnlyError(with("files", List.of("a1", Map.of())), "files", "证明材料格式不正确");
        assertOnlyError(with("files", List.of("a1", " ")), "files", "证明材料格式不正确");
        assertOnlyError(with("files", List.of("x".repeat(101))), "files", "证明材料格式不正确");
        assertOnlyError(with("files", List.of("a1", "a1")), "files", "证明材料包含重复的文件");
        assertOnlyError(with("files", List.of("a1", "a2", "a3")), "files", "证明材料最多 2 个文件");
        FormDescription two = new FormDescription("files", "1.0.0", "附件", DeclarationKind.HOURS,
                SubjectCategory.CHOICE, null, List.of(Field.attachment("proof", "证书").min(2).build()),
                BigDecimal.TEN, null);
        assertEquals(List.of(new FieldError("proof", "证书至少需要 2 个文件")),
                FieldValues.check(two, Map.of("proof", List.of("a"))).errors());
    }

    @Test
    public void errorsComeInFieldOrder() {
        Map<String, Object> m = valid();
        m.put("organiser", 1);
        m.put("level", "x");
        m.put("days", "x");
        assertEquals(List.of("organiser", "days", "level"),
                FieldValues.check(FORM, m).errors().stream().map(FieldError::field).toList());
    }

    @Test
    public void rulesAddTheirOwnErrors() {
        FieldValues v = FieldValues.check(FORM, valid());
        Evaluation e = v.reject("days", "天数不能超过起止日期内的 3 天").invalid();
        assertEquals(List.of(new FieldError("days", "天数不能超过起止日期内的 3 天")), e.errors());
        assertFalse(v.isValid());
        assertThrows(IllegalArgumentException.class, () -> v.reject("nope", "x"));
        assertThrows(IllegalStateException.class, () -> FieldValues.check(FORM, valid()).invalid());
    }

    @Test
    public void gettersRejectUnknownKeysAndWrongTypes() {
        FieldValues v = FieldValues.check(FORM, valid());
        assertThrows(IllegalArgumentException.class, () -> v.text("nope"));
        assertThrows(IllegalArgumentException.class, () -> v.has("nope"));
        assertThrows(IllegalArgumentException.class, () -> v.decimal("organiser"));
        assertThrows(IllegalArgumentException.class, () -> v.text("days"));
        assertThrows(IllegalArgumentException.class, () -> v.integer("organiser"));
        assertThrows(IllegalArgumentException.class, () -> v.date("period"));
        assertThrows(IllegalArgumentException.class, () -> v.dateFrom("passed"));
        assertThrows(IllegalArgumentException.class, () -> v.choice("organiser"));
        assertThrows(IllegalArgumentException.class, () -> v.attachments("organiser"));
    }

    @Test
    public void errorListsAreSnapshots() {
        FieldValues v = FieldValues.check(FORM, Map.of());
        List<FieldError> errors = v.errors();
        assertThrows(UnsupportedOperationException.class, () -> errors.add(new FieldError("x", "y")));
        v.reject("days", "另一个错误");
        assertEquals(errors.size() + 1, v.errors().size());
    }

    @Test
    public void strangeInputNeverThrows() {
        Object[] junk = {null, "", " ", 0, -1, 1e308, "x".repeat(20000), true, new Object(), List.of(), List.of(List.of()),
                Map.of(), Map.of("from", 1, "to", true), new ArrayList<>(List.of(new Object())), new int[] {1}};
        for (Object j : junk) {
            Map<String, Object> m = new HashMap<>();
            for (Field f : FORM.fields()) {
                m.put(f.key(), j);
            }
            FieldValues.check(FORM, m);
        }
    }
}
