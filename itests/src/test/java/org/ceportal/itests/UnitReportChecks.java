package org.ceportal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * 单位统计报表 over real HTTP, on a unit of its own: the numbers agree with each person's
 * own 年度完成情况; 未达标 filters; the CSV has the people with Chinese intact; the unit comes
 * from the admin (another unit's admin never sees these people); a professional gets 403.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class UnitReportChecks extends ReviewTestBase {
    private static final String REPORT_ADMIN = "report.admin1";

    private long reportUnit() throws Exception {
        JsonNode units = http.get("/api/directory/regions/410300/units?size=10").json().path("items");
        long first = accounts().unitId("第一高级中学");
        int seen = 0;
        for (JsonNode u : units) {
            if (u.path("id").asLong() != first && ++seen == 3) {
                return u.path("id").asLong();
            }
        }
        throw new AssertionError("no third unit");
    }

    @Test
    public void theUnitsNumbersAgreeWithEachPersonsOwnPage() throws Exception {
        Accounts a = accounts();
        long unit = reportUnit();
        Http busy = a.professional(unit, Accounts.idNumber("41030219870808111"), "统计甲", PASSWORD, REPORT_ADMIN);
        Http idle = a.professional(unit, Accounts.idNumber("41030219870808120"), "统计乙", PASSWORD, REPORT_ADMIN);
        Http admin = a.loginAs("unit_admin", REPORT_ADMIN, Accounts.STAFF_PASSWORD);
        long approved = declare(busy, 3);
        declare(busy, 2); // stays pending
        decide(admin, approved, "{\"decision\":\"approve\"}");

        JsonNode report = admin.get("/api/unit/reports/completion?year=" + YEAR + "&size=200").json();
        assertEquals(YEAR, report.path("year").asInt());
        assertEquals(2, report.path("summary").path("people").asInt());
        assertEquals(1, report.path("summary").path("pendingReviews").asInt());
        assertEquals(24, report.path("summary").path("totals").get(0).path("professional").asInt());
        for (Http person : new Http[] {busy, idle}) {
            long id = person.get("/api/me").json().path("accountId").asLong();
            JsonNode own = person.get("/api/me/completion").json().path("items").get(0);
            JsonNode line = null;
            for (JsonNode l : report.path("people").path("items")) {
                if (l.path("accountId").asLong() == id) {
                    line = l;
                }
            }
            assertTrue(report.toString(), line != null);
            assertEquals(own.path("approved").path("total").asInt(), line.path("approved").path("total").asInt());
            assertEquals(own.path("met").asText(), line.path("met").asText());
            assertEquals(own.path("unit").asText(), line.path("unit").asText());
        }
        JsonNode notMet = admin.get("/api/unit/reports/completion?year=" + YEAR + "&met=false&sort=total&dir=desc").json();
        assertEquals(2, notMet.path("people").path("total").asInt());
        assertEquals("统计甲", notMet.path("people").path("items").get(0).path("name").asText());
        assertEquals(1, admin.get("/api/unit/reports/completion?year=" + YEAR + "&q=" + Http.q("统计乙")).json()
                .path("people").path("total").asInt());

        Http.Download csv = admin.download("/api/unit/reports/completion.csv?year=" + YEAR + "&sort=name");
        assertEquals(200, csv.status());
        assertTrue(csv.contentType(), csv.contentType().startsWith("text/csv"));
        assertTrue(csv.disposition(), csv.disposition().contains("filename*=UTF-8''"));
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertTrue("a BOM so that Excel reads UTF-8", text.startsWith("\uFEFF"));
        assertTrue(text, text.contains("统计甲") && text.contains("统计乙") && text.contains("未达标") && text.contains(String.valueOf(YEAR)));

        List<List<String>> book = SpreadsheetText.ofXlsx(
                admin.download("/api/unit/reports/completion.xlsx?year=" + YEAR + "&met=false&sort=name").body());
        assertEquals(String.valueOf(YEAR), book.get(0).get(3));
        assertEquals("24", SpreadsheetText.row(book, "统计甲").get(5));
        assertEquals("未达标", SpreadsheetText.row(book, "统计乙").get(10));
        assertEquals("the heading, the rule, the columns and the two people", 5, book.size());

        // another unit's admin sees their own unit only; a professional sees none
        JsonNode other = admin().get("/api/unit/reports/completion?year=" + YEAR + "&q=" + Http.q("统计")).json();
        assertEquals(0, other.path("people").path("total").asInt());
        assertProblem(busy.get("/api/unit/reports/completion"), 403, "forbidden");
        assertProblem(busy.get("/api/unit/reports/completion.csv"), 403, "forbidden");
        assertProblem(busy.get("/api/unit/reports/completion.xlsx"), 403, "forbidden");
        assertProblem(admin.get("/api/unit/reports/completion.pdf"), 404, "unknown_format");
        assertProblem(admin.get("/api/unit/reports/completion?year=1999"), 400, "validation_failed");
        assertProblem(admin.get("/api/unit/reports/completion?sort=salary"), 400, "validation_failed");
    }
}
