package org.ceportal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * What a reviewer looks at besides the decision, over real HTTP: the files inside a
 * ZIP proof one by one, the flags of a declaration made twice, and the unit's audit
 * log with its CSV export.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ReviewAuditChecks extends ReviewTestBase {

    @Test
    public void aZipProofOpensFileByFileAndATwiceDeclaredCourseIsFlagged() throws Exception {
        Http me = professional("41030219870202060", "审核庚");
        long first = declare(me, 2);
        Http.Answer up = me.upload("/api/attachments", "证书合集.zip", "application/zip",
                Samples.zip("结业证书.pdf", Samples.pdf("certificate 2"), "成绩单.pdf", Samples.pdf("transcript")));
        assertEquals(up.body(), 201, up.status());
        // the same course again, with the first one's certificate inside a ZIP
        Http.Answer again = me.postWith("/api/declarations", "{\"formId\":\"training\",\"year\":" + YEAR
                + ",\"category\":\"PROFESSIONAL\",\"values\":{\"courseName\":\"课堂教学融合 2\",\"organiser\":\"洛阳市教育局\","
                + "\"period\":{\"from\":\"" + Dates.YEAR + "-07-08\",\"to\":\"" + Dates.YEAR + "-07-09\"},\"measure\":\"days\",\"amount\":2},"
                + "\"attachmentIds\":[" + up.json().path("id").asLong() + "],\"submit\":true}");
        assertEquals(again.body(), 201, again.status());
        long second = again.json().path("id").asLong();
        Http admin = admin();

        JsonNode view = admin.get("/api/review/declarations/" + second).json();
        JsonNode flags = view.path("duplicates");
        assertEquals(flags.toString(), 1, flags.size());
        assertEquals("same_activity", flags.get(0).path("kind").asText());
        assertEquals(first, flags.get(0).path("declarationId").asLong());

        long zip = view.path("declaration").path("attachments").get(0).path("id").asLong();
        String base = "/api/review/declarations/" + second + "/attachments/" + zip;
        JsonNode entries = admin.get(base + "/entries").json().path("items");
        assertEquals(2, entries.size());
        assertEquals("成绩单.pdf", entries.get(1).path("name").asText());
        Http.Download entry = admin.download(base + "/entries/1");
        assertEquals(200, entry.status());
        assertEquals("application/pdf", entry.contentType());
        assertTrue(entry.disposition(), entry.disposition().startsWith("inline;"));
        assertEquals(new String(Samples.pdf("transcript"), StandardCharsets.ISO_8859_1),
                new String(entry.body(), StandardCharsets.ISO_8859_1));
        assertEquals(404, admin.download(base + "/entries/2").status());
        assertEquals(404, admin.download("/api/review/declarations/" + first + "/attachments/" + zip + "/entries/0").status());
        assertEquals(403, me.download(base + "/entries/0").status());
        long pdf = admin.get("/api/review/declarations/" + first).json().path("declaration").path("attachments").get(0)
                .path("id").asLong();
        assertProblem(admin.get("/api/review/declarations/" + first + "/attachments/" + pdf + "/entries"), 404,
                "attachment_not_found");
    }

    @Test
    public void theUnitsAuditLogIsSearchedAndExportedAndOtherUnitsSeeNothingOfIt() throws Exception {
        Http me = professional("41030219870202079", "审核辛");
        long id = declare(me, 1);
        Http admin = admin();
        decide(admin, id, "{\"decision\":\"reject\",\"reason\":\"证明材料不清晰或不完整\"}");

        JsonNode mine = admin.get("/api/review/audit?person=" + Http.q("审核辛")).json();
        assertTrue(mine.toString(), mine.path("total").asInt() >= 3); // register, login, upload, create...
        boolean created = false;
        for (JsonNode e : mine.path("items")) {
            assertEquals("审核辛", e.path("actorName").asText());
            created |= e.path("action").asText().equals("declaration_create") && e.path("actionName").asText().equals("新建申报");
        }
        assertTrue(mine.toString(), created);
        JsonNode decisions = admin.get("/api/review/audit?action=declaration_decision&person=" + ADMIN).json();
        assertTrue(decisions.toString(), decisions.path("total").asInt() >= 1);
        assertEquals("申报审核", decisions.path("items").get(0).path("actionName").asText());
        assertEquals("不通过", decisions.path("items").get(0).path("outcomeName").asText());
        JsonNode names = admin.get("/api/review/audit/actions").json().path("items");
        assertTrue(names.toString(), names.toString().contains("\"declaration_decision\"") && names.toString().contains("申报审核"));

        Http.Download csv = admin.download("/api/review/audit/export?person=" + Http.q("审核辛"));
        assertEquals(200, csv.status());
        assertTrue(csv.contentType(), csv.contentType().startsWith("text/csv"));
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF时间,姓名,账号,操作,对象,结果,IP 地址"));
        assertTrue(text, text.contains("新建申报") && text.contains("审核辛"));

        assertProblem(admin.get("/api/review/audit?from=2026-13-01"), 400, "validation_failed");
        assertProblem(admin.get("/api/review/audit?from=2026-12-31&to=2026-12-01"), 400, "validation_failed");
        assertEquals(0, admin.get("/api/review/audit?person=" + Http.q("审核辛") + "&to=2000-01-01").json().path("total").asInt());

        Accounts a = accounts();
        String otherLogin = "zhoucheng.audit";
        if (a.tryLogin(http.fresh(), "unit_admin", otherLogin, Accounts.STAFF_PASSWORD).status() != 200) {
            a.unitAdmin(a.unitId("轴承"), otherLogin);
        }
        Http other = a.loginAs("unit_admin", otherLogin, Accounts.STAFF_PASSWORD);
        assertEquals(0, other.get("/api/review/audit?person=" + Http.q("审核辛")).json().path("total").asInt());
        assertProblem(me.get("/api/review/audit"), 403, "forbidden");
        JsonNode everything = a.ops().get("/api/review/audit?person=" + Http.q("审核辛")).json();
        assertEquals(mine.path("total").asInt(), everything.path("total").asInt());
    }
}
