package org.ceportal.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

/**
 * Two nodes of the assembled distribution on one PostgreSQL behind nginx, as
 * {@code benchmarks/cluster.sh up} starts them: what a user does through one node holds on
 * the other. The captchas are the real ones (drawn digits): the test reads a captcha's salted
 * hash from the shared database and finds its digits, as only a party with the database could.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class ClusterIT {
    private static final String OPS = "cluster.ops";
    private static final String PASSWORD = Accounts.STAFF_PASSWORD;
    private static Map<String, String> cluster;
    private static Http node1;
    private static Http node2;
    private static Http proxy;
    private static Http ops;

    @BeforeClass
    public static void up() throws Exception {
        Process p = script("up");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue("benchmarks/cluster.sh up did not finish", p.waitFor(6, TimeUnit.MINUTES));
        assertEquals("benchmarks/cluster.sh up failed:\n" + out + log("cluster-up.log"), 0, p.exitValue());
        cluster = new HashMap<>();
        for (String line : out.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                cluster.put(line.substring(0, eq), line.substring(eq + 1).strip());
            }
        }
        for (String key : List.of("proxy", "node1", "node2", "node1_pid", "node2_pid", "node1_home", "node2_home")) {
            assertTrue(key + " in:\n" + out, cluster.containsKey(key));
        }
        node1 = new Http(port(cluster.get("node1")));
        node2 = new Http(port(cluster.get("node2")));
        proxy = new Http(port(cluster.get("proxy")));
    }

    @AfterClass
    public static void down() throws Exception {
        Process p = script("down");
        p.getInputStream().readAllBytes();
        p.waitFor(2, TimeUnit.MINUTES);
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
        try (Connection c = database(); ResultSet rs = c.createStatement().executeQuery(
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
        String token = Files.readString(Path.of(cluster.get("node1_home"), "data/ceportal/setup-token.txt")).strip();
        Http.Answer created = node2.post("/api/setup/ops-account", "application/json", "{\"token\":\"" + token
                + "\",\"login\":\"" + OPS + "\",\"name\":\"集群运维\",\"password\":\"" + PASSWORD + "\"}");
        assertEquals(created.body(), 201, created.status());
        String issuedByNode1 = captcha(node1.fresh());
        ops = node2.fresh();
        Http.Answer wrong = login(ops, "ops", OPS, PASSWORD, issuedByNode1, "x");
        assertEquals(wrong.body(), 400, wrong.status()); // used up by the wrong answer, on both nodes
        issuedByNode1 = captcha(node1.fresh());
        Http.Answer right = login(ops, "ops", OPS, PASSWORD, issuedByNode1, answerOf(issuedByNode1));
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
        String id = Accounts.idNumber("41030219900303012");
        String body = accounts.registrationBody(id, "集群教师", unit, PASSWORD);
        Http visitor = proxy.fresh();
        String captcha = captcha(visitor);
        Http.Answer registered = visitor.post("/api/registrations", "application/json", body.substring(0, body.length() - 1)
                + ",\"captchaId\":\"" + captcha + "\",\"captchaAnswer\":\"" + answerOf(captcha) + "\"}");
        assertEquals(registered.body(), 202, registered.status());
        Http admin = loggedIn(proxy, "unit_admin", "cluster.admin", PASSWORD);
        Http.Answer approved = admin.postWith("/api/unit/registrations/" + accounts.pendingOf(admin, "集群教师").path("id").asLong()
                + "/decision", "{\"decision\":\"approve\"}");
        assertEquals(approved.body(), 200, approved.status());

        Http teacher = loggedIn(node1, "professional", id, PASSWORD);
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
        Http admin = loggedIn(node1, "unit_admin", "cluster.admin", PASSWORD);
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
            Http.Answer a = login(client, "unit_admin", "cluster.admin", "错误的密码" + i, captcha(client), answerOf(lastCaptcha));
            assertEquals(a.body(), 401, a.status());
        }
        for (Http node : List.of(node1, node2)) {
            Http client = node.fresh();
            Http.Answer locked = login(client, "unit_admin", "cluster.admin", PASSWORD, captcha(client), answerOf(lastCaptcha));
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
        Http teacher = loggedIn(node1, "professional", Accounts.idNumber("41030219900303012"), PASSWORD);
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
        String lookup = "{\"idNumber\":\"" + Accounts.idNumber("41030219900303012") + "\",\"password\":\"x\","
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

    // --- helpers ---

    private static String lastCaptcha;

    private static String captcha(Http client) throws Exception {
        Http.Answer a = client.post("/api/captchas", "application/json", "");
        assertEquals(a.body(), 201, a.status());
        lastCaptcha = a.json().path("id").asText();
        return lastCaptcha;
    }

    /** The digits whose salted hash the database keeps for the captcha (SHA-256 of id, 0, answer). */
    private static String answerOf(String captchaId) throws Exception {
        String hash;
        try (Connection c = database(); PreparedStatement st = c.prepareStatement("SELECT answer_hash FROM captcha WHERE id = ?")) {
            st.setString(1, captchaId);
            try (ResultSet rs = st.executeQuery()) {
                assertTrue("captcha " + captchaId + " is in the shared database", rs.next());
                hash = rs.getString(1);
            }
        }
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (int length = 4; length <= 8; length++) {
            int limit = (int) Math.pow(10, length);
            for (int n = 0; n < limit; n++) {
                String digits = String.format("%0" + length + "d", n);
                sha.update(captchaId.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                if (HexFormat.of().formatHex(sha.digest(digits.getBytes(StandardCharsets.UTF_8))).equals(hash)) {
                    return digits;
                }
            }
        }
        throw new AssertionError("no digits match the hash of captcha " + captchaId);
    }

    private static Http.Answer login(Http client, String userType, String account, String password, String captchaId,
            String answer) throws Exception {
        Http.Answer a = client.post("/api/sessions", "application/json", "{\"userType\":\"" + userType + "\",\"account\":\""
                + account + "\",\"password\":\"" + password + "\",\"captchaId\":\"" + captchaId + "\",\"captchaAnswer\":\""
                + answer + "\"}");
        if (a.status() == 200) {
            client.csrf(a.json().path("csrfToken").asText());
        }
        return a;
    }

    private static Http loggedIn(Http node, String userType, String account, String password) throws Exception {
        Http client = node.fresh();
        String captcha = captcha(client);
        Http.Answer a = login(client, userType, account, password, captcha, answerOf(captcha));
        assertEquals(a.body(), 200, a.status());
        return client;
    }

    private static Connection database() throws Exception {
        return DriverManager.getConnection(cluster.get("database"), "ceportal", "");
    }

    private static int port(String url) {
        return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
    }

    /** benchmarks/cluster.sh with this build's tarball, its folder under target/; stderr into target/cluster-*.log. */
    private static Process script(String command) throws IOException {
        Path root = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
        Path target = Path.of(System.getProperty("ceportal.itest.dir", "target")).toAbsolutePath();
        ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("benchmarks/cluster.sh").toString(), command)
                .redirectError(target.resolve("cluster-" + command + ".log").toFile());
        pb.environment().put("CLUSTER_DIR", target.resolve("cluster").toString());
        pb.environment().put("CLUSTER_TARBALL", System.getProperty("ceportal.distribution"));
        return pb.start();
    }

    private static String log(String name) throws IOException {
        Path p = Path.of(System.getProperty("ceportal.itest.dir", "target")).resolve(name);
        return Files.exists(p) ? "\n" + Files.readString(p) : "";
    }
}
