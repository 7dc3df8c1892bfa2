package org.ceportal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * 学习形式管理 › 数值配置 over real HTTP: ops read the training form's figures (names from its metatype), try a
 * change on sample values, are told field by field what is wrong with a bad change (nothing is saved), save a
 * good one: the next evaluation uses it, a declaration made before keeps its hours, a stale version is refused,
 * the change is audited, nobody but ops gets in, and the shell reads and changes the same.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class OpsFigureChecks extends ReviewTestBase {
    private static final String FIGURES = "/api/ops/learning-forms/figures/training";
    private static final String THREE_DAYS = "{\"courseName\":\"数值配置试算\",\"organiser\":\"洛阳市教育局\",\"period\":{\"from\":\""
            + Dates.YEAR + "-07-06\",\"to\":\"" + Dates.YEAR + "-07-08\"},\"measure\":\"days\",\"amount\":3}";

    private static JsonNode figure(JsonNode figures, String key) {
        for (JsonNode f : figures.path("figures")) {
            if (f.path("key").asText().equals(key)) {
                return f;
            }
        }
        throw new AssertionError("no figure " + key + " in " + figures);
    }

    private JsonNode evaluate() throws Exception {
        return http.post("/api/learning-forms/training/evaluation", "application/json", "{\"values\":" + THREE_DAYS + "}").json();
    }

    @Test
    public void opsPreviewAndChangeAFiguresWhichCountsForNewEvaluationsOnly() throws Exception {
        Http ops = accounts().ops();
        JsonNode read = ops.get(FIGURES).json();
        assertEquals("org.ceportal.learningform.training", read.path("pid").asText());
        assertTrue(read.path("previewable").asBoolean());
        JsonNode perDay = figure(read, "hoursPerDay");
        assertEquals("8", perDay.path("value").asText());
        assertEquals("8", perDay.path("defaultValue").asText());
        assertTrue("a Chinese label: " + perDay, perDay.path("name").asText().codePoints().anyMatch(c -> c >= 0x4E00));
        assertEquals(0, evaluate().path("proposedHours").decimalValue().compareTo(new java.math.BigDecimal("24")));

        JsonNode bad = assertProblem(ops.put(FIGURES, "{\"figures\":{\"hoursPerDay\":\"八\",\"minutesPerHour\":\"0\","
                + "\"noSuchFigure\":\"1\",\"maxPerItem\":\"\"}}"), 400, "validation_failed");
        assertEquals(bad.toString(), 4, bad.path("errors").size());
        assertProblem(ops.put("/api/ops/learning-forms/figures/no-such-form", "{\"figures\":{\"x\":\"1\"}}"), 404, "form_not_found");
        assertEquals("nothing saved", "8", figure(ops.get(FIGURES).json(), "hoursPerDay").path("value").asText());

        Http.Answer tried = ops.postWith(FIGURES + "/preview", "{\"figures\":{\"hoursPerDay\":\"6\"},\"values\":" + THREE_DAYS + "}");
        assertEquals(tried.body(), 200, tried.status());
        assertEquals(0, tried.json().path("current").path("proposedHours").decimalValue().compareTo(new java.math.BigDecimal("24")));
        assertEquals(0, tried.json().path("proposed").path("proposedHours").decimalValue().compareTo(new java.math.BigDecimal("18")));
        assertEquals("a preview saves nothing", 0, evaluate().path("proposedHours").decimalValue().compareTo(new java.math.BigDecimal("24")));

        Http me = professional("41030219870505033", "数值配置前的申报人");
        Http.Answer made = me.postWith("/api/declarations", "{\"formId\":\"training\",\"year\":" + YEAR
                + ",\"category\":\"PROFESSIONAL\",\"values\":" + THREE_DAYS + "}");
        assertEquals(made.body(), 201, made.status());
        long id = made.json().path("id").asLong();
        try {
            Http.Answer saved = ops.put(FIGURES, "{\"figures\":{\"hoursPerDay\":\"6\"},\"version\":" + read.path("version").asLong() + "}");
            assertEquals(saved.body(), 200, saved.status());
            assertEquals("6", figure(saved.json(), "hoursPerDay").path("value").asText());
            assertEquals("the next evaluation", 0, evaluate().path("proposedHours").decimalValue().compareTo(new java.math.BigDecimal("18")));
            assertEquals("a declaration made before keeps its hours", 0,
                    me.get("/api/declarations/" + id).json().path("proposedHours").decimalValue().compareTo(new java.math.BigDecimal("24")));
            assertProblem(ops.put(FIGURES, "{\"figures\":{\"hoursPerDay\":\"7\"},\"version\":" + read.path("version").asLong() + "}"),
                    409, "stale_version");
            JsonNode entry = ops.get("/api/review/audit?action=learning_form_figures").json().path("items").get(0);
            assertEquals("form:training", entry.path("subject").asText());
            assertEquals("修改学习形式数值", entry.path("actionName").asText());
        } finally {
            Http.Answer back = ops.put(FIGURES, "{\"figures\":{\"hoursPerDay\":\"8\"}}");
            assertEquals(back.body(), 200, back.status());
        }
        assertEquals(0, evaluate().path("proposedHours").decimalValue().compareTo(new java.math.BigDecimal("24")));
    }

    @Test
    public void onlyOpsAndTheShellTouchFigures() throws Exception {
        for (Http other : new Http[] {admin(), professional("41030219870606030", "数值查看者")}) {
            assertProblem(other.get(FIGURES), 403, "forbidden");
            assertProblem(other.put(FIGURES, "{\"figures\":{\"hoursPerDay\":\"1\"}}"), 403, "forbidden");
            assertProblem(other.postWith(FIGURES + "/preview", "{\"figures\":{\"hoursPerDay\":\"1\"}}"), 403, "forbidden");
        }
        String listed = execute("ceportal:form-figures training");
        assertTrue(listed, listed.contains("hoursPerDay") && listed.contains("minutesPerHour"));
        assertTrue(execute("ceportal:form-figures training hoursPerDay=x").contains("应为整数"));
        try {
            String changed = execute("ceportal:form-figures training maxPerItem=80");
            assertTrue(changed, changed.contains("已保存"));
            assertEquals(0, http.get("/api/learning-forms/training").json().path("maxPerItem").decimalValue()
                    .compareTo(new java.math.BigDecimal("80")));
        } finally {
            execute("ceportal:form-figures training maxPerItem=90");
        }
    }
}
