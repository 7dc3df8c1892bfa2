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
 * 用户资料管理 over real HTTP in the assembled distribution: locked fields, an edited
 * mobile in 变更记录, a title change through the unit admin (in force only when
 * approved), withdraw, one pending at most, stale versions, and 人员管理 — each only
 * for the own unit.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ProfileChecks extends ReviewTestBase {

    /** The profile's editable fields as the page sends them, with changes. */
    private static String body(JsonNode p, String mobile, String titleCode, String obtainedOn, String extra) {
        return "{\"version\":" + p.path("version").asInt() + ",\"mobile\":\"" + mobile + "\",\"email\":\""
                + p.path("email").asText() + "\",\"departmentId\":" + p.path("departmentId").asLong() + ",\"ethnicGroup\":\""
                + p.path("ethnicGroup").asText() + "\",\"titleCode\":\"" + titleCode + "\""
                + (obtainedOn == null ? "" : ",\"titleObtainedOn\":\"" + obtainedOn + "\"") + extra + "}";
    }

    @Test
    public void lockedFieldsAreRefusedAndAnEditedMobileIsInTheHistory() throws Exception {
        Http me = professional("41030219870202087", "资料甲");
        JsonNode view = me.get("/api/me/profile").json();
        JsonNode p = view.path("profile");
        assertEquals("资料甲", p.path("name").asText());
        assertTrue(view.path("locked").toString(), view.path("locked").toString().contains("\"idNumber\""));
        String title = p.path("titleCode").asText("");

        for (String locked : new String[] {",\"name\":\"资料乙\"", ",\"idNumber\":\"" + Accounts.idNumber("41030219870202095") + "\"",
                ",\"unitId\":" + accounts().unitId("轴承"), ",\"birthDate\":\"1990-01-01\""}) {
            Http.Answer a = me.put("/api/me/profile", body(p, "13900000087", title, null, locked));
            JsonNode problem = assertProblem(a, 400, "validation_failed");
            assertTrue(problem.toString(), problem.path("errors").get(0).path("message").asText().contains("不能修改"));
        }
        assertEquals(p.path("mobile").asText(), me.get("/api/me/profile").json().path("profile").path("mobile").asText());

        Http.Answer saved = me.put("/api/me/profile", body(p, "13900000087", title, null, ""));
        assertEquals(saved.body(), 200, saved.status());
        assertEquals("13900000087", saved.json().path("profile").path("mobile").asText());
        JsonNode history = me.get("/api/me/profile/changes").json().path("items");
        assertEquals(1, history.size());
        assertEquals("手机号码", history.get(0).path("fieldName").asText());
        assertEquals("13900000087", history.get(0).path("newValue").asText());
        assertEquals("生效", history.get(0).path("stateName").asText());
        // the page still has the old version: 409, nothing lost silently
        assertProblem(me.put("/api/me/profile", body(p, "13900000088", title, null, "")), 409, "stale_version");
    }

    @Test
    public void aTitleChangeIsInForceOnlyOnceTheUnitAdminApproves() throws Exception {
        Http me = professional("41030219870202103", "资料丙");
        JsonNode p = me.get("/api/me/profile").json().path("profile");
        Http.Answer scan = me.upload("/api/attachments", "职称证书.pdf", "application/pdf", Samples.pdf("title certificate"));
        assertEquals(scan.body(), 201, scan.status());
        long certificate = scan.json().path("id").asLong();
        Http.Answer submitted = me.put("/api/me/profile", body(p, p.path("mobile").asText(), "SCH-3", "2026-09-01",
                ",\"titleCertificateId\":" + certificate));
        assertEquals(submitted.body(), 202, submitted.status());
        assertEquals("信息已经提交审核", submitted.json().path("message").asText());
        assertEquals(p.path("titleCode").asText(""), submitted.json().path("profile").path("titleCode").asText(""));
        assertEquals("SCH-3", submitted.json().path("pendingTitleChange").path("titleCode").asText());
        assertEquals(certificate, submitted.json().path("pendingTitleChange").path("certificate").path("id").asLong());
        assertProblem(me.delete("/api/attachments/" + certificate), 409, "attachment_locked");
        JsonNode again = me.get("/api/me/profile").json().path("profile");
        assertProblem(me.put("/api/me/profile", body(again, again.path("mobile").asText(), "SCH-4", "2026-10-01", "")), 409,
                "title_change_pending");

        Http admin = admin();
        JsonNode waiting = admin.get("/api/review/title-changes?state=pending&q=" + Http.q("资料丙")).json().path("items");
        assertEquals(waiting.toString(), 1, waiting.size());
        long id = waiting.get(0).path("id").asLong();
        Accounts a = accounts();
        String otherLogin = "zhoucheng.profile";
        if (a.tryLogin(http.fresh(), "unit_admin", otherLogin, Accounts.STAFF_PASSWORD).status() != 200) {
            a.unitAdmin(a.unitId("轴承"), otherLogin);
        }
        Http other = a.loginAs("unit_admin", otherLogin, Accounts.STAFF_PASSWORD);
        assertProblem(other.get("/api/review/title-changes/" + id), 404, "title_change_not_found");
        assertProblem(other.postWith("/api/review/title-changes/" + id + "/decision", "{\"decision\":\"approve\"}"), 404,
                "title_change_not_found");
        assertProblem(other.get("/api/unit/people/" + p.path("accountId").asLong()), 404, "person_not_found");
        String scanPath = "/api/review/title-changes/" + id + "/certificate/" + certificate;
        assertEquals(404, other.download(scanPath).status());
        assertEquals(403, me.download(scanPath).status());
        Http.Download shown = admin.download(scanPath);
        assertEquals(200, shown.status());
        assertEquals("application/pdf", shown.contentType());
        assertTrue(shown.disposition(), shown.disposition().startsWith("inline;"));
        assertEquals(certificate, waiting.get(0).path("certificate").path("id").asLong());
        assertProblem(me.get("/api/review/title-changes"), 403, "forbidden");

        Http.Answer approved = admin.postWith("/api/review/title-changes/" + id + "/decision",
                "{\"decision\":\"approve\",\"version\":" + waiting.get(0).path("version").asInt() + "}");
        assertEquals(approved.body(), 200, approved.status());
        assertEquals("SCH-3", me.get("/api/me/profile").json().path("profile").path("titleCode").asText());
        JsonNode change = me.get("/api/me/profile/changes").json().path("items").get(0);
        assertEquals("专业技术职务", change.path("fieldName").asText());
        assertEquals("生效", change.path("stateName").asText());
        assertEquals("管理员w", change.path("decidedByName").asText());
        assertTrue(change.path("decidedAt").isTextual());

        // the unit's people: the person with the new title; a rejection carries its reason; withdraw
        JsonNode people = admin.get("/api/unit/people?q=" + Http.q("资料丙")).json().path("items");
        assertEquals("SCH-3", people.get(0).path("titleCode").asText());
        assertEquals("资料丙", admin.get("/api/unit/people/" + p.path("accountId").asLong()).json().path("profile")
                .path("name").asText());
        JsonNode now = me.get("/api/me/profile").json().path("profile");
        assertEquals(202, me.put("/api/me/profile", body(now, now.path("mobile").asText(), "SCH-4", "2026-11-01", "")).status());
        long second = admin.get("/api/review/title-changes?state=pending&q=" + Http.q("资料丙")).json().path("items").get(0)
                .path("id").asLong();
        assertProblem(admin.postWith("/api/review/title-changes/" + second + "/decision", "{\"decision\":\"reject\"}"), 400,
                "validation_failed");
        assertEquals(200, admin.postWith("/api/review/title-changes/" + second + "/decision",
                "{\"decision\":\"reject\",\"reason\":\"请补充聘任文件\"}").status());
        JsonNode rejected = me.get("/api/me/profile/changes").json().path("items").get(0);
        assertEquals("未通过", rejected.path("stateName").asText());
        assertEquals("请补充聘任文件", rejected.path("reason").asText());
        now = me.get("/api/me/profile").json().path("profile");
        assertEquals(202, me.put("/api/me/profile", body(now, now.path("mobile").asText(), "SCH-4", "2026-11-01", "")).status());
        assertEquals(204, me.postWith("/api/me/profile/title-change/withdrawal", "").status());
        assertEquals("已撤回", me.get("/api/me/profile/changes").json().path("items").get(0).path("stateName").asText());
        assertProblem(me.postWith("/api/me/profile/title-change/withdrawal", ""), 409, "no_pending_title_change");
        assertEquals("SCH-3", me.get("/api/me/profile").json().path("profile").path("titleCode").asText());
    }
}
