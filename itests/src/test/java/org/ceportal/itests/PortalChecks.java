package org.ceportal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

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
 * the suite, see {@link PortalTestBase}): bundles, health, directory and its console
 * commands, captchas, OpenAPI. Accounts: {@link AccountChecks}; declarations and
 * learning forms: {@link DeclarationChecks}.
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
        assertEquals(System.getProperty("ceportal.database"), health.at("/checks/database/databaseId").asText());
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

    /** The pages name roles and states from these answers only; the ops role is 省级运维 everywhere. */
    @Test
    public void roleAndStateNamesComeFromTheServer() throws Exception {
        JsonNode roles = http.get("/api/portal").json().path("roles");
        assertEquals(4, roles.size());
        assertEquals("OPS", roles.get(2).path("role").asText());
        assertEquals("省级运维", roles.get(2).path("name").asText());
        assertEquals("BASE_ADMIN", roles.get(3).path("role").asText());
        assertEquals("继续教育基地管理员", roles.get(3).path("name").asText());
        JsonNode states = http.get("/api/declarations/states").json().path("items");
        assertEquals("draft", states.get(0).path("state").asText());
        assertEquals("待提交", states.get(0).path("name").asText());
        assertEquals("审核不通过", states.get(states.size() - 1).path("name").asText());
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
    public void aPageTheBrowserHasIsNotSentAgain() throws Exception {
        Http.Answer first = http.get("/declare.html");
        String etag = first.headers().firstValue("etag").orElseThrow(() -> new AssertionError("no ETag"));
        assertEquals("no-cache", first.headers().firstValue("cache-control").orElse(""));
        Http.Answer again = http.getWith("/declare.html", "If-None-Match", etag);
        assertEquals(304, again.status());
        assertEquals("", again.body());
        assertEquals(etag, again.headers().firstValue("etag").orElse(""));
        Http.Answer other = http.getWith("/index.html", "If-None-Match", etag);
        assertEquals("another page's validator does not match", 200, other.status());
        assertTrue(other.body().contains("lang=\"zh-CN\""));
        assertEquals(first.body(), http.get("/declare.html").body());
    }

    @Test
    public void referenceDataTheBrowserHasIsNotSentAgain() throws Exception {
        for (String path : new String[] {"/api/directory/regions", "/api/directory/titles",
                "/api/directory/majors?q=" + Http.q("计算机")}) {
            Http.Answer first = http.get(path);
            assertEquals(path, 200, first.status());
            String etag = first.headers().firstValue("etag").orElseThrow(() -> new AssertionError(path + ": no ETag"));
            assertTrue(path, first.headers().firstValue("cache-control").orElse("").contains("no-cache"));
            Http.Answer again = http.getWith(path, "If-None-Match", etag);
            assertEquals(path, 304, again.status());
            assertEquals(path, "", again.body());
            assertEquals(path, 200, http.getWith(path, "If-None-Match", "\"0000000000000000\"").status());
        }
        String regions = http.get("/api/directory/regions").headers().firstValue("etag").orElseThrow();
        Http.Answer otherQuery = http.getWith("/api/directory/majors?q=" + Http.q("教育"), "If-None-Match", regions);
        assertEquals("another answer's validator does not match", 200, otherQuery.status());
        assertTrue(otherQuery.json().path("items").size() > 0);
    }

    @Test
    public void aRegionsUnitsAreGivenFromMemoryUntilAUnitIsAdded() throws Exception {
        String path = "/api/directory/regions/410700/units?size=50";
        Http.Answer first = http.get(path);
        assertEquals(200, first.status());
        Http.Answer kept = http.get(path);
        assertEquals(first.body(), kept.body());
        assertEquals("the second read is the kept answer: the REST pipeline, which times every answer, did not run",
                java.util.Optional.empty(), kept.headers().firstValue("server-timing"));
        assertEquals(first.headers().firstValue("content-type"), kept.headers().firstValue("content-type"));

        String regions = "/api/directory/regions";
        String etag = http.get(regions).headers().firstValue("etag").orElseThrow();

        String out = execute("ceportal:unit-add -r 410700 -k GOV 新乡市内存测试单位");
        assertTrue(out, out.contains("新乡市内存测试单位"));
        JsonNode after = http.get(path).json();
        assertEquals("a unit added shows at once on this node", first.json().path("total").asInt() + 1,
                after.path("total").asInt());
        assertTrue(after.toString(), after.toString().contains("新乡市内存测试单位"));

        // the change made every kept answer stale; a browser revalidating the regions builds them again once
        int rebuilt = http.getWith(regions, "If-None-Match", etag).status();
        assertTrue("200 or 304, not " + rebuilt, rebuilt == 200 || rebuilt == 304);
        Http.Answer revalidated = http.getWith(regions, "If-None-Match", etag);
        assertEquals(304, revalidated.status());
        assertEquals("answered from memory", java.util.Optional.empty(), revalidated.headers().firstValue("server-timing"));
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
                    boolean secured = doc.path("paths").path(path).path("get").path("security").size() > 0;
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
}
