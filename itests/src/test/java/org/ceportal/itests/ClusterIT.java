package org.ceportal.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

/**
 * Two nodes of the assembled distribution on one PostgreSQL behind nginx, as
 * {@code benchmarks/cluster.sh up} starts them ({@link Cluster}): what a user does through
 * one node holds on the other. The captchas are the real ones (drawn digits).
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class ClusterIT {
    private static final String OPS = "cluster.ops";
    private static final String PASSWORD = Accounts.STAFF_PASSWORD;
    private static final String TEACHER = Accounts.idNumber("41030219900303012");
    private static Cluster cluster;
    private static Http node1;
    private static Http node2;
    private static Http proxy;
    private static Http ops;

    @BeforeClass
    public static void up() throws Exception {
        cluster = Cluster.up();
        node1 = cluster.node1;
        node2 = cluster.node2;
        proxy = cluster.proxy;
    }

    @AfterClass
    public static void down() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    public void a_bothNodesStartedAtOnceAndEachMigrationRanOnce() throws Exception {
        assertEquals("postgresql", proxy.get("/api/health").json().at("/checks/database/databaseId").asText());
        Pattern applied = Pattern.compile("Applied migration (\\S+) V(\\d+)");
        Map<String, Integer> runs = new TreeMap<>();
        for (String node : List.of("node1_home", "node2_home")) {
            Matcher m = applied.matcher(Files.readString(Path.of(cluster.get(node), "data/log/karaf.log")));
            while (m.find()) {
                runs.merge(m.group(1) + " V" + m.group(2), 1, Integer::sum);
            }
        }
        try (Connection c = cluster.database(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT module, version FROM ceportal_schema_version")) {
            int rows = 0;
            while (rs.next()) {
                rows++;
                assertEquals(rs.getString(1) + " V" + rs.getInt(2) + " ran once: " + runs, Integer.valueOf(1),
                        runs.get(rs.getString(1) + " V" + rs.getInt(2)));
            }
            assertEquals(runs.toString(), rows, runs.size());
        }
    }

    @Test
    public void b_aCaptchaIssuedByOneNodeIsAnsweredThroughTheOther() throws Exception {
        cluster.createOps(OPS, "集群运维", PASSWORD);
        String issuedByNode1 = Cluster.captcha(node1.fresh());
        ops = node2.fresh();
        Http.Answer wrong = Cluster.login(ops, "ops", OPS, PASSWORD, issuedByNode1, "x");
        assertEquals(wrong.body(), 400, wrong.status()); // used up by the wrong answer, on both nodes
        issuedByNode1 = Cluster.captcha(node1.fresh());
        Http.Answer right = Cluster.login(ops, "ops", OPS, PASSWORD, issuedByNode1, cluster.answerOf(issuedByNode1));
        assertEquals(right.body(), 200, right.status());
    }

    @Test
    public void c_aSessionMadeOnOneNodeWorksOnTheOther() throws Exception {
        Http onNode1 = node1.fresh().useSessionCookie(ops.sessionCookie()).csrf(ops.csrf());
        assertEquals("集群运维", onNode1.get("/api/me").json().path("name").asText());
        long unit = new Accounts(node1, null).unitId("第一高级中学");
        Http.Answer admin = onNode1.postWith("/api/ops/accounts", "{\"role\":\"UNIT_ADMIN\",\"login\":\"cluster.admin\","
                + "\"name\":\"集群管理员\",\"unitId\":" + unit + ",\"password\":\"" + PASSWORD + "\"}");
        assertEquals(admin.body(), 201, admin.status());
    }

    @Test
    public void d_aFileUploadedThroughOneNodeDownloadsThroughTheOther() throws Exception {
        Accounts accounts = new Accounts(proxy, null);
        long unit = accounts.unitId("第一高级中学");
        String body = accounts.registrationBody(TEACHER, "集群教师", unit, PASSWORD);
        Http visitor = proxy.fresh();
        String captcha = Cluster.captcha(visitor);
        Http.Answer registered = visitor.post("/api/registrations", "application/json", body.substring(0, body.length() - 1)
                + ",\"captchaId\":\"" + captcha + "\",\"captchaAnswer\":\"" + cluster.answerOf(captcha) + "\"}");
        assertEquals(registered.body(), 202, registered.status());
        Http admin = cluster.loggedIn(proxy, "unit_admin", "cluster.admin", PASSWORD);
        Http.Answer approved = admin.postWith("/api/unit/registrations/" + accounts.pendingOf(admin, "集群教师").path("id").asLong()
                + "/decision", "{\"decision\":\"approve\"}");
        assertEquals(approved.body(), 200, approved.status());

        Http teacher = cluster.loggedIn(node1, "professional", TEACHER, PASSWORD);
        byte[] pdf = Samples.pdf("cluster certificate");
        Http.Answer up = teacher.upload("/api/attachments", "证书.pdf", "application/pdf", pdf);
        assertEquals(up.body(), 201, up.status());
        Http onNode2 = node2.fresh().useSessionCookie(teacher.sessionCookie()).csrf(teacher.csrf());
        Http.Download down = onNode2.download("/api/attachments/" + up.json().path("id").asText());
        assertEquals(200, down.status());
        assertArrayEquals(pdf, down.body());
    }

    @Test
    public void e_aLogoutThroughOneNodeEndsTheSessionOnTheOther() throws Exception {
        Http admin = cluster.loggedIn(node1, "unit_admin", "cluster.admin", PASSWORD);
        Http onNode2 = node2.fresh().useSessionCookie(admin.sessionCookie()).csrf(admin.csrf());
        assertEquals(200, onNode2.get("/api/me").status());
        assertEquals(204, admin.delete("/api/sessions/current").status());
        // writes check the database at once; reads may use a session node 2 read in the last 2 s
        Http.Answer write = onNode2.put("/api/me/password", "{}");
        assertEquals(write.body(), 401, write.status());
        Thread.sleep(2_100);
        assertEquals(401, onNode2.get("/api/me").status());
    }

    @Test
    public void f_wrongPasswordsThroughBothNodesLockTheAccountOnBoth() throws Exception {
        for (int i = 0; i < 5; i++) { // lockoutFreeFailures (5) wrong passwords, alternating the nodes
            Http client = (i % 2 == 0 ? node1 : node2).fresh();
            String captcha = Cluster.captcha(client);
            Http.Answer a = Cluster.login(client, "unit_admin", "cluster.admin", "错误的密码" + i, captcha, cluster.answerOf(captcha));
            assertEquals(a.body(), 401, a.status());
        }
        for (Http node : List.of(node1, node2)) {
            Http client = node.fresh();
            String captcha = Cluster.captcha(client);
            Http.Answer locked = Cluster.login(client, "unit_admin", "cluster.admin", PASSWORD, captcha, cluster.answerOf(captcha));
            assertEquals(locked.body(), 429, locked.status());
            assertTrue(locked.body(), locked.body().contains("account_locked"));
        }
    }

    @Test
    public void f2_aFormDeployedOnOneNodeIsListedThereAndItsDeclarationsReadOnBoth() throws Exception {
        Path jar = Path.of(cluster.get("node1_home"), "deploy/learningform-example.jar");
        Files.copy(Path.of(System.getProperty("ceportal.exampleForm")), jar);
        long t0 = System.nanoTime();
        while (!node1.get("/api/learning-forms").body().contains("skills-competition")) {
            assertTrue("not listed by node 1 within 10 s", System.nanoTime() - t0 < 10_000_000_000L);
            Thread.sleep(100);
        }
        assertFalse("node 2 has no such bundle", node2.get("/api/learning-forms").body().contains("skills-competition"));
        Http teacher = cluster.loggedIn(node1, "professional", TEACHER, PASSWORD);
        Http.Answer created = teacher.postWith("/api/declarations", "{\"formId\":\"skills-competition\",\"year\":" + Dates.YEAR
                + ",\"values\":" + Samples.requiredValues(node1.get("/api/learning-forms/skills-competition").json()) + "}");
        assertEquals(created.body(), 201, created.status());
        Http onNode2 = node2.fresh().useSessionCookie(teacher.sessionCookie()).csrf(teacher.csrf());
        com.fasterxml.jackson.databind.JsonNode read = onNode2.get("/api/declarations/" + created.json().path("id").asLong()).json();
        assertEquals("技能竞赛", read.path("formName").asText());
        assertEquals("技能竞赛", read.path("schema").path("name").asText()); // the snapshot made on node 1
        assertFalse(read.path("formAvailable").asBoolean()); // not on node 2: nothing new is declared with it there
    }

    @Test
    public void g_theLoginThrottleCountsTheAttemptsOfBothNodesTogether() throws Exception {
        // 30 attempts per address and minute (org.ceportal.accounts.throttle); the tests' address is 127.0.0.1
        String lookup = "{\"idNumber\":\"" + TEACHER + "\",\"password\":\"x\","
                + "\"captchaId\":\"none\",\"captchaAnswer\":\"0000\"}";
        int refusedAt = -1;
        for (int i = 1; i <= 40 && refusedAt < 0; i++) {
            Http.Answer a = (i % 2 == 0 ? node2 : node1).post("/api/registrations/status", "application/json", lookup);
            if (a.status() == 429) {
                refusedAt = i;
                assertTrue(a.body(), a.body().contains("too_many_attempts"));
            } else {
                assertEquals(a.body(), 400, a.status()); // counted, then the captcha is wrong
            }
        }
        // each node saw about half of the attempts: neither reached 30 on its own
        assertTrue("refused at attempt " + refusedAt, refusedAt > 0 && (refusedAt + 1) / 2 < 30);
        for (Http node : List.of(node1, node2)) {
            assertEquals(429, node.post("/api/registrations/status", "application/json", lookup).status());
        }
    }
}
