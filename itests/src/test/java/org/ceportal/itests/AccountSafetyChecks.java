package org.ceportal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;
import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import org.ceportal.captcha.api.Captcha;
import org.ceportal.captcha.api.CaptchaService;
import org.ceportal.platform.security.Authenticator;
import org.ceportal.platform.security.Caller;
import org.ceportal.platform.security.Role;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;

/**
 * The holes of the hardening issue, each shown closed over real HTTP: the status
 * lookup is no password oracle, registration takes a captcha, a rejected ID number
 * registers again, a late bundle cannot take over login or captcha, anonymous calls
 * are throttled per client (behind trusted proxies too), request sizes are bounded.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class AccountSafetyChecks extends PortalTestBase {

    @Inject
    @Filter("(osgi.jndi.service.name=ceportal)")
    private DataSource dataSource;

    @Test
    public void theStatusLookupCostsAGuesserWhatALoginCosts() throws Exception {
        Accounts a = accounts();
        String id = Accounts.idNumber("41030219720304008");
        a.register(id, "冯雪", a.unitId("第一高级中学"), "雪落洛阳2026冬");
        String right = "{\"idNumber\":\"" + id + "\",\"password\":\"雪落洛阳2026冬\"}";

        // no captcha, a wrong one: refused before any password is compared
        JsonNode none = assertProblem(http.post("/api/registrations/status", "application/json", right), 400, "validation_failed");
        assertEquals("captchaAnswer", none.path("errors").get(0).path("field").asText());
        String wrongCaptcha = right.replace("}", ",\"captchaId\":\"" + a.captcha(http) + "\",\"captchaAnswer\":\"0000\"}");
        assertProblem(http.post("/api/registrations/status", "application/json", wrongCaptcha), 400, "captcha_invalid");
        // {} costs nothing: a field error, not a password hash and 「账户或密码错误」
        assertProblem(http.post("/api/registrations/status", "application/json", "{}"), 400, "validation_failed");

        // the free wrong guesses, then the account is locked for the status lookup and the login alike
        for (int i = 0; i < 5; i++) {
            assertProblem(http.post("/api/registrations/status", "application/json",
                    a.withCaptcha(http, right.replace("2026冬", "猜" + i))), 401, "bad_credentials");
        }
        assertProblem(http.post("/api/registrations/status", "application/json", a.withCaptcha(http, right)), 429, "account_locked");
        assertProblem(a.tryLogin(http.fresh(), "professional", id, "雪落洛阳2026冬"), 429, "account_locked");
        assertTrue(audits("status", "bad_credentials", id) >= 5);
        assertTrue(audits("status", "locked", id) >= 1);
    }

    @Test
    public void registrationTakesACaptchaAndARejectedIdNumberRegistersAgain() throws Exception {
        Accounts a = accounts();
        long unit = a.unitId("第一高级中学");
        String id = Accounts.idNumber("41030219720511006");
        String body = a.registrationBody(id, "褚红", unit, "冒名顶替者的密码1");
        JsonNode refused = assertProblem(http.post("/api/registrations", "application/json", body), 400, "validation_failed");
        assertEquals("captchaAnswer", refused.path("errors").get(0).path("field").asText());
        assertProblem(http.post("/api/registrations", "application/json",
                body.replace("}", ",\"captchaId\":\"" + a.captcha(http) + "\",\"captchaAnswer\":\"9999\"}")), 400, "captcha_invalid");

        // someone registers this ID number first; the unit admin rejects it; the real person registers
        a.register(id, "褚红", unit, "冒名顶替者的密码1");
        Http admin = a.loginAs("unit_admin", a.unitAdmin(unit, "safety.admin1"), Accounts.STAFF_PASSWORD);
        Http.Answer rejected = admin.postWith("/api/unit/registrations/" + a.pendingOf(admin, "褚红").path("id").asLong()
                + "/decision", "{\"decision\":\"reject\",\"reason\":\"非本人注册\"}");
        assertEquals(rejected.body(), 200, rejected.status());
        a.register(id, "褚红", unit, "本人的真实密码2026");
        JsonNode status = http.post("/api/registrations/status", "application/json",
                a.withCaptcha(http, "{\"idNumber\":\"" + id + "\",\"password\":\"本人的真实密码2026\"}")).json();
        assertEquals("pending", status.path("state").asText());
        // the rejected one stays in the unit's history
        Http.Answer history = admin.get("/api/unit/registrations?state=rejected&size=100");
        assertTrue(history.body(), history.body().contains("非本人注册"));
        // a pending registration still keeps the number
        assertProblem(http.post("/api/registrations", "application/json", a.withCaptcha(http, body)), 409, "already_registered");
    }

    @Test
    public void aLaterBundleCannotTakeOverLoginOrCaptcha() throws Exception {
        Hashtable<String, Object> top = new Hashtable<>(Map.of(Constants.SERVICE_RANKING, Integer.MAX_VALUE,
                CaptchaService.PROVIDER, "rogue", Authenticator.NAME, "rogue"));
        ServiceRegistration<CaptchaService> captcha = context.registerService(CaptchaService.class, new CaptchaService() {
            @Override
            public Captcha issue() {
                return new Captcha("rogue-1", "data:image/png;base64,", Instant.now().plusSeconds(300));
            }

            @Override
            public boolean verify(String id, String answer) {
                return true;
            }
        }, top);
        ServiceRegistration<Authenticator> authenticator = context.registerService(Authenticator.class,
                request -> Optional.of(new Caller(1, "冒充的运维", Role.OPS, null)), top);
        try {
            Thread.sleep(1500);
            Accounts.awaitTestCaptcha(http); // still the configured (test) captcha that issues
            assertProblem(http.get("/api/me"), 401, "unauthenticated");
            assertProblem(accounts().tryLogin(http.fresh(), "ops", "nobody.ops", "whatever-password", "1111"), 400, "captcha_invalid");
            assertProblem(http.postWith("/api/ops/accounts", "{}"), 401, "unauthenticated");
        } finally {
            captcha.unregister();
            authenticator.unregister();
        }
    }

    @Test
    public void captchasAreThrottledPerClientAndTrustedProxiesNameTheClient() throws Exception {
        try {
            ensure("org.ceportal.captcha", Map.of("issuesPerMinute", "3"));
            ensure("org.ceportal.platform.clients", Map.of("trustedProxies", "127.0.0.1, ::1"));
            Thread.sleep(2000);
            // a client of its own: on PostgreSQL the count of 127.0.0.1 in this minute (shared by the nodes) holds
            // every captcha the suite issued before, which a lower limit refuses at once
            Accounts.awaitTestCaptcha(http.fresh().forwardedFor("198.51.100.7"));
            // behind the trusted proxy each client counts for itself
            for (int i = 0; i < 3; i++) {
                assertEquals(201, http.postWith("/api/captchas", "", "X-Forwarded-For", "203.0.113.1").status());
            }
            assertProblem(http.postWith("/api/captchas", "", "X-Forwarded-For", "203.0.113.1"), 429, "too_many_attempts");
            assertEquals(201, http.postWith("/api/captchas", "", "X-Forwarded-For", "203.0.113.2").status());
            // an IPv6 client is one client per /64
            for (int i = 1; i <= 3; i++) {
                assertEquals(201, http.postWith("/api/captchas", "", "X-Forwarded-For", "2001:db8:1:2::" + i).status());
            }
            assertProblem(http.postWith("/api/captchas", "", "X-Forwarded-For", "2001:db8:1:2:ffff::9"), 429, "too_many_attempts");
            assertEquals(201, http.postWith("/api/captchas", "", "X-Forwarded-For", "2001:db8:1:3::1").status());
            // a client's own claim left of the proxy's entry is not believed
            assertProblem(http.postWith("/api/captchas", "", "X-Forwarded-For", "198.51.100.77, 203.0.113.1"), 429,
                    "too_many_attempts");

            // without trusted proxies the header is ignored: everything is 127.0.0.1
            ensure("org.ceportal.platform.clients", Map.of("trustedProxies", ""));
            ensure("org.ceportal.captcha", Map.of("issuesPerMinute", "2"));
            Thread.sleep(2000);
            int created = 0;
            for (int i = 0; i < 4; i++) {
                created += http.postWith("/api/captchas", "", "X-Forwarded-For", "203.0.113." + (50 + i)).status() == 201 ? 1 : 0;
            }
            assertTrue("created " + created, created <= 2);
        } finally {
            ensure("org.ceportal.platform.clients", Map.of("trustedProxies", ""));
            ensure("org.ceportal.captcha", Map.of("issuesPerMinute", "100000"));
            Thread.sleep(2000);
            Accounts.awaitTestCaptcha(http);
        }
    }

    @Test
    public void requestSizesAndQueriesAreBounded() throws Exception {
        String big = "{\"idNumber\":\"" + "1".repeat(70_000) + "\"}";
        assertProblem(http.post("/api/registrations", "application/json", big), 413, "payload_too_large");
        // 500 MB announced: refused from the headers, nothing read
        int port = Integer.parseInt(System.getProperty("ceportal.test.port"));
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /api/registrations HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nContent-Type: application/json\r\nContent-Length: 524288000\r\n\r\n{\"a\":").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String head = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertEquals("HTTP/1.1 413", head);
        }
        // no Content-Length (chunked): refused once the reading passes the limit
        java.net.http.HttpResponse<String> chunked = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/sessions"))
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                                () -> new java.io.ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(chunked.body(), 413, chunked.statusCode());

        assertProblem(http.get("/api/directory/regions/410300/units?q=%F0%9F%98"), 400, "bad_query");
        assertProblem(http.get("/api/directory/majors?q=%ED%A0%80"), 400, "bad_query");
        // a form-encoded request makes the servlet container parse the query itself: still 400, not 500
        assertProblem(http.raw("GET", "/api/directory/units/1?page=%F0%9F%98", "application/x-www-form-urlencoded", null),
                400, "bad_query");
        assertProblem(http.raw("GET", "/index.html?q=%ED%A0%80", null, null), 400, "bad_query");
        assertEquals(200, http.get("/api/directory/majors?q=%E6%95%99%E8%82%B2").status());
        String deep = "[".repeat(200) + "]".repeat(200);
        assertProblem(http.post("/api/sessions", "application/json", deep), 400, "malformed_request");
        assertEquals("UP", http.get("/api/health").json().path("status").asText());
    }

    @Test
    public void behindTlsTheSessionCookieIsAHostCookieAndTheOnlyOneRead() throws Exception {
        Accounts a = accounts();
        String login = a.unitAdmin(a.unitId("第一高级中学"), "safety.admin3");
        try {
            ensure("org.ceportal.accounts", Map.of("secureCookie", "true"));
            Thread.sleep(3000); // the accounts restart with the new setting
            Accounts.awaitTestCaptcha(http);
            Http c = http.fresh();
            Http.Answer in = a.tryLogin(c, "unit_admin", login, Accounts.STAFF_PASSWORD);
            assertEquals(in.body(), 200, in.status());
            String cookie = c.lastSetCookies().stream().filter(x -> x.startsWith("__Host-ceportal_session=")).findFirst()
                    .orElseThrow(() -> new AssertionError("no __Host- cookie in " + c.lastSetCookies()));
            assertTrue(cookie, cookie.contains("Secure") && cookie.contains("Path=/") && !cookie.contains("Domain"));
            String value = cookie.substring("__Host-ceportal_session=".length(), cookie.indexOf(';'));
            assertEquals(200, http.fresh().getWith("/api/me", "Cookie", "__Host-ceportal_session=" + value).status());
            assertEquals("a cookie a sibling host could plant is not read", 401,
                    http.fresh().getWith("/api/me", "Cookie", "ceportal_session=" + value).status());
        } finally {
            ensure("org.ceportal.accounts", Map.of("secureCookie", "false"));
            Thread.sleep(3000);
            Accounts.awaitTestCaptcha(http);
        }
    }

    @Test
    public void changesAndRefusalsAreAuditedWithTheClientAddress() throws Exception {
        Accounts a = accounts();
        Http ops = a.ops();
        int unitsBefore = audits("unit_add", "created");
        Http.Answer unit = ops.postWith("/api/directory/units", "{\"regionCode\":\"410300\",\"name\":\"洛阳市审计测试学校\","
                + "\"kind\":\"PUBLIC\",\"departments\":[\"教务处\"]}");
        assertEquals(unit.body(), 201, unit.status());
        assertEquals(unitsBefore + 1, audits("unit_add", "created"));

        int csrfBefore = audits("csrf", "refused");
        assertProblem(ops.fresh().useSessionCookie(ops.sessionCookie()).postWith("/api/ops/accounts", "{}"), 403, "csrf_failed");
        assertEquals(csrfBefore + 1, audits("csrf", "refused"));
        int originBefore = audits("cross_origin", "refused");
        assertProblem(http.postWith("/api/captchas", "", "Origin", "http://evil.example"), 403, "cross_origin");
        assertEquals(originBefore + 1, audits("cross_origin", "refused"));

        // a draft with its file, deleted: the upload and the deletion stay in the trail
        Http me = a.professional(a.unitId("第一高级中学"), Accounts.idNumber("41030219740815004"), "孔审", "审计用的长密码2026",
                "safety.admin2");
        long file = me.upload("/api/attachments", "a.pdf", "application/pdf", Samples.pdf("audit")).json().path("id").asLong();
        Http.Answer draft = me.postWith("/api/declarations", "{\"formId\":\"training\",\"year\":"
                + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear() + ",\"category\":\"PROFESSIONAL\","
                + "\"values\":{\"courseName\":\"审计课程\",\"organiser\":\"洛阳市教育局\",\"period\":{\"from\":\"" + Dates.YEAR + "-07-06\","
                + "\"to\":\"" + Dates.YEAR + "-07-06\"},\"measure\":\"days\",\"amount\":1},\"attachmentIds\":[" + file + "]}");
        assertEquals(draft.body(), 201, draft.status());
        long id = draft.json().path("id").asLong();
        assertEquals(204, me.delete("/api/declarations/" + id).status());
        assertEquals(1, count("SELECT COUNT(*) FROM audit_log WHERE action = 'attachment_upload' AND subject LIKE ?",
                "attachment:" + file + " %"));
        assertEquals("the deleted draft is named with its form, year and hours", 1, count(
                "SELECT COUNT(*) FROM audit_log WHERE action = 'declaration_delete' AND address = '127.0.0.1' AND subject LIKE ?",
                "declaration:" + id + " training %"));
        assertEquals("its file went with it", 404, me.get("/api/attachments/" + file).status());
    }

    private int audits(String action, String outcome) throws Exception {
        return count("SELECT COUNT(*) FROM audit_log WHERE action = ? AND outcome LIKE ?", action, outcome);
    }

    private int count(String sql, String... values) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                p.setString(i + 1, values[i]);
            }
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Audit records of an action about a professional's ID number with that outcome. */
    private int audits(String action, String outcome, String idNumber) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement p = c.prepareStatement(
                        "SELECT COUNT(*) FROM audit_log WHERE action = ? AND outcome = ? AND subject = ?")) {
            p.setString(1, action);
            p.setString(2, outcome);
            p.setString(3, "PROFESSIONAL:" + idNumber);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
