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
 * 年度完成情况 over real HTTP: approved hours in their year and category, pending ones
 * only beside, 继续历程明细, and a rule added for next year that leaves this year alone.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class CompletionChecks extends ReviewTestBase {

    private static JsonNode year(JsonNode items, int year) {
        for (JsonNode i : items) {
            if (i.path("year").asInt() == year) {
                return i;
            }
        }
        throw new AssertionError(year + " not in " + items);
    }

    @Test
    public void approvedHoursCountInTheirYearAndCategoryPendingOnesOnlyBeside() throws Exception {
        Http me = professional("41030219870202111", "完成甲");
        long approved = declare(me, 3); // 24 学时 专业科目
        long rejected = declare(me, 1);
        declare(me, 2); // stays pending: 16 学时
        Http admin = admin();
        decide(admin, approved, "{\"decision\":\"approve\",\"approvedHours\":20,\"reason\":\"按实际出勤核定\"}");
        decide(admin, rejected, "{\"decision\":\"reject\",\"reason\":\"证明材料不清晰或不完整\"}");

        JsonNode items = me.get("/api/me/completion").json().path("items");
        assertEquals(YEAR, items.get(0).path("year").asInt()); // newest first
        JsonNode now = year(items, YEAR);
        assertEquals("学时", now.path("unit").asText());
        assertEquals(90, now.path("required").path("total").asInt());
        assertEquals(30, now.path("required").path("general").asInt());
        assertEquals(20, now.path("approved").path("professional").asInt());
        assertEquals(0, now.path("approved").path("general").asInt());
        assertEquals(20, now.path("approved").path("total").asInt());
        assertEquals(16, now.path("pending").asInt());
        assertEquals(false, now.path("met").asBoolean());

        JsonNode detail = me.get("/api/me/completion/" + YEAR).json();
        assertEquals(1, detail.path("items").size());
        JsonNode item = detail.path("items").get(0);
        assertEquals(approved, item.path("declarationId").asLong());
        assertEquals("专业科目", item.path("categoryName").asText());
        assertEquals(20, item.path("countedHours").asInt());
        assertProblem(me.get("/api/me/completion/1800"), 404, "year_not_found");
        assertProblem(admin.get("/api/me/completion"), 403, "forbidden");
    }

    @Test
    public void aRuleAddedForNextYearLeavesThisYearAlone() throws Exception {
        Http me = professional("41030219870202120", "完成乙");
        Http ops = accounts().ops();
        JsonNode before = ops.get("/api/ops/requirements").json().path("items");
        assertTrue(before.toString(), before.size() >= 1);
        JsonNode general = before.get(0);
        String original = "{\"items\":" + before + "}";
        String added = "{\"items\":[" + general + ",{\"fromYear\":" + (YEAR + 1) + ",\"titleSeries\":null,\"kind\":\"HOURS\","
                + "\"total\":120,\"general\":40,\"professional\":80}]}";
        try {
            assertProblem(ops.put("/api/ops/requirements", "{\"items\":[{\"fromYear\":1800,\"kind\":\"HOURS\",\"total\":1,"
                    + "\"general\":1,\"professional\":1}]}"), 400, "validation_failed");
            assertProblem(me.put("/api/ops/requirements", added), 403, "forbidden");
            Http.Answer saved = ops.put("/api/ops/requirements", added);
            assertEquals(saved.body(), 200, saved.status());
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (ops.get("/api/ops/requirements").json().path("items").size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(100); // the new factory configuration activates its component
            }
            assertEquals(2, ops.get("/api/ops/requirements").json().path("items").size());
            assertEquals(general.path("total").asInt(), year(me.get("/api/me/completion").json().path("items"), YEAR)
                    .path("required").path("total").asInt());
        } finally {
            assertEquals(200, ops.put("/api/ops/requirements", original).status());
        }
    }
}
