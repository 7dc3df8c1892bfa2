package org.ceportal.ops.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.ceportal.learningform.api.Evaluation;
import org.ceportal.platform.api.FieldError;
import org.junit.Test;

/** Forms defined without Java: what a definition must satisfy, and how each rule makes the hours. */
public class DefinedFormTest {
    private static final FormDefinition.FieldDefinition TITLE =
            new FormDefinition.FieldDefinition("title", "活动名称", "text", true, null, null, 50, null, null);
    private static final FormDefinition.FieldDefinition DAYS =
            new FormDefinition.FieldDefinition("days", "天数", "number", true, BigDecimal.ONE, new BigDecimal("30"), null, null, null);
    private static final FormDefinition.FieldDefinition LEVEL = new FormDefinition.FieldDefinition("level", "级别", "choice", true,
            null, null, null, List.of(new FormDefinition.OptionDefinition("national", "国家级"),
                    new FormDefinition.OptionDefinition("provincial", "省级")), null);
    private static final FormDefinition.FieldDefinition RANK = new FormDefinition.FieldDefinition("rank", "名次", "choice", true,
            null, null, null, List.of(new FormDefinition.OptionDefinition("first", "一等奖"),
                    new FormDefinition.OptionDefinition("second", "二等奖")), null);

    private static FormDefinition define(List<FormDefinition.FieldDefinition> fields, FormDefinition.Rule rule, String maxPerItem) {
        return new FormDefinition("volunteer-teaching", "支教志愿服务", "HOURS", "PROFESSIONAL", null, fields, rule,
                maxPerItem == null ? null : new BigDecimal(maxPerItem), null, null);
    }

    private static BigDecimal hours(DefinedForm f, Map<String, Object> values) {
        Evaluation e = f.evaluate(values);
        assertTrue(e.errors().toString(), e.isValid());
        return e.proposed();
    }

    @Test
    public void eachRuleMakesTheHours() {
        DefinedForm fixed = new DefinedForm(define(List.of(TITLE), new FormDefinition.Rule("per_item", new BigDecimal("6"),
                null, null, null, null, null), null), "1.0.0");
        assertEquals(0, hours(fixed, Map.of("title", "送教下乡")).compareTo(new BigDecimal("6")));
        assertEquals("每项 6 学时", fixed.evaluate(Map.of("title", "送教下乡")).explanation());

        DefinedForm perDay = new DefinedForm(define(List.of(TITLE, DAYS), new FormDefinition.Rule("per_amount", null, "days",
                new BigDecimal("8"), null, null, null), "40"), "1.0.0");
        assertEquals(0, hours(perDay, Map.of("title", "送教", "days", 3)).compareTo(new BigDecimal("24")));
        assertEquals(0, hours(perDay, Map.of("title", "送教", "days", 10)).compareTo(new BigDecimal("40")));
        assertEquals("days", perDay.evaluate(Map.of("title", "送教", "days", 31)).errors().get(0).field());

        DefinedForm table = new DefinedForm(define(List.of(TITLE, LEVEL, RANK), new FormDefinition.Rule("table", null, null, null,
                "level", "rank", Map.of("national", Map.of("first", new BigDecimal("30"), "second", new BigDecimal("20")),
                        "provincial", Map.of("first", new BigDecimal("15"), "second", new BigDecimal("10")))), null), "1.2.0");
        assertEquals(0, hours(table, Map.of("title", "说课比赛", "level", "provincial", "rank", "second")).compareTo(BigDecimal.TEN));
        assertEquals("省级，二等奖：10 学时", table.evaluate(Map.of("title", "说课比赛", "level", "provincial", "rank", "second")).explanation());
        assertEquals("1.2.0", table.description().version());
    }

    @Test
    public void aBadDefinitionIsNamedFieldByField() {
        FormDefinition.FieldDefinition script = new FormDefinition.FieldDefinition("x", "脚本", "javascript", true, null, null,
                null, null, null);
        List<FieldError> errors = FormDefinitions.check(new FormDefinition("Bad Id", "", "MINUTES", "ALL", null,
                List.of(TITLE, script, TITLE), new FormDefinition.Rule("per_amount", null, "title", null, null, null, null), null,
                null, null));
        List<String> fields = errors.stream().map(FieldError::field).toList();
        assertTrue(fields.toString(), fields.containsAll(List.of("id", "name", "kind", "category", "fields[1].type",
                "fields[2].key", "rule.field", "rule.hoursPerUnit", "maxPerItem")));
        assertTrue(errors.stream().allMatch(e -> e.message().codePoints().anyMatch(c -> c >= 0x4E00)));
        // a table needs every combination
        List<FieldError> missing = FormDefinitions.check(define(List.of(LEVEL, RANK), new FormDefinition.Rule("table", null, null,
                null, "level", "rank", Map.of("national", Map.of("first", BigDecimal.ONE))), null));
        assertEquals("rule.table", missing.get(0).field());
        assertFalse(FormDefinitions.check(define(List.of(TITLE), new FormDefinition.Rule("per_item", BigDecimal.ONE, null, null,
                null, null, null), null)).iterator().hasNext());
    }

    @Test
    public void aProofFieldCountsFiles() {
        FormDefinition.FieldDefinition proof = new FormDefinition.FieldDefinition("proof", "证明材料", "attachment", true,
                BigDecimal.ONE, new BigDecimal("3"), null, null, null);
        DefinedForm f = new DefinedForm(define(List.of(TITLE, proof), new FormDefinition.Rule("per_item", BigDecimal.TEN, null, null,
                null, null, null), null), "1.0.0");
        assertEquals("证明材料", f.description().field("proof").orElseThrow().label());
        FormDefinition.FieldDefinition half = new FormDefinition.FieldDefinition("proof", "证明材料", "attachment", true,
                new BigDecimal("0.5"), null, null, null, null);
        assertEquals("fields[1].min", FormDefinitions.check(define(List.of(TITLE, half), new FormDefinition.Rule("per_item",
                BigDecimal.TEN, null, null, null, null, null), null)).get(0).field());
    }

    @Test
    public void aStoredDefinitionIsReadBackOrRefusedWithItsReason() {
        String json = "{\"id\":\"reading-club\",\"name\":\"读书会\",\"kind\":\"HOURS\",\"category\":\"GENERAL\",\"fields\":[{\"key\":"
                + "\"books\",\"label\":\"书目数\",\"type\":\"number\",\"required\":true,\"min\":1,\"max\":20}],\"rule\":{\"type\":"
                + "\"per_amount\",\"field\":\"books\",\"hoursPerUnit\":2},\"maxPerItem\":10}";
        DefinedForm f = FormDefiner.make(Map.of("definition", json, "revision", "2"), "test");
        assertEquals("1.2.0", f.description().version());
        assertEquals(0, hours(f, Map.of("books", 6)).compareTo(BigDecimal.TEN));
        assertThrows(IllegalArgumentException.class, () -> FormDefiner.make(Map.of("definition", "{not json"), "test"));
        assertThrows(IllegalArgumentException.class,
                () -> FormDefiner.make(Map.of("definition", json.replace(",\"maxPerItem\":10", "")), "test"));
    }
}
