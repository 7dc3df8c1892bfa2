package org.ceportal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.Bundle;

/**
 * The portal's features over real HTTP in the assembled distribution (booted once for
 * the suite, see {@link PortalTestBase}): directory, accounts, declarations, forms.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class PortalChecks extends PortalTestBase {

    @Test
    public void allPortalBundlesAreActive() {
        int ours = 0;
        for (Bundle b : context.getBundles()) {
            if (b.getSymbolicName().startsWith("org.ceportal.") && !b.getSymbolicName().contains("itests")
                    && b.getHeaders().get("Fragment-Host") == null) {
                ours++;
                assertEquals(b.getSymbolicName() + " is not active", Bundle.ACTIVE, b.getState());
            }
        }
        assertTrue("expected the platform, directory and web bundles, found " + ours, ours >= 3);
    }

    @Test
    public void healthReportsDatabaseAndMigrations() throws Exception {
        JsonNode health = http.get("/api/health").json();
        assertEquals("UP", health.path("status").asText());
        assertEquals("derby", health.at("/checks/database/databaseId").asText());
        assertEquals("UP", health.at("/checks/database/migrations/directory/status").asText());
        assertEquals(5, health.at("/checks/database/migrations/directory/version").asInt());
    }

    @Test
    public void regionsListHasAllNineteen() throws Exception {
        Http.Answer a = http.get("/api/directory/regions");
        assertEquals(200, a.status());
        assertTrue(a.contentType(), a.contentType().startsWith("application/json"));
        JsonNode body = a.json();
        assertEquals(19, body.path("total").asInt());
        assertEquals(19, body.path("items").size());
        assertEquals("洛阳市", body.path("items").get(2).path("name").asText());
        assertEquals("省直", body.path("items").get(18).path("name").asText());
    }

    @Test
    public void unitsOfARegionPageCorrectly() throws Exception {
        JsonNode first = http.get("/api/directory/regions/410300/units?page=0&size=10").json();
        assertEquals(25, first.path("total").asInt());
        assertEquals(10, first.path("items").size());
        assertEquals(0, first.path("page").asInt());
        assertEquals(10, first.path("size").asInt());
        JsonNode last = http.get("/api/directory/regions/410300/units?page=2&size=10").json();
        assertEquals(5, last.path("items").size());
        assertEquals(25, last.path("total").asInt());
        assertTrue(!first.path("items").get(0).path("id").asText().equals(last.path("items").get(0).path("id").asText()));
        JsonNode hits = http.get("/api/directory/regions/410300/units?q=" + Http.q("轴承")).json();
        assertEquals(1, hits.path("total").asInt());
        assertEquals("洛阳市轴承研究所（示例）", hits.path("items").get(0).path("name").asText());
        assertEquals("410300", hits.path("items").get(0).path("regionCode").asText());
        long id = hits.path("items").get(0).path("id").asLong();
        JsonNode unit = http.get("/api/directory/units/" + id).json();
        assertEquals("洛阳市", unit.path("regionName").asText());
        JsonNode departments = http.get("/api/directory/units/" + id + "/departments").json();
        assertEquals(4, departments.path("total").asInt());
    }

    @Test
    public void unknownIdsAre404Problems() throws Exception {
        assertProblem(http.get("/api/directory/regions/999999/units"), 404, "region_not_found");
        assertProblem(http.get("/api/directory/units/123456789"), 404, "unit_not_found");
        assertProblem(http.get("/api/directory/units/abc"), 404, "unit_not_found");
        assertProblem(http.get("/api/directory/units/123456789/departments"), 404, "unit_not_found");
        assertProblem(http.get("/api/directory/majors?parent=zz"), 404, "major_not_found");
        assertProblem(http.get("/api/no-such-thing"), 404, "not_found");
    }

    @Test
    public void badPagingIs400Problem() throws Exception {
        for (String query : new String[] {"size=0", "size=51", "size=abc", "page=-1", "page=1.5", "size=99999999999"}) {
            Http.Answer a = http.get("/api/directory/regions/410300/units?" + query);
            JsonNode p = assertProblem(a, 400, "bad_paging");
            assertTrue(query + ": " + a.body(), p.path("errors").size() >= 1);
        }
        assertProblem(http.get("/api/directory/regions/410300/units?q=" + Http.q("长".repeat(51))), 400, "validation_failed");
    }

    @Test
    public void opsCallsNeedALogin() throws Exception {
        assertProblem(http.post("/api/directory/units", "application/json", "{\"name\":\"x\"}"), 401, "unauthenticated");
        assertProblem(http.post("/api/directory/units/import", "text/csv", "region_code,name,kind,departments\n"), 401,
                "unauthenticated");
        assertProblem(http.post("/api/directory/units", "application/json", "{\"name\":"), 400, "malformed_request");
    }

    @Test
    public void pagesAreServedInChinese() throws Exception {
        Http.Answer home = http.get("/");
        assertEquals(200, home.status());
        assertTrue(home.contentType(), home.contentType().startsWith("text/html"));
        assertTrue(home.body().contains("lang=\"zh-CN\""));
        Http.Answer page = http.get("/directory.html");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("所在单位"));
        assertEquals(200, http.get("/js/pickers.js").status());
        Http.Answer traversal = http.get("/js/../../etc/passwd");
        assertTrue("traversal answered " + traversal.status(), traversal.status() == 400 || traversal.status() == 404);
        assertTrue(!traversal.body().contains("root:"));
        assertEquals(404, http.get("/.hidden.html").status());
        assertEquals(404, http.get("/no-such-page.html").status());
        assertEquals("河南省", http.get("/api/portal").json().path("province").asText());
    }

    @Test
    public void opsImportUnitsWithTheShellCommand() throws Exception {
        java.nio.file.Path csv = java.nio.file.Files.createTempFile("units", ".csv");
        java.nio.file.Files.writeString(csv, "region_code,name,kind,departments\n"
                + "410600,鹤壁市壳命令导入单位,ENTERPRISE,办公室|技术部\n", java.nio.charset.StandardCharsets.UTF_8);
        String out = execute("ceportal:unit-import " + csv);
        assertTrue(out, out.contains("1 new units"));
        JsonNode hits = http.get("/api/directory/regions/410600/units?q=" + Http.q("壳命令")).json();
        assertEquals(1, hits.path("total").asInt());
        long id = hits.path("items").get(0).path("id").asLong();
        assertEquals(2, http.get("/api/directory/units/" + id + "/departments").json().path("total").asInt());

        String bad = execute("ceportal:unit-add -r 999999 -k GOV 不存在区域的单位");
        assertTrue(bad, bad.contains("所属区域不存在"));
        assertEquals(1, http.get("/api/directory/regions/410600/units?q=" + Http.q("壳命令")).json().path("total").asInt());
    }

    @Test
    public void captchasArePicturesThatServeOnce() throws Exception {
        Http.Answer a = http.post("/api/captchas", "application/json", "");
        assertEquals(a.body(), 201, a.status());
        // the portal's own service (the test-only one answers HTTP here)
        org.ceportal.captcha.api.Captcha first = captchas.issue();
        assertTrue(first.image().startsWith("data:image/png;base64,"));
        byte[] png = java.util.Base64.getDecoder().decode(first.image().substring("data:image/png;base64,".length()));
        assertEquals("PNG", new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII));
        org.ceportal.captcha.api.Captcha second = captchas.issue();
        assertTrue(!first.id().equals(second.id()));
        // no answer is known here; a wrong one is refused and uses the captcha up
        assertTrue(!captchas.verify(first.id(), "abcd"));
        assertEquals("UP", http.get("/api/health").json().at("/checks/database/migrations/captcha/status").asText());
    }

    @Test
    public void aProfessionalRegistersAndWaitsForApproval() throws Exception {
        long unit = http.get("/api/directory/regions/410300/units?q=" + Http.q("第一高级中学")).json()
                .path("items").get(0).path("id").asLong();
        long department = http.get("/api/directory/units/" + unit + "/departments").json().path("items").get(0).path("id").asLong();
        String id = Accounts.idNumber("41030219850612004");
        String body = "{\"idNumber\":\"" + id + "\",\"password\":\"牡丹花开2026\",\"passwordConfirmation\":\"牡丹花开2026\","
                + "\"mobile\":\"13903790001\",\"email\":\"wang@example.cn\",\"regionCode\":\"410300\",\"unitId\":" + unit
                + ",\"departmentId\":" + department + ",\"name\":\"王芳\",\"gender\":\"F\",\"birthDate\":\"1985-06-12\","
                + "\"ethnicGroup\":\"01\",\"nativePlace\":\"河南洛阳\",\"school\":\"河南大学\",\"majorCode\":\"040107\"}";
        Accounts accounts = accounts();
        Http.Answer a = http.post("/api/registrations", "application/json", accounts.withCaptcha(http, body));
        assertEquals(a.body(), 202, a.status());
        assertEquals("注册信息已经提交审核，请耐心等待", a.json().path("message").asText());

        assertProblem(http.post("/api/registrations", "application/json", accounts.withCaptcha(http, body)), 409, "already_registered");
        JsonNode status = http.post("/api/registrations/status", "application/json",
                accounts.withCaptcha(http, "{\"idNumber\":\"" + id + "\",\"password\":\"牡丹花开2026\"}")).json();
        assertEquals("pending", status.path("state").asText());
        assertEquals("待审核", status.path("stateName").asText());
        assertProblem(http.post("/api/registrations/status", "application/json",
                accounts.withCaptcha(http, "{\"idNumber\":\"" + id + "\",\"password\":\"wrong-password\"}")), 401, "bad_credentials");

        // a unit of another region, a male gender for a female ID number, a bad mobile: all named, nothing stored
        String other = Accounts.idNumber("41030219851112002");
        JsonNode bad = assertProblem(http.post("/api/registrations", "application/json", accounts.withCaptcha(http, body
                .replace(id, other).replace("\"gender\":\"F\"", "\"gender\":\"M\"").replace("13903790001", "1390379")
                .replace("\"regionCode\":\"410300\"", "\"regionCode\":\"410100\""))), 400, "validation_failed");
        java.util.Set<String> fields = new java.util.HashSet<>();
        bad.path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertEquals(java.util.Set.of("gender", "mobile", "unitId", "birthDate"), fields);
        assertProblem(http.post("/api/registrations/status", "application/json",
                accounts.withCaptcha(http, "{\"idNumber\":\"" + other + "\",\"password\":\"牡丹花开2026\"}")), 401, "bad_credentials");
        assertEquals("UP", http.get("/api/health").json().at("/checks/database/migrations/accounts/status").asText());
    }

    @Test
    public void opsCreateTheFirstOpsAccountFromTheConsole() throws Exception {
        String password = "长而好记的一句话2026\n";
        String out = execute("ceportal:account-create --role OPS --name 省运维 henan.ops", password + password);
        assertTrue(out, out.contains("Created account"));
        assertTrue("the password must never be echoed: " + out, !out.contains("长而好记的一句话2026"));
        String again = execute("ceportal:account-create --role OPS --name 省运维 henan.ops", password + password);
        assertTrue(again, again.contains("该账号已存在"));
        String weak = execute("ceportal:account-create --role OPS --name 省运维 henan.ops2", "12345678\n12345678\n");
        assertTrue(weak, weak.contains("该密码过于常见"));
    }

    @Test
    public void openApiDescribesTheInstalledApi() throws Exception {
        JsonNode doc = http.get("/api/openapi.json").json();
        assertEquals("3.1.0", doc.path("openapi").asText());
        for (String path : new String[] {"/health", "/directory/regions", "/directory/regions/{code}/units",
                "/directory/units/{id}/departments", "/directory/majors", "/sessions", "/me", "/unit/registrations"}) {
            assertTrue(path + " missing from " + doc.path("paths").toString().substring(0, Math.min(400, doc.path("paths").toString().length())), doc.path("paths").has(path));
        }
        // every documented GET without path parameters really answers
        doc.path("paths").fieldNames().forEachRemaining(path -> {
            if (!path.contains("{") && doc.path("paths").path(path).has("get")) {
                try {
                    int status = http.get("/api" + path).status();
                    boolean secured = doc.path("paths").path(path).path("get").has("security");
                    assertTrue(path + " answered " + status, status == 200 || secured && status == 401);
                } catch (Exception e) {
                    throw new AssertionError(path, e);
                }
            }
        });
    }

    @Test
    public void migrationsRerunOnRestartChangeNothing() throws Exception {
        Bundle directory = bundle("org.ceportal.directory");
        JsonNode before = http.get("/api/directory/regions/410300/units?size=50").json();

        // the platform re-checks applied scripts and applies none
        database.open(directory, "directory");

        directory.stop();
        directory.start();
        http.awaitOk("/api/health", Duration.ofSeconds(30));
        // the REST whiteboard re-registers the directory's resource: wait until it answers steadily
        for (int i = 0; i < 10; i++) {
            http.awaitOk("/api/directory/regions", Duration.ofSeconds(30));
            Thread.sleep(100);
        }
        JsonNode after = http.awaitOk("/api/directory/regions/410300/units?size=50", Duration.ofSeconds(30)).json();
        assertEquals(before, after);
        assertEquals(19, http.get("/api/directory/regions").json().path("total").asInt());
        assertEquals(5, http.get("/api/health").json().at("/checks/database/migrations/directory/version").asInt());
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError(symbolicName + " not installed");
    }

    // ---- accounts: login, sessions, approval (issue 3) ----

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

    // ---- learning forms, declarations, attachments (issue 4) ----

    @Test
    public void theLearningFormsArePublicAndEvaluateAsTheUserTypes() throws Exception {
        JsonNode forms = http.get("/api/learning-forms").json();
        java.util.Set<String> ids = new java.util.HashSet<>();
        forms.path("items").forEach(f -> ids.add(f.path("id").asText()));
        assertTrue(ids.toString(), ids.containsAll(java.util.List.of("base-study", "training", "degree-study", "conference",
                "research-project", "paper", "book", "patent", "award", "qualification-exam", "survey-report",
                "service-assignment", "sector-training")));
        JsonNode training = http.get("/api/learning-forms/training").json();
        assertEquals("培训/进修", training.path("name").asText());
        assertTrue(training.path("fields").size() >= 4);
        JsonNode e = http.post("/api/learning-forms/training/evaluation", "application/json",
                "{\"values\":{\"courseName\":\"信息技术与课堂教学融合\",\"organiser\":\"洛阳市教育局\","
                        + "\"period\":{\"from\":\"2026-07-06\",\"to\":\"2026-07-08\"},\"measure\":\"days\",\"amount\":3}}").json();
        assertTrue(e.toString(), e.path("valid").asBoolean());
        assertEquals(24, e.path("proposedHours").asInt());
        JsonNode bad = http.post("/api/learning-forms/training/evaluation", "application/json",
                "{\"values\":{\"period\":{\"from\":\"2026-07-06\",\"to\":\"2026-07-08\"},\"measure\":\"days\",\"amount\":5}}").json();
        assertTrue(!bad.path("valid").asBoolean());
        assertTrue(bad.toString(), bad.path("errors").size() >= 2);
        assertProblem(http.get("/api/learning-forms/no-such-form"), 404, "form_not_found");
    }

    private Http professional(String idBody, String name) throws Exception {
        Accounts a = accounts();
        return a.professional(a.unitId("第一高级中学"), Accounts.idNumber(idBody), name, "申报用的长密码2026", "yizhong.decl");
    }

    private static String trainingValues(int days) {
        return "{\"courseName\":\"信息技术与课堂教学融合\",\"organiser\":\"洛阳市教育局\","
                + "\"period\":{\"from\":\"2026-07-06\",\"to\":\"2026-07-10\"},\"measure\":\"days\",\"amount\":" + days + "}";
    }

    @Test
    public void theLifeOfADeclarationOverHttp() throws Exception {
        Http me = professional("41030219860101002", "申报甲");
        Http.Answer up = me.upload("/api/attachments", "培训证书.pdf", "application/pdf", Samples.pdf("certificate"));
        assertEquals(up.body(), 201, up.status());
        long file = up.json().path("id").asLong();
        assertEquals("application/pdf", up.json().path("mediaType").asText());

        Http.Answer created = me.postWith("/api/declarations", "{\"formId\":\"training\",\"year\":"
                + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear()
                + ",\"category\":\"PROFESSIONAL\",\"values\":" + trainingValues(2) + ",\"attachmentIds\":[" + file + "]}");
        assertEquals(created.body(), 201, created.status());
        JsonNode d = created.json();
        long id = d.path("id").asLong();
        assertEquals("draft", d.path("state").asText());
        assertEquals(16, d.path("proposedHours").asInt());
        assertEquals("培训/进修", d.path("schema").path("name").asText());

        Http.Answer edited = me.put("/api/declarations/" + id, "{\"version\":" + d.path("version").asInt()
                + ",\"year\":" + d.path("year").asInt() + ",\"category\":\"GENERAL\",\"values\":" + trainingValues(3)
                + ",\"attachmentIds\":[" + file + "]}");
        assertEquals(edited.body(), 200, edited.status());
        assertEquals(24, edited.json().path("claimedHours").asInt());
        Http.Answer submitted = me.postWith("/api/declarations/" + id + "/submission", "{\"version\":" + edited.json().path("version").asInt() + "}");
        assertEquals(submitted.body(), 200, submitted.status());
        assertEquals("pending", submitted.json().path("state").asText());
        assertEquals(1, me.get("/api/declarations?state=pending").json().path("total").asInt());

        // every illegal transition is a 409; the file of a submitted declaration stays
        assertProblem(me.postWith("/api/declarations/" + id + "/submission", "{}"), 409, "invalid_transition");
        assertProblem(me.put("/api/declarations/" + id, "{\"year\":2026,\"values\":{}}"), 409, "invalid_transition");
        assertProblem(me.delete("/api/declarations/" + id), 409, "invalid_transition");
        assertProblem(me.delete("/api/attachments/" + file), 409, "attachment_locked");

        // someone else sees nothing of it
        Http other = professional("41030219860101010", "申报乙");
        assertProblem(other.get("/api/declarations/" + id), 404, "declaration_not_found");
        assertProblem(other.postWith("/api/declarations/" + id + "/withdrawal", "{}"), 404, "declaration_not_found");
        assertProblem(other.delete("/api/declarations/" + id), 404, "declaration_not_found");
        assertEquals(404, other.download("/api/attachments/" + file).status());

        Http.Download pdf = me.download("/api/attachments/" + file);
        assertEquals(200, pdf.status());
        assertTrue(pdf.disposition(), pdf.disposition().startsWith("attachment;") && pdf.disposition().contains("filename*=UTF-8''"));

        Http.Answer withdrawn = me.postWith("/api/declarations/" + id + "/withdrawal", "{}");
        assertEquals(withdrawn.body(), 200, withdrawn.status());
        assertEquals("draft", withdrawn.json().path("state").asText());
        assertProblem(me.postWith("/api/declarations/" + id + "/withdrawal", "{}"), 409, "invalid_transition");
        assertEquals(204, me.delete("/api/declarations/" + id).status());
        assertProblem(me.get("/api/declarations/" + id), 404, "declaration_not_found");
        assertEquals(0, me.get("/api/declarations").json().path("total").asInt());
    }

    @Test
    public void attachmentAttacksAreRefusedAndNothingIsStored() throws Exception {
        Http me = professional("41030219860101029", "申报丙");
        java.nio.file.Path store = java.nio.file.Path.of(System.getProperty("karaf.data"), "ceportal", "attachments");
        long before = files(store);
        assertProblem(me.upload("/api/attachments", "scan.jpg", "image/jpeg",
                "<html><script>alert(1)</script></html>".getBytes(java.nio.charset.StandardCharsets.UTF_8)), 415, "unsupported_type");
        assertEquals(413, me.upload("/api/attachments", "big.pdf", "application/pdf", bigPdf(11)).status());
        assertEquals(422, me.upload("/api/attachments", "bomb.zip", "application/zip", Samples.zipBomb(200)).status());
        assertEquals(422, me.upload("/api/attachments", "evil.zip", "application/zip",
                Samples.zip("../../evil.pdf", Samples.pdf("x"))).status());
        assertEquals(422, me.upload("/api/attachments", "nested.zip", "application/zip",
                Samples.zip("inner.zip", Samples.zip("a.pdf", Samples.pdf("x")))).status());
        assertEquals("no file may stay behind", before, files(store));
        assertEquals(0, me.get("/api/declarations").json().path("total").asInt());
        Http.Answer ok = me.upload("/api/attachments", "两份证书.zip", "application/zip",
                Samples.zip("a.pdf", Samples.pdf("a"), "b.pdf", Samples.pdf("b")));
        assertEquals(ok.body(), 201, ok.status());
        assertEquals(before + 1, files(store));
    }

    private static byte[] bigPdf(int megabytes) {
        byte[] head = Samples.pdf("big");
        byte[] all = java.util.Arrays.copyOf(head, megabytes << 20);
        return all;
    }

    private static long files(java.nio.file.Path dir) throws IOException {
        if (!java.nio.file.Files.isDirectory(dir)) {
            return 0;
        }
        try (java.util.stream.Stream<java.nio.file.Path> s = java.nio.file.Files.walk(dir)) {
            return s.filter(java.nio.file.Files::isRegularFile).count();
        }
    }

    @Test
    public void aFormInstalledAtRunTimeAndRemovedKeepsItsDeclarations() throws Exception {
        Http me = professional("41030219860101037", "申报丁");
        assertTrue(!http.get("/api/learning-forms").body().contains("skills-competition"));
        long t0 = System.nanoTime();
        features.installFeature("ceportal-learningform-example");
        while (!http.get("/api/learning-forms").body().contains("skills-competition")) {
            assertTrue("not listed within 3 s", System.nanoTime() - t0 < java.time.Duration.ofSeconds(3).toNanos());
            Thread.sleep(50);
        }
        JsonNode schema = http.get("/api/learning-forms/skills-competition").json();
        StringBuilder values = new StringBuilder("{");
        for (JsonNode f : schema.path("fields")) {
            String key = f.path("key").asText();
            String type = f.path("type").asText();
            if (!f.path("required").asBoolean()) {
                continue;
            }
            values.append(values.length() > 1 ? "," : "").append('"').append(key).append("\":");
            switch (type) {
                case "choice" -> values.append('"').append(f.path("options").get(0).path("value").asText()).append('"');
                case "date" -> values.append("\"2026-05-20\"");
                case "number", "year" -> values.append(f.path("min").isMissingNode() || f.path("min").isNull() ? "1" : f.path("min").asText());
                default -> values.append("\"全省中小学教师信息化教学能力大赛\"");
            }
        }
        values.append('}');
        Http.Answer created = me.postWith("/api/declarations", "{\"formId\":\"skills-competition\",\"year\":"
                + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear() + ",\"values\":" + values + "}");
        assertEquals(created.body(), 201, created.status());
        long id = created.json().path("id").asLong();

        features.uninstallFeature("ceportal-learningform-example");
        long t1 = System.nanoTime();
        while (http.get("/api/learning-forms").body().contains("skills-competition")) {
            assertTrue("still listed after 3 s", System.nanoTime() - t1 < java.time.Duration.ofSeconds(3).toNanos());
            Thread.sleep(50);
        }
        JsonNode kept = me.get("/api/declarations/" + id).json();
        assertEquals("技能竞赛", kept.path("formName").asText());
        assertEquals(false, kept.path("formAvailable").asBoolean());
        assertEquals("技能竞赛", kept.path("schema").path("name").asText());
        assertEquals(schema.path("fields").size(), kept.path("schema").path("fields").size());
        assertTrue(kept.path("values").size() > 0);
        assertEquals(1, me.get("/api/declarations?state=draft").json().path("total").asInt());
        assertProblem(me.postWith("/api/declarations", "{\"formId\":\"skills-competition\",\"year\":2026,\"values\":{}}"),
                409, "form_unavailable");
    }

    /** A form registered from the test itself, as any bundle would: 读书笔记, with or without a publisher field. */
    private static org.ceportal.learningform.api.LearningForm readingNotes(String version, boolean withPublisher) {
        java.util.List<org.ceportal.learningform.api.Field> fields = new java.util.ArrayList<>(java.util.List.of(
                org.ceportal.learningform.api.Field.text("title", "书名").required().build(),
                org.ceportal.learningform.api.Field.number("hours", "学时").required().min(1).max(20).build()));
        if (withPublisher) {
            fields.add(org.ceportal.learningform.api.Field.text("publisher", "出版社").required().build());
        }
        org.ceportal.learningform.api.FormDescription d = new org.ceportal.learningform.api.FormDescription("reading-notes",
                version, "读书笔记", org.ceportal.learningform.api.DeclarationKind.HOURS,
                org.ceportal.learningform.api.SubjectCategory.PROFESSIONAL, null, fields, new java.math.BigDecimal("20"), null);
        return new org.ceportal.learningform.api.LearningForm() {
            @Override
            public org.ceportal.learningform.api.FormDescription description() {
                return d;
            }

            @Override
            public org.ceportal.learningform.api.Evaluation evaluate(java.util.Map<String, Object> values) {
                org.ceportal.learningform.api.FieldValues v = org.ceportal.learningform.api.FieldValues.check(d, values);
                return v.isValid() ? org.ceportal.learningform.api.Caps.propose(d, v.decimal("hours"), v.decimal("hours") + " 学时")
                        : v.invalid();
            }
        };
    }

    @Test
    public void anUpgradedFormServesNewDeclarationsAndOldOnesKeepTheirVersion() throws Exception {
        Http me = professional("41030219860101045", "申报戊");
        int year = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        org.osgi.framework.ServiceRegistration<?> v1 = context.registerService(
                org.ceportal.learningform.api.LearningForm.class, readingNotes("1.0.0", false), null);
        try {
            http.awaitOk("/api/learning-forms/reading-notes", Duration.ofSeconds(3));
            Http.Answer old = me.postWith("/api/declarations", "{\"formId\":\"reading-notes\",\"year\":" + year
                    + ",\"values\":{\"title\":\"教育的情调\",\"hours\":6}}");
            assertEquals(old.body(), 201, old.status());
            long oldId = old.json().path("id").asLong();

            // the bundle is updated: version 1.1.0 replaces 1.0.0 and asks for the publisher too
            org.osgi.framework.ServiceRegistration<?> v2 = context.registerService(
                    org.ceportal.learningform.api.LearningForm.class, readingNotes("1.1.0", true), null);
            v1.unregister();
            v1 = v2;
            assertEquals("1.1.0", http.get("/api/learning-forms/reading-notes").json().path("version").asText());
            assertProblem(me.postWith("/api/declarations", "{\"formId\":\"reading-notes\",\"year\":" + year
                    + ",\"values\":{\"title\":\"教育的情调\",\"hours\":6}}"), 400, "validation_failed");
            Http.Answer now = me.postWith("/api/declarations", "{\"formId\":\"reading-notes\",\"year\":" + year
                    + ",\"values\":{\"title\":\"给教师的建议\",\"hours\":4,\"publisher\":\"教育科学出版社\"}}");
            assertEquals(now.body(), 201, now.status());
            assertEquals("1.1.0", me.get("/api/declarations/" + now.json().path("id").asLong()).json().path("formVersion").asText());
            JsonNode kept = me.get("/api/declarations/" + oldId).json();
            assertEquals("1.0.0", kept.path("formVersion").asText());
            assertEquals(2, kept.path("schema").path("fields").size());
        } finally {
            v1.unregister();
        }
    }
}
