package org.ceportal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * 学时证明 over real HTTP: the PDF's text (read back with Poppler's pdftotext) names the person, the
 * year and the hours; anyone verifies it by its code without logging in; it shows as
 * superseded once an approval behind it is taken back (撤销审核); a random code is not
 * found; lookups are throttled. The throttle check runs last: it uses up the minute.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class ProofChecks extends ReviewTestBase {
    private static final String APPROVE = "{\"decision\":\"approve\"}";

    @Test
    public void a_theProofSaysWhoWhichYearAndHowManyHoursAndStopsHoldingWhenAnApprovalIsTakenBack() throws Exception {
        Http me = professional("41030219870303111", "证明甲");
        long kept = declare(me, 3); // 24 学时
        long revoked = declare(me, 2); // 16 学时
        Http admin = admin();
        assertProblem(me.postWith("/api/me/proofs", "{\"year\":" + YEAR + "}"), 422, "no_approved_hours");
        decide(admin, kept, APPROVE);
        decide(admin, revoked, APPROVE);
        assertProblem(me.postWith("/api/me/proofs", "{\"year\":1800}"), 404, "year_not_found");
        assertProblem(me.postWith("/api/me/proofs", "{}"), 400, "validation_failed");

        Http.Answer issued = me.postWith("/api/me/proofs", "{\"year\":" + YEAR + "}");
        assertEquals(issued.body(), 201, issued.status());
        String code = issued.json().path("code").asText();
        assertEquals(26, code.length());
        assertEquals("valid", issued.json().path("status").asText());
        assertTrue(issued.body(), issued.json().path("verifyUrl").asText().endsWith("/verify.html?code=" + code));
        Http.Answer again = me.postWith("/api/me/proofs", "{\"year\":" + YEAR + "}");
        assertEquals("nothing changed: the same proof, not a second one", 200, again.status());
        assertEquals(code, again.json().path("code").asText());

        Http.Download pdf = me.download("/api/me/proofs/" + code + ".pdf");
        assertEquals(200, pdf.status());
        assertEquals("application/pdf", pdf.contentType());
        assertTrue(pdf.disposition(), pdf.disposition().startsWith("attachment;") && pdf.disposition().contains("filename*=UTF-8''"));
        String text = PdfText.of(pdf.body());
        assertTrue(text, text.contains("证明甲"));
        assertTrue(text, text.contains(YEAR + " 年度"));
        assertTrue(text, text.contains("40")); // 24 + 16 学时 专业科目
        assertTrue(text, text.contains("未达标"));
        assertTrue(text, text.contains(code));
        assertTrue(text, text.contains("410***********"));
        Http other = professional("41030219870303120", "证明乙");
        assertEquals("another person's proof is not found", 404, other.download("/api/me/proofs/" + code + ".pdf").status());
        assertEquals(401, me.fresh().download("/api/me/proofs/" + code + ".pdf").status());

        Http anyone = me.fresh();
        JsonNode v = anyone.get("/api/proofs/" + code.toLowerCase()).json();
        assertEquals("valid", v.path("status").asText());
        assertEquals("有效", v.path("statusName").asText());
        assertEquals("证明甲", v.path("name").asText());
        assertTrue(v.toString(), v.path("idNumber").asText().startsWith("410***********"));
        assertEquals(YEAR, v.path("year").asInt());
        assertEquals(40, v.path("approved").path("total").asInt());
        assertEquals(90, v.path("required").path("total").asInt());
        assertEquals(false, v.path("met").asBoolean());
        assertEquals(2, v.path("items").size());
        assertProblem(anyone.get("/api/proofs/7KQ2M9X4HT0RW5VJ8C3NPE6B1A"), 404, "proof_not_found");
        assertProblem(anyone.get("/api/proofs/not-a-code"), 404, "proof_not_found");

        // 撤销审核: the approval behind the proof is taken back
        assertTrue(admin.get("/api/review/declarations/" + revoked).json().path("revocable").asBoolean());
        assertProblem(admin.postWith("/api/review/declarations/" + revoked + "/decision", "{\"decision\":\"revoke\"}"),
                400, "validation_failed");
        JsonNode back = decide(admin, revoked, "{\"decision\":\"revoke\",\"reason\":\"证书经核实为伪造\"}");
        assertEquals("pending", back.path("state").asText());
        JsonNode after = anyone.get("/api/proofs/" + code).json();
        assertEquals("superseded", after.path("status").asText());
        assertEquals("已失效", after.path("statusName").asText());
        assertEquals("what the proof said stays as issued", 40, after.path("approved").path("total").asInt());
        assertEquals("superseded", me.get("/api/me/proofs").json().path("items").get(0).path("status").asText());
        assertEquals(24, me.get("/api/me/completion").json().path("items").get(0).path("approved").path("total").asInt());

        Http.Answer renewed = me.postWith("/api/me/proofs", "{\"year\":" + YEAR + "}");
        assertEquals(renewed.body(), 201, renewed.status());
        assertNotEquals(code, renewed.json().path("code").asText());
        JsonNode fresh = anyone.get("/api/proofs/" + renewed.json().path("code").asText()).json();
        assertEquals("valid", fresh.path("status").asText());
        assertEquals(24, fresh.path("approved").path("total").asInt());
        assertEquals(2, me.get("/api/me/proofs").json().path("items").size());
    }

    @Test
    public void z_lookupsAreThrottled() throws Exception {
        Http anyone = http.fresh();
        int refused = 0;
        for (int i = 0; i < 40 && refused == 0; i++) {
            Http.Answer a = anyone.get("/api/proofs/0000000000000000000000000" + (i % 10));
            if (a.status() == 429) {
                assertEquals("too_many_requests", a.json().path("code").asText());
                refused++;
            } else {
                assertEquals(404, a.status());
            }
        }
        assertEquals("the default allows 30 lookups a minute", 1, refused);
    }
}
