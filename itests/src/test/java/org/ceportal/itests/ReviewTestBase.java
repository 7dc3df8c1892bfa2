package org.ceportal.itests;

import static org.junit.Assert.assertEquals;

import java.time.LocalDate;
import java.time.ZoneId;

import com.fasterxml.jackson.databind.JsonNode;

/** What the review checks share: the unit (第一高级中学), its admin, and declaring with a PDF. */
public abstract class ReviewTestBase extends PortalTestBase {
    protected static final String ADMIN = "yizhong.review";
    protected static final String PASSWORD = "审核测试的长密码2026";
    protected static final int YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();

    protected Http professional(String idBody, String name) throws Exception {
        Accounts a = accounts();
        return a.professional(a.unitId("第一高级中学"), Accounts.idNumber(idBody), name, PASSWORD, ADMIN);
    }

    protected Http admin() throws Exception {
        return accounts().loginAs("unit_admin", ADMIN, Accounts.STAFF_PASSWORD);
    }

    /** A submitted 培训/进修 of {@code days} days (8 hours a day) with a PDF; its id. */
    protected static long declare(Http me, int days) throws Exception {
        Http.Answer up = me.upload("/api/attachments", "培训证书.pdf", "application/pdf", Samples.pdf("certificate " + days));
        assertEquals(up.body(), 201, up.status());
        Http.Answer d = me.postWith("/api/declarations", "{\"formId\":\"training\",\"year\":" + YEAR
                + ",\"category\":\"PROFESSIONAL\",\"values\":{\"courseName\":\"课堂教学融合 " + days + "\",\"organiser\":\"洛阳市教育局\","
                + "\"period\":{\"from\":\"" + Dates.YEAR + "-07-06\",\"to\":\"" + Dates.YEAR + "-07-10\"},\"measure\":\"days\",\"amount\":" + days
                + "},\"attachmentIds\":[" + up.json().path("id").asLong() + "],\"submit\":true}");
        assertEquals(d.body(), 201, d.status());
        return d.json().path("id").asLong();
    }

    protected static JsonNode decide(Http admin, long id, String body) throws Exception {
        Http.Answer a = admin.postWith("/api/review/declarations/" + id + "/decision", body);
        assertEquals(a.body(), 200, a.status());
        return a.json();
    }

}
