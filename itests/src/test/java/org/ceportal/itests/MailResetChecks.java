package org.ceportal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * 忘记密码 by e-mail over real HTTP against a real SMTP server (GreenMail, in the
 * container): the same answer for a registered and an unknown ID number; the code in the
 * mail sets a new password once; wrong codes count and void it.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class MailResetChecks extends ReviewTestBase {
    private static final String MAIL_PID = "org.ceportal.accounts.mail";
    private static final Pattern CODE = Pattern.compile("验证码为：(\\d{6})");

    private Http.Answer request(Accounts a, Http client, String id, String email) throws Exception {
        return client.post("/api/password-resets", "application/json", a.withCaptcha(client,
                "{\"userType\":\"professional\",\"account\":\"" + id + "\",\"email\":\"" + email + "\"}"));
    }

    private static Http.Answer confirm(Http client, String id, String code, String password) throws Exception {
        return client.post("/api/password-resets/confirmation", "application/json", "{\"userType\":\"professional\","
                + "\"account\":\"" + id + "\",\"code\":\"" + code + "\",\"newPassword\":\"" + password + "\"}");
    }

    private static String codeIn(MimeMessage m) throws Exception {
        // decoded from its transfer encoding; the body is UTF-8 text
        String text = new String(m.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        Matcher x = CODE.matcher(text);
        assertTrue(text, x.find());
        return x.group(1);
    }

    @Test
    public void aCodeByMailSetsANewPasswordOnceAndTheAnswerNeverTellsWhoIsRegistered() throws Exception {
        Accounts a = accounts();
        String id = Accounts.idNumber("41030219870606111");
        professional("41030219870606111", "找回甲");
        String email = "t" + id.substring(12) + "@example.cn"; // as Accounts registers people
        Http anyone = http.fresh();
        assertProblem(request(a, anyone, id, email), 503, "mail_not_configured");

        int port = PortalOptions.freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            ensure(MAIL_PID, Map.of("smtpHost", "127.0.0.1", "smtpPort", String.valueOf(port), "from", "noreply@ceportal.test"));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            Http.Answer first;
            do {
                Thread.sleep(200);
                first = request(a, anyone, id, email);
            } while (first.status() == 503 && System.nanoTime() < deadline);
            assertEquals(first.body(), 202, first.status());
            String message = first.json().path("message").asText();
            assertTrue(smtp.waitForIncomingEmail(10_000, 1));
            MimeMessage mail = smtp.getReceivedMessages()[0];
            assertEquals(email, mail.getAllRecipients()[0].toString());
            assertTrue(mail.getSubject(), mail.getSubject().contains("找回密码验证码"));
            String code = codeIn(mail);

            // an unknown ID number and a wrong address: the same answer, and no mail
            Http.Answer unknown = request(a, anyone, Accounts.idNumber("41030219870606120"), email);
            Http.Answer wrongMail = request(a, anyone, id, "someone.else@example.cn");
            assertEquals(202, unknown.status());
            assertEquals(message, unknown.json().path("message").asText());
            assertEquals(message, wrongMail.json().path("message").asText());
            Thread.sleep(1000);
            assertEquals(1, smtp.getReceivedMessages().length);

            JsonNode wrong = assertProblem(confirm(anyone, id, code.equals("000000") ? "111111" : "000000", "找回之后的新密码2026"),
                    400, "code_invalid");
            assertEquals("code", wrong.path("errors").get(0).path("field").asText());
            assertProblem(confirm(anyone, Accounts.idNumber("41030219870606120"), code, "找回之后的新密码2026"), 400, "code_invalid");
            assertProblem(confirm(anyone, id, code, "12345678"), 400, "validation_failed");
            Http.Answer done = confirm(anyone, id, code, "找回之后的新密码2026");
            assertEquals(done.body(), 204, done.status());
            assertEquals("single use", 400, confirm(anyone, id, code, "再来一次的新密码2026").status());
            assertEquals(401, a.tryLogin(http.fresh(), "professional", id, PASSWORD).status());
            a.loginAs("professional", id, "找回之后的新密码2026");

            // five wrong codes void the code
            assertEquals(202, request(a, anyone, id, email).status());
            assertTrue(smtp.waitForIncomingEmail(10_000, 2));
            String second = codeIn(smtp.getReceivedMessages()[1]);
            String other = second.equals("999999") ? "888888" : "999999";
            for (int i = 0; i < SELF_RESET_ATTEMPTS; i++) {
                assertProblem(confirm(anyone, id, other, "作废之前的新密码2026"), 400, "code_invalid");
            }
            assertProblem(confirm(anyone, id, second, "作废之前的新密码2026"), 400, "code_invalid");
        } finally {
            configAdmin.getConfiguration(MAIL_PID, null).delete();
            smtp.stop();
        }
    }

    private static final int SELF_RESET_ATTEMPTS = 5;
}
