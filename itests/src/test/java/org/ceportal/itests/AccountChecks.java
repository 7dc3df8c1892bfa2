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
 * Accounts over real HTTP in the assembled distribution (booted once for the suite,
 * see {@link PortalTestBase}): registration and its messages, login, captchas, lock-out,
 * unit approval and its races, CSRF and origin checks, cookies, sessions, password
 * change and the ops account API.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class AccountChecks extends PortalTestBase {

    @Test
    public void theWholeAccountFlowOverHttp() throws Exception {
        Accounts a = accounts();
        long unit = a.unitId("第一高级中学");
        String id = Accounts.idNumber("41030219880305002");
        a.register(id, "赵敏", unit, "春风十里2026洛阳");

        Http professional = http.fresh();
        assertProblem(a.tryLogin(professional, "professional", id, "春风十里2026洛阳"), 403, "not_approved");
        assertEquals("此账号还未被审核", a.tryLogin(professional, "professional", id, "春风十里2026洛阳").json().path("message").asText());

        Http admin = a.loginAs("unit_admin", a.unitAdmin(unit, "yizhong.admin1"), Accounts.STAFF_PASSWORD);
        JsonNode me = admin.get("/api/me").json();
        assertEquals("UNIT_ADMIN", me.path("role").asText());
        assertEquals(unit, me.path("unitId").asLong());
        assertEquals(admin.csrf(), me.path("csrfToken").asText());
        JsonNode pending = a.pendingOf(admin, "赵敏");
        assertEquals(id, pending.path("idNumber").asText());
        assertTrue(pending.path("departmentName").asText().length() > 0);
        assertEquals("女", pending.path("genderName").asText());

        Http.Answer approved = admin.postWith("/api/unit/registrations/" + pending.path("id").asLong() + "/decision",
                "{\"decision\":\"approve\",\"version\":" + pending.path("version").asInt() + "}");
        assertEquals(approved.body(), 200, approved.status());
        assertEquals("approved", approved.json().path("state").asText());

        Http me1 = a.loginAs("professional", id, "春风十里2026洛阳");
        assertEquals("赵敏", me1.get("/api/me").json().path("name").asText());
        assertEquals("PROFESSIONAL", me1.get("/api/me").json().path("role").asText());
        Http.Answer changed = me1.put("/api/me/password", "{\"currentPassword\":\"春风十里2026洛阳\",\"newPassword\":\"秋水共长天一色2027\"}");
        assertEquals(changed.body(), 204, changed.status());
        assertProblem(a.tryLogin(http.fresh(), "professional", id, "春风十里2026洛阳"), 401, "bad_credentials");
        a.loginAs("professional", id, "秋水共长天一色2027");
    }

    @Test
    public void theGuidesMessagesAndARejection() throws Exception {
        Accounts a = accounts();
        long unit = a.unitId("第一高级中学");
        String id = Accounts.idNumber("41030219790911003");
        a.register(id, "钱进", unit, "黄河远上白云间79");
        Http c = http.fresh();
        JsonNode badCaptcha = assertProblem(a.tryLogin(c, "professional", id, "黄河远上白云间79", "0000"), 400, "captcha_invalid");
        assertEquals("验证码错误", badCaptcha.path("message").asText());
        JsonNode badPassword = assertProblem(a.tryLogin(c, "professional", id, "黄河远上白云间80"), 401, "bad_credentials");
        assertEquals("账户或密码错误", badPassword.path("message").asText());
        assertEquals("账户或密码错误", assertProblem(a.tryLogin(c, "unit_admin", id, "黄河远上白云间79"), 401, "bad_credentials")
                .path("message").asText());
        assertEquals("账户或密码错误", assertProblem(a.tryLogin(c, "professional", Accounts.idNumber("41030219790911011"), "黄河远上白云间79"),
                401, "bad_credentials").path("message").asText());
        assertEquals("此账号还未被审核", assertProblem(a.tryLogin(c, "professional", id, "黄河远上白云间79"), 403, "not_approved")
                .path("message").asText());

        Http admin = a.loginAs("unit_admin", a.unitAdmin(unit, "yizhong.admin2"), Accounts.STAFF_PASSWORD);
        JsonNode p = a.pendingOf(admin, "钱进");
        assertProblem(admin.postWith("/api/unit/registrations/" + p.path("id").asLong() + "/decision", "{\"decision\":\"reject\"}"),
                400, "validation_failed");
        Http.Answer rejected = admin.postWith("/api/unit/registrations/" + p.path("id").asLong() + "/decision",
                "{\"decision\":\"reject\",\"reason\":\"所在部门填写有误\"}");
        assertEquals(rejected.body(), 200, rejected.status());
        JsonNode told = assertProblem(a.tryLogin(c, "professional", id, "黄河远上白云间79"), 403, "registration_rejected");
        assertTrue(told.path("message").asText(), told.path("message").asText().contains("所在部门填写有误"));
    }

    @Test
    public void aCaptchaServesOneAttemptAndExpires() throws Exception {
        Accounts a = accounts();
        String login = a.unitAdmin(a.unitId("第一高级中学"), "yizhong.admin3");
        Http c = http.fresh();
        String captcha = a.captcha(c);
        assertProblem(a.loginWith(c, "unit_admin", login, "wrong password", captcha, Accounts.ANSWER), 401, "bad_credentials");
        // the same captcha again, now with the right password: already used up
        assertProblem(a.loginWith(c, "unit_admin", login, Accounts.STAFF_PASSWORD, captcha, Accounts.ANSWER), 400, "captcha_invalid");

        org.osgi.service.cm.Configuration cfg = configAdmin.getConfiguration("org.ceportal.testing.captcha", null);
        cfg.update(new java.util.Hashtable<>(java.util.Map.of("expirySeconds", 1)));
        try {
            String shortLived = null;
            for (int i = 0; i < 100 && shortLived == null; i++) { // until the service runs with the new setting
                Http.Answer issued = c.post("/api/captchas", "application/json", "");
                if (issued.status() == 201 && issued.json().path("id").asText().startsWith("test-")
                        && java.time.Instant.parse(issued.json().path("expiresAt").asText()).isBefore(java.time.Instant.now().plusSeconds(5))) {
                    shortLived = issued.json().path("id").asText();
                } else {
                    Thread.sleep(100);
                }
            }
            assertTrue("the captcha lifetime did not change", shortLived != null);
            Thread.sleep(1500);
            assertProblem(a.loginWith(c, "unit_admin", login, Accounts.STAFF_PASSWORD, shortLived, Accounts.ANSWER), 400, "captcha_invalid");
        } finally {
            cfg.delete();
        }
        Accounts.awaitTestCaptcha(http);
        for (int i = 0; i < 100; i++) { // until the default lifetime is back
            Http.Answer issued = c.post("/api/captchas", "application/json", "");
            if (issued.status() == 201 && issued.json().path("id").asText().startsWith("test-")
                    && java.time.Instant.parse(issued.json().path("expiresAt").asText()).isAfter(java.time.Instant.now().plusSeconds(60))) {
                break;
            }
            Thread.sleep(100);
        }
        a.loginAs("unit_admin", login, Accounts.STAFF_PASSWORD);
    }

    @Test
    public void anotherUnitsAdminCannotSeeOrDecide() throws Exception {
        Accounts a = accounts();
        long unit = a.unitId("第一高级中学");
        long otherUnit = a.unitId("轴承研究所");
        String id = Accounts.idNumber("41030219920101004");
        a.register(id, "孙丽", unit, "洛阳牡丹甲天下92");
        Http own = a.loginAs("unit_admin", a.unitAdmin(unit, "yizhong.admin4"), Accounts.STAFF_PASSWORD);
        long registration = a.pendingOf(own, "孙丽").path("id").asLong();

        Http other = a.loginAs("unit_admin", a.unitAdmin(otherUnit, "zhoucheng.admin"), Accounts.STAFF_PASSWORD);
        for (JsonNode item : other.get("/api/unit/registrations?state=pending&size=100").json().path("items")) {
            assertTrue("another unit's registration is listed", item.path("id").asLong() != registration);
        }
        assertProblem(other.get("/api/unit/registrations/" + registration), 404, "registration_not_found");
        assertProblem(other.postWith("/api/unit/registrations/" + registration + "/decision", "{\"decision\":\"approve\"}"),
                404, "registration_not_found");
        assertProblem(http.fresh().get("/api/unit/registrations"), 401, "unauthenticated");
        assertEquals("pending", own.get("/api/unit/registrations/" + registration).json().path("state").asText());

        // two admins of the unit decide at the same moment: exactly one wins
        Http second = a.loginAs("unit_admin", a.unitAdmin(unit, "yizhong.admin5"), Accounts.STAFF_PASSWORD);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Future<Http.Answer> f1 = pool.submit(() -> own.postWith(
                    "/api/unit/registrations/" + registration + "/decision", "{\"decision\":\"approve\"}"));
            java.util.concurrent.Future<Http.Answer> f2 = pool.submit(() -> second.postWith(
                    "/api/unit/registrations/" + registration + "/decision", "{\"decision\":\"reject\",\"reason\":\"重复注册\"}"));
            Http.Answer r1 = f1.get();
            Http.Answer r2 = f2.get();
            java.util.List<Integer> statuses = new java.util.ArrayList<>(java.util.List.of(r1.status(), r2.status()));
            java.util.Collections.sort(statuses);
            assertEquals(r1.body() + " / " + r2.body(), java.util.List.of(200, 409), statuses);
            assertProblem(r1.status() == 409 ? r1 : r2, 409, "already_decided");
        } finally {
            pool.shutdown();
        }
        // a professional cannot review
        String pid = Accounts.idNumber("41030219920101012");
        a.register(pid, "周周", unit, "洛阳牡丹甲天下92");
        own.postWith("/api/unit/registrations/" + a.pendingOf(own, "周周").path("id").asLong() + "/decision", "{\"decision\":\"approve\"}");
        assertProblem(a.loginAs("professional", pid, "洛阳牡丹甲天下92").get("/api/unit/registrations"), 403, "forbidden");
    }

    @Test
    public void stateChangingCallsNeedTheCsrfTokenAndTheSameOrigin() throws Exception {
        Accounts a = accounts();
        Http admin = a.loginAs("unit_admin", a.unitAdmin(a.unitId("第一高级中学"), "yizhong.admin6"), Accounts.STAFF_PASSWORD);
        String token = admin.csrf();
        admin.csrf(null);
        assertProblem(admin.postWith("/api/unit/registrations/1/decision", "{\"decision\":\"approve\"}"), 403, "csrf_failed");
        assertProblem(admin.put("/api/me/password", "{\"currentPassword\":\"x\",\"newPassword\":\"y\"}"), 403, "csrf_failed");
        admin.csrf("forged-token");
        assertProblem(admin.delete("/api/sessions/current"), 403, "csrf_failed");
        admin.csrf(token);
        assertProblem(admin.postWith("/api/unit/registrations/1/decision", "{\"decision\":\"approve\"}", "Origin", "http://evil.example"),
                403, "cross_origin");
        assertProblem(admin.postWith("/api/unit/registrations/1/decision", "{\"decision\":\"approve\"}", "Sec-Fetch-Site", "cross-site"),
                403, "cross_origin");
        // reading needs no token; the session is still alive
        assertEquals(200, admin.get("/api/me").status());
    }

    @Test
    public void theSessionCookieAndLogout() throws Exception {
        Accounts a = accounts();
        String login = a.unitAdmin(a.unitId("第一高级中学"), "yizhong.admin7");
        Http admin = a.loginAs("unit_admin", login, Accounts.STAFF_PASSWORD);
        String setCookie = String.join("\n", admin.lastSetCookies());
        assertTrue(setCookie, setCookie.contains("HttpOnly"));
        assertTrue(setCookie, setCookie.contains("SameSite=Strict"));
        assertTrue(setCookie, setCookie.contains("Path=/"));
        assertTrue("not Secure over plain http: " + setCookie, !setCookie.contains("Secure"));
        String cookie = admin.sessionCookie();
        assertEquals("128 random bits, base64url", 22, cookie.length());
        Http.Answer out = admin.delete("/api/sessions/current");
        assertEquals(out.body(), 204, out.status());
        assertTrue(String.join(";", admin.lastSetCookies()), String.join(";", admin.lastSetCookies()).contains("Max-Age=0"));
        assertProblem(http.fresh().useSessionCookie(cookie).get("/api/me"), 401, "unauthenticated");
    }

    @Test
    public void changingThePasswordEndsTheOtherSessions() throws Exception {
        Accounts a = accounts();
        String login = a.unitAdmin(a.unitId("第一高级中学"), "yizhong.admin8");
        Http phone = a.loginAs("unit_admin", login, Accounts.STAFF_PASSWORD);
        Http desk = a.loginAs("unit_admin", login, Accounts.STAFF_PASSWORD);
        assertEquals(200, phone.get("/api/me").status());
        JsonNode wrong = assertProblem(desk.put("/api/me/password",
                "{\"currentPassword\":\"not the password\",\"newPassword\":\"新的审核员密码2027\"}"), 400, "validation_failed");
        assertEquals("当前密码不正确", wrong.at("/errors/0/message").asText());
        assertProblem(desk.put("/api/me/password", "{\"currentPassword\":\"" + Accounts.STAFF_PASSWORD + "\",\"newPassword\":\"12345678\"}"),
                400, "validation_failed");
        Http.Answer ok = desk.put("/api/me/password", "{\"currentPassword\":\"" + Accounts.STAFF_PASSWORD + "\",\"newPassword\":\"新的审核员密码2027\"}");
        assertEquals(ok.body(), 204, ok.status());
        assertProblem(phone.get("/api/me"), 401, "unauthenticated");
        assertEquals(200, desk.get("/api/me").status());
        a.loginAs("unit_admin", login, "新的审核员密码2027");
    }

    @Test
    public void repeatedWrongPasswordsLockTheAccount() throws Exception {
        Accounts a = accounts();
        String login = a.unitAdmin(a.unitId("第一高级中学"), "yizhong.admin9");
        for (int i = 0; i < 5; i++) {
            assertProblem(a.tryLogin(http.fresh(), "unit_admin", login, "guess number " + i), 401, "bad_credentials");
        }
        JsonNode locked = assertProblem(a.tryLogin(http.fresh(), "unit_admin", login, Accounts.STAFF_PASSWORD), 429, "account_locked");
        assertTrue(locked.path("message").asText(), locked.path("message").asText().contains("分钟后再试"));
    }

    @Test
    public void opsCreateUnitAdminsThroughTheApi() throws Exception {
        Accounts a = accounts();
        Http ops = a.ops();
        long unit = a.unitId("第一高级中学");
        Http.Answer created = ops.postWith("/api/ops/accounts", "{\"role\":\"UNIT_ADMIN\",\"login\":\"yizhong.api\",\"name\":\"刘主任\","
                + "\"unitId\":" + unit + ",\"password\":\"" + Accounts.STAFF_PASSWORD + "\"}");
        assertEquals(created.body(), 201, created.status());
        assertProblem(ops.postWith("/api/ops/accounts", "{\"role\":\"UNIT_ADMIN\",\"login\":\"yizhong.api\",\"name\":\"刘主任\","
                + "\"unitId\":" + unit + ",\"password\":\"" + Accounts.STAFF_PASSWORD + "\"}"), 409, "account_exists");
        assertProblem(ops.postWith("/api/ops/accounts", "{\"role\":\"UNIT_ADMIN\",\"login\":\"x\",\"name\":\"\","
                + "\"password\":\"123\"}"), 400, "validation_failed");
        Http admin = a.loginAs("unit_admin", "yizhong.api", Accounts.STAFF_PASSWORD);
        assertProblem(admin.postWith("/api/ops/accounts", "{\"role\":\"OPS\",\"login\":\"sneaky\",\"name\":\"x\","
                + "\"password\":\"" + Accounts.STAFF_PASSWORD + "\"}"), 403, "forbidden");
    }
}
