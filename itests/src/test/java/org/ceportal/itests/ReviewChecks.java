package org.ceportal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * Review over real HTTP in the assembled distribution: the unit admin's inbox,
 * approving with fewer hours, rejecting, who may see what, two admins at once,
 * bulk decisions and the messages that tell the person.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ReviewChecks extends ReviewTestBase {

    @Test
    public void anAdminApprovesFewerHoursWithAReasonAndThePersonSeesIt() throws Exception {
        Http me = professional("41030219870202001", "审核甲");
        long id = declare(me, 3);
        Http admin = admin();

        JsonNode inbox = admin.get("/api/review/inbox").json().path("items");
        JsonNode declarations = null;
        for (JsonNode i : inbox) {
            if (i.path("subject").asText().equals("declarations")) {
                declarations = i;
            }
        }
        assertTrue(inbox.toString(), declarations != null && declarations.path("pending").asInt() >= 1);
        assertEquals("学时/学分申报审核", declarations.path("label").asText());
        assertEquals("/review-declarations.html", declarations.path("link").asText());

        JsonNode list = admin.get("/api/review/declarations?state=pending&q=" + Http.q("审核甲")).json();
        assertEquals(list.toString(), 1, list.path("total").asInt());
        assertEquals("审核甲", list.path("items").get(0).path("person").path("name").asText());
        assertEquals("待审核", list.path("items").get(0).path("stateName").asText());

        JsonNode view = admin.get("/api/review/declarations/" + id).json();
        assertEquals(24, view.path("declaration").path("claimedHours").asInt());
        assertEquals("审核甲", view.path("person").path("name").asText());
        long file = view.path("declaration").path("attachments").get(0).path("id").asLong();
        Http.Download pdf = admin.download("/api/review/declarations/" + id + "/attachments/" + file);
        assertEquals(200, pdf.status());
        assertEquals("application/pdf", pdf.contentType());
        assertTrue(pdf.disposition(), pdf.disposition().startsWith("inline;"));
        assertTrue(new String(pdf.body(), java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("%PDF"));

        assertProblem(admin.postWith("/api/review/declarations/" + id + "/decision",
                "{\"decision\":\"approve\",\"approvedHours\":16}"), 400, "validation_failed");
        JsonNode decided = decide(admin, id, "{\"decision\":\"approve\",\"approvedHours\":16,\"reason\":\"其中一天为线上自学\"}");
        assertEquals("审核通过", decided.path("stateName").asText());
        assertProblem(admin.postWith("/api/review/declarations/" + id + "/decision", "{\"decision\":\"reject\",\"reason\":\"x\"}"),
                409, "already_decided");

        JsonNode mine = me.get("/api/declarations/" + id).json();
        assertEquals("审核通过", mine.path("stateName").asText());
        assertEquals(16, mine.path("approvedHours").asInt());
        assertEquals("其中一天为线上自学", mine.path("reviewNote").asText());
        JsonNode last = mine.path("history").get(mine.path("history").size() - 1);
        assertEquals(24, last.path("hoursBefore").asInt());
        assertEquals(16, last.path("hoursAfter").asInt());

        // the registration's approval and the declaration's: two unread messages
        assertEquals(2, me.get("/api/messages/unread").json().path("count").asInt());
        JsonNode messages = me.get("/api/messages").json().path("items");
        assertEquals("您的学时申报已审核通过", messages.get(0).path("title").asText());
        assertTrue(messages.get(0).path("body").asText().contains("核定 16 学时（申报 24 学时）"));
        assertEquals(204, me.postWith("/api/messages/" + messages.get(0).path("id").asLong() + "/read", "").status());
        assertEquals(1, me.get("/api/messages/unread").json().path("count").asInt());
        assertProblem(admin.postWith("/api/messages/" + messages.get(0).path("id").asLong() + "/read", ""), 404, "message_not_found");
        assertEquals(204, me.postWith("/api/messages/read-all", "").status());
        assertEquals(0, me.get("/api/messages/unread").json().path("count").asInt());
    }

    @Test
    public void aRejectedDeclarationShowsTheReasonAndItsValuesMakeANewDraft() throws Exception {
        Http me = professional("41030219870202010", "审核乙");
        long id = declare(me, 2);
        assertProblem(admin().postWith("/api/review/declarations/" + id + "/decision", "{\"decision\":\"reject\"}"), 400,
                "validation_failed");
        decide(admin(), id, "{\"decision\":\"reject\",\"reason\":\"证明材料不清晰或不完整\"}");
        JsonNode mine = me.get("/api/declarations/" + id).json();
        assertEquals("rejected", mine.path("state").asText());
        assertEquals("证明材料不清晰或不完整", mine.path("rejectReason").asText());
        // 「复制为新申报」: the rejected one's values as a new draft
        Http.Answer copy = me.postWith("/api/declarations", "{\"formId\":\"training\",\"year\":" + mine.path("year").asInt()
                + ",\"category\":\"" + mine.path("category").asText() + "\",\"values\":" + mine.path("values") + "}");
        assertEquals(copy.body(), 201, copy.status());
        assertEquals("draft", copy.json().path("state").asText());
        assertEquals(mine.path("values"), copy.json().path("values"));
    }

    @Test
    public void onlyTheUnitsAdminSeesOrDecides() throws Exception {
        Http me = professional("41030219870202028", "审核丙");
        long id = declare(me, 1);
        long file = me.get("/api/declarations/" + id).json().path("attachments").get(0).path("id").asLong();
        Accounts a = accounts();
        Http other = a.loginAs("unit_admin", a.unitAdmin(a.unitId("轴承"), "zhoucheng.review"), Accounts.STAFF_PASSWORD);
        assertProblem(other.get("/api/review/declarations/" + id), 404, "declaration_not_found");
        assertEquals(404, other.download("/api/review/declarations/" + id + "/attachments/" + file).status());
        assertProblem(other.postWith("/api/review/declarations/" + id + "/decision", "{\"decision\":\"approve\"}"), 404,
                "declaration_not_found");
        for (JsonNode item : other.get("/api/review/declarations?size=200").json().path("items")) {
            assertTrue("another unit's declaration listed", item.path("id").asLong() != id);
        }
        assertProblem(me.get("/api/review/declarations"), 403, "forbidden");
        assertProblem(me.get("/api/review/inbox"), 403, "forbidden");
        assertProblem(me.postWith("/api/review/declarations/" + id + "/decision", "{\"decision\":\"approve\"}"), 403, "forbidden");
        assertProblem(http.get("/api/review/inbox"), 401, "unauthenticated");
        assertEquals("pending", me.get("/api/declarations/" + id).json().path("state").asText());
    }

    @Test
    public void ofTwoAdminsDecidingAtOnceOneWinsAndTheOtherIsToldWho() throws Exception {
        Http me = professional("41030219870202036", "审核丁");
        long id = declare(me, 1);
        Accounts a = accounts();
        String second = "yizhong.review2";
        if (a.tryLogin(http.fresh(), "unit_admin", second, Accounts.STAFF_PASSWORD).status() != 200) {
            a.unitAdmin(a.unitId("第一高级中学"), second);
        }
        List<Http> admins = List.of(admin(), a.loginAs("unit_admin", second, Accounts.STAFF_PASSWORD));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Http.Answer>> answers = new ArrayList<>();
        for (Http admin : admins) {
            answers.add(pool.submit((Callable<Http.Answer>) () -> {
                go.await();
                return admin.postWith("/api/review/declarations/" + id + "/decision", "{\"decision\":\"approve\",\"version\":0}");
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        String conflict = null;
        for (Future<Http.Answer> f : answers) {
            Http.Answer x = f.get();
            statuses.add(x.status());
            if (x.status() == 409) {
                conflict = x.json().path("message").asText();
            }
        }
        pool.shutdown();
        statuses.sort(null);
        assertEquals(List.of(200, 409), statuses);
        assertTrue(conflict, conflict.startsWith("该申报已由管理员") && conflict.contains("审核通过"));
    }

    @Test
    public void aBulkApprovalDecidesEveryItemButTheStaleOne() throws Exception {
        Http me = professional("41030219870202044", "审核戊");
        List<Long> ids = List.of(declare(me, 1), declare(me, 2), declare(me, 3));
        // the third is withdrawn and submitted again after the admin's page loaded: its version moved on
        assertEquals(200, me.postWith("/api/declarations/" + ids.get(2) + "/withdrawal", "{}").status());
        assertEquals(200, me.postWith("/api/declarations/" + ids.get(2) + "/submission", "{}").status());
        StringBuilder items = new StringBuilder();
        for (long id : ids) {
            items.append(items.length() == 0 ? "" : ",").append("{\"id\":").append(id).append(",\"version\":0}");
        }
        // the person's list read before the decisions is kept in memory; it must show them all the same
        assertEquals(0, me.get("/api/declarations?state=approved").json().path("total").asInt());
        Http admin = admin();
        assertProblem(admin.postWith("/api/review/decisions/declarations", "{\"decision\":\"approve\",\"items\":[]}"), 400,
                "validation_failed");
        Http.Answer bulk = admin.postWith("/api/review/decisions/declarations", "{\"decision\":\"approve\",\"items\":[" + items + "]}");
        assertEquals(bulk.body(), 200, bulk.status());
        assertEquals(2, bulk.json().path("succeeded").asInt());
        assertEquals(1, bulk.json().path("failed").asInt());
        JsonNode stale = bulk.json().path("items").get(2);
        assertEquals(false, stale.path("ok").asBoolean());
        assertEquals(409, stale.path("status").asInt());
        assertEquals("approved", me.get("/api/declarations/" + ids.get(0)).json().path("state").asText());
        assertEquals("pending", me.get("/api/declarations/" + ids.get(2)).json().path("state").asText());
        assertEquals(2, me.get("/api/declarations?state=approved").json().path("total").asInt());
    }

    @Test
    public void aTwoLevelFormIsFinalOnlyWhenTheOpsApprove() throws Exception {
        if (ensure("org.ceportal.declarations", java.util.Map.of("secondLevelForms", "survey-report"))) {
            Thread.sleep(2000); // the declarations module restarts with the new setting
        }
        Http me = professional("41030219870202052", "审核己");
        Http.Answer up = me.upload("/api/attachments", "批示.pdf", "application/pdf", Samples.pdf("endorsement"));
        assertEquals(up.body(), 201, up.status());
        String body = "{\"formId\":\"survey-report\",\"year\":" + YEAR + ",\"values\":{\"title\":\"农村学校教师队伍调研\","
                + "\"level\":\"county\",\"endorsedBy\":\"县长\",\"endorsedOn\":\"" + YEAR + "-03-01\"},"
                + "\"attachmentIds\":[" + up.json().path("id").asLong() + "],\"submit\":true}";
        Http.Answer d = me.postWith("/api/declarations", body);
        for (int i = 0; i < 100 && d.status() == 404; i++) { // still restarting
            Thread.sleep(200);
            d = me.postWith("/api/declarations", body);
        }
        assertEquals(d.body(), 201, d.status());
        long id = d.json().path("id").asLong();
        Http ops = accounts().ops();
        assertProblem(ops.postWith("/api/review/declarations/" + id + "/decision", "{\"decision\":\"approve\"}"), 409,
                "not_unit_approved");

        JsonNode unit = decide(admin(), id, "{\"decision\":\"approve\"}");
        assertEquals("unit_approved", unit.path("state").asText());
        assertEquals("单位已审核，待主管部门审核", me.get("/api/declarations/" + id).json().path("stateName").asText());
        JsonNode opsInbox = ops.get("/api/review/inbox").json().path("items");
        boolean waits = false;
        for (JsonNode i : opsInbox) {
            waits |= i.path("subject").asText().equals("declarations") && i.path("pending").asInt() >= 1;
        }
        assertTrue(opsInbox.toString(), waits);
        assertEquals(id, ops.get("/api/review/declarations?state=unit_approved&q=" + Http.q("审核己")).json()
                .path("items").get(0).path("id").asLong());
        int unread = me.get("/api/messages/unread").json().path("count").asInt();

        JsonNode last = decide(ops, id, "{\"decision\":\"approve\"}");
        assertEquals("approved", last.path("state").asText());
        assertEquals("审核通过", me.get("/api/declarations/" + id).json().path("stateName").asText());
        assertEquals(unread + 1, me.get("/api/messages/unread").json().path("count").asInt());
        assertProblem(ops.postWith("/api/review/declarations/" + id + "/decision", "{\"decision\":\"reject\",\"reason\":\"x\"}"),
                409, "already_decided");
    }
}
