package org.ceportal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * 全省统计 for provincial ops over real HTTP, on a unit of its own: every region is listed and
 * adds up to the province; the region's unit and the unit's people agree with the people's own
 * 年度完成情况 and with the unit admin's report; the Excel files, opened by LibreOffice, hold the
 * same values as the API; only ops get in.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ProvinceReportChecks extends ReviewTestBase {
    private static final String UNIT_ADMIN = "province.admin1";

    /** The fourth unit of 洛阳市 (the first three belong to other checks). */
    private long provinceUnit() throws Exception {
        JsonNode units = http.get("/api/directory/regions/410300/units?size=10").json().path("items");
        long first = accounts().unitId("第一高级中学");
        int seen = 0;
        for (JsonNode u : units) {
            if (u.path("id").asLong() != first && ++seen == 4) {
                return u.path("id").asLong();
            }
        }
        throw new AssertionError("no fourth unit");
    }

    @Test
    public void opsSeeEveryRegionAndDrillDownToAUnitsPeople() throws Exception {
        if (ensure("org.ceportal.reporting.province", Map.of("cacheSeconds", "0"))) {
            Thread.sleep(2000); // computed afresh on every call from now on
        }
        Accounts a = accounts();
        long unit = provinceUnit();
        Http busy = a.professional(unit, Accounts.idNumber("41030219880909111"), "省报甲", PASSWORD, UNIT_ADMIN);
        Http idle = a.professional(unit, Accounts.idNumber("41030219880909120"), "省报乙", PASSWORD, UNIT_ADMIN);
        Http admin = a.loginAs("unit_admin", UNIT_ADMIN, Accounts.STAFF_PASSWORD);
        decide(admin, declare(busy, 4), "{\"decision\":\"approve\"}");
        declare(idle, 1); // waits
        Http ops = a.ops();

        JsonNode dash = awaitOk(ops, "/api/ops/reports/regions?year=" + YEAR);
        assertEquals(YEAR, dash.path("year").asInt());
        assertEquals("the 19 regions, every one listed", 19, dash.path("regions").size());
        int people = 0;
        int met = 0;
        JsonNode luoyang = null;
        for (JsonNode r : dash.path("regions")) {
            people += r.path("people").asInt();
            met += r.path("met").asInt();
            if ("410300".equals(r.path("key").asText())) {
                luoyang = r;
            }
        }
        assertEquals(dash.path("summary").path("people").asInt(), people);
        assertEquals(dash.path("summary").path("met").asInt(), met);
        assertTrue(dash.toString(), luoyang != null && luoyang.path("people").asInt() >= 2);
        assertEquals(12, dash.path("months").size());
        assertTrue(dash.path("summary").path("pendingReviews").asInt() >= 1);
        JsonNode training = null;
        for (JsonNode f : dash.path("forms")) {
            if ("training".equals(f.path("formId").asText()) && "HOURS".equals(f.path("kind").asText())) {
                training = f;
            }
        }
        assertTrue(dash.path("forms").toString(), training != null && training.path("approved").asInt() >= 1
                && training.path("declarations").asInt() >= 2);

        // region → unit → people
        String unitName = http.get("/api/directory/units/" + unit).json().path("name").asText();
        JsonNode units = ops.get("/api/ops/reports/regions/410300/units?year=" + YEAR + "&q=" + Http.q(unitName)).json();
        assertEquals("洛阳市", units.path("regionName").asText());
        JsonNode share = units.path("units").path("items").get(0);
        assertEquals(unit, share.path("unitId").asLong());
        assertEquals(2, share.path("people").asInt());
        JsonNode drill = ops.get("/api/ops/reports/units/" + unit + "/completion?year=" + YEAR + "&sort=name").json();
        JsonNode own = admin.get("/api/unit/reports/completion?year=" + YEAR + "&sort=name").json();
        assertEquals(own.path("summary").toString(), drill.path("summary").toString());
        assertEquals(share.path("met").asInt(), drill.path("summary").path("met").asInt());
        assertEquals(share.path("notMet").asInt(), drill.path("summary").path("notMet").asInt());
        JsonNode busyLine = null;
        for (Http person : new Http[] {busy, idle}) {
            long id = person.get("/api/me").json().path("accountId").asLong();
            JsonNode year = person.get("/api/me/completion").json().path("items").get(0);
            for (JsonNode l : drill.path("people").path("items")) {
                if (l.path("accountId").asLong() == id) {
                    assertEquals(year.path("approved").path("total").asInt(), l.path("approved").path("total").asInt());
                    assertEquals(year.path("metName").asText(), l.path("metName").asText());
                    if (person == busy) {
                        busyLine = l;
                    }
                }
            }
        }
        assertTrue(drill.toString(), busyLine != null && busyLine.path("approved").path("total").asInt() == 32);

        // the files, as LibreOffice reads them
        Http.Download xlsx = ops.download("/api/ops/reports/units/" + unit + "/completion.xlsx?year=" + YEAR);
        assertEquals(200, xlsx.status());
        assertTrue(xlsx.contentType(), xlsx.contentType().startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        assertTrue(xlsx.disposition(), xlsx.disposition().contains(".xlsx"));
        List<List<String>> rows = SpreadsheetText.ofXlsx(xlsx.body());
        assertEquals(unitName, rows.get(0).get(1));
        assertEquals(String.valueOf(YEAR), rows.get(0).get(3));
        List<String> busyRow = SpreadsheetText.row(rows, "省报甲");
        assertEquals("32", busyRow.get(6));
        assertEquals(busyLine.path("metName").asText(), busyRow.get(10));

        List<List<String>> regions = SpreadsheetText.ofXlsx(ops.download("/api/ops/reports/regions.xlsx?year=" + YEAR).body());
        assertEquals(luoyang.path("people").asText(), SpreadsheetText.row(regions, "洛阳市").get(1));
        assertEquals(dash.path("summary").path("people").asText(), SpreadsheetText.row(regions, "全省").get(1));

        Http.Download everyone = ops.download("/api/ops/reports/people.csv?year=" + YEAR + "&regionCode=410300");
        assertEquals(200, everyone.status());
        List<List<String>> lines = SpreadsheetText.ofCsv(new String(everyone.body(), StandardCharsets.UTF_8));
        assertEquals("heading, rule, columns, then one line per person", 3 + luoyang.path("people").asInt(), lines.size());
        List<String> line = SpreadsheetText.row(lines, "省报甲");
        assertEquals(List.of("洛阳市", unitName), line.subList(1, 3));
        assertEquals("32", line.get(8));
        List<List<String>> book = SpreadsheetText.ofXlsx(
                ops.download("/api/ops/reports/people.xlsx?year=" + YEAR + "&regionCode=410300").body());
        assertEquals(line.subList(0, 9), SpreadsheetText.row(book, "省报甲").subList(0, 9));
        assertEquals(SpreadsheetText.row(lines, "省报乙").get(12), SpreadsheetText.row(book, "省报乙").get(12));

        // ops only; unknown things are 404, bad input 400
        for (String path : new String[] {"/api/ops/reports/regions", "/api/ops/reports/regions.csv",
                "/api/ops/reports/regions/410300/units", "/api/ops/reports/units/" + unit + "/completion",
                "/api/ops/reports/units/" + unit + "/completion.xlsx", "/api/ops/reports/people.csv"}) {
            assertProblem(admin.get(path), 403, "forbidden");
            assertProblem(busy.get(path), 403, "forbidden");
        }
        assertProblem(ops.get("/api/ops/reports/regions/999999/units"), 404, "region_not_found");
        assertProblem(ops.get("/api/ops/reports/units/99999999/completion"), 404, "unit_not_found");
        assertProblem(ops.get("/api/ops/reports/regions.pdf"), 404, "unknown_format");
        assertProblem(ops.get("/api/ops/reports/regions?year=1999"), 400, "validation_failed");
        assertProblem(ops.get("/api/ops/reports/regions/410300/units?sort=salary"), 400, "validation_failed");
    }

    /** The answer once the resource is back (it restarts when its configuration changes). */
    private static JsonNode awaitOk(Http client, String path) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            Http.Answer a = client.get(path);
            if (a.status() == 200 || System.nanoTime() > deadline) {
                assertEquals(a.body(), 200, a.status());
                return a.json();
            }
            Thread.sleep(250);
        }
    }
}
