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
 * 学分申报 over real HTTP: an accountant (会计 series, whose rule counts 学分) declares a
 * 学时 form, sees 学分 in the 核算, the declaration and 年度完成情况; nothing mixes units.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class CreditChecks extends ReviewTestBase {

    @Test
    public void anAccountantDeclaresAndCountsInCredits() throws Exception {
        Http me = professional("41030219870707111", "学分甲");
        Http admin = admin();
        JsonNode p = me.get("/api/me/profile").json().path("profile");
        Http.Answer asked = me.put("/api/me/profile", "{\"version\":" + p.path("version").asInt() + ",\"mobile\":\""
                + p.path("mobile").asText() + "\",\"email\":\"" + p.path("email").asText() + "\",\"departmentId\":"
                + p.path("departmentId").asLong() + ",\"ethnicGroup\":\"" + p.path("ethnicGroup").asText()
                + "\",\"titleCode\":\"ACC-3\",\"titleObtainedOn\":\"" + (Dates.YEAR - 3) + "-06-01\"}");
        assertEquals(asked.body(), 202, asked.status());
        long change = admin.get("/api/review/title-changes?state=pending&q=" + Http.q("学分甲")).json().path("items").get(0)
                .path("id").asLong();
        assertEquals(200, admin.postWith("/api/review/title-changes/" + change + "/decision", "{\"decision\":\"approve\"}").status());

        Http ops = accounts().ops();
        JsonNode before = ops.get("/api/ops/requirements").json().path("items");
        String original = "{\"items\":" + before + "}";
        String withAccountants = "{\"items\":[" + before.get(0) + ",{\"fromYear\":1990,\"titleSeries\":\"ACC\",\"kind\":\"CREDITS\","
                + "\"total\":24,\"general\":8,\"professional\":16}]}";
        try {
            assertEquals(200, ops.put("/api/ops/requirements", withAccountants).status());
            // the new factory configuration activates its component a moment later: until then the year counts 学时
            long deadline = System.nanoTime() + 15_000_000_000L;
            while (!"学分".equals(me.get("/api/me/completion").json().path("items").get(0).path("unit").asText())
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            String values = "{\"courseName\":\"会计准则解读\",\"organiser\":\"洛阳市财政局\",\"period\":{\"from\":\"" + Dates.YEAR
                    + "-07-06\",\"to\":\"" + Dates.YEAR + "-07-08\"},\"measure\":\"days\",\"amount\":3}";
            JsonNode e = me.postWith("/api/learning-forms/training/evaluation", "{\"values\":" + values + ",\"year\":" + Dates.YEAR
                    + "}").json();
            assertEquals("学分", e.path("unit").asText());
            assertEquals("CREDITS", e.path("kind").asText());
            assertEquals(24, e.path("proposedHours").asInt()); // 1 学时 = 1 学分 by default
            assertTrue(e.path("explanation").asText(), e.path("explanation").asText().contains("折合"));
            JsonNode anonymous = http.fresh().post("/api/learning-forms/training/evaluation", "application/json",
                    "{\"values\":" + values + ",\"year\":" + Dates.YEAR + "}").json();
            assertEquals("学时", anonymous.path("unit").asText());

            long id = declare(me, 2);
            JsonNode declared = me.get("/api/declarations/" + id).json();
            assertEquals("学分", declared.path("unit").asText());
            assertEquals(16, declared.path("claimedHours").asInt());
            decide(admin, id, "{\"decision\":\"approve\"}");
            JsonNode year = me.get("/api/me/completion").json().path("items").get(0);
            assertEquals(Dates.YEAR, year.path("year").asInt());
            assertEquals("学分", year.path("unit").asText());
            assertEquals(24, year.path("required").path("total").asInt());
            assertEquals(16, year.path("approved").path("professional").asInt());
        } finally {
            assertEquals(200, ops.put("/api/ops/requirements", original).status());
        }
    }
}
