package org.ceportal.itests;

import static org.junit.Assert.assertEquals;
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
import java.util.concurrent.TimeUnit;

/**
 * Two nodes of the assembled distribution on one PostgreSQL behind nginx, as
 * {@code benchmarks/cluster.sh up} starts them ({@link #close} runs {@code down}), and what
 * a test needs to act through them as people do: the real captchas answered (the digits found
 * from the salted hash in the shared database, as only a party with the database could).
 */
final class Cluster implements AutoCloseable {
    final Map<String, String> values;
    final Http node1;
    final Http node2;
    final Http proxy;

    private Cluster(Map<String, String> values) {
        this.values = values;
        this.node1 = new Http(port(values.get("node1")));
        this.node2 = new Http(port(values.get("node2")));
        this.proxy = new Http(port(values.get("proxy")));
    }

    static Cluster up() throws Exception {
        return up("");
    }

    /** @param settings {@code CLUSTER_SETTINGS} of cluster.sh: "pid key value;pid key value" for both nodes */
    static Cluster up(String settings) throws Exception {
        Process p = script("up", settings);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue("benchmarks/cluster.sh up did not finish", p.waitFor(6, TimeUnit.MINUTES));
        if (p.exitValue() != 0) {
            script("down", "").waitFor(2, TimeUnit.MINUTES);
            throw new AssertionError("benchmarks/cluster.sh up failed:\n" + out + log("cluster-up.log"));
        }
        Map<String, String> values = new HashMap<>();
        for (String line : out.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1).strip());
            }
        }
        for (String key : List.of("proxy", "node1", "node2", "node1_pid", "node2_pid", "node1_home", "node2_home", "database")) {
            assertTrue(key + " in:\n" + out, values.containsKey(key));
        }
        return new Cluster(values);
    }

    @Override
    public void close() throws Exception {
        Process p = script("down", "");
        p.getInputStream().readAllBytes();
        p.waitFor(2, TimeUnit.MINUTES);
    }

    String get(String key) {
        return values.get(key);
    }

    /** The first ops account, made through the proxy with node 1's one-time setup token. */
    void createOps(String login, String name, String password) throws Exception {
        String token = Files.readString(Path.of(get("node1_home"), "data/ceportal/setup-token.txt")).strip();
        Http.Answer created = proxy.post("/api/setup/ops-account", "application/json", "{\"token\":\"" + token
                + "\",\"login\":\"" + login + "\",\"name\":\"" + name + "\",\"password\":\"" + password + "\"}");
        assertEquals(created.body(), 201, created.status());
    }

    /** A new captcha issued to the client; its id. */
    static String captcha(Http client) throws Exception {
        Http.Answer a = client.post("/api/captchas", "application/json", "");
        assertEquals(a.body(), 201, a.status());
        return a.json().path("id").asText();
    }

    /** The digits whose salted hash the database keeps for the captcha (SHA-256 of id, 0, answer). */
    String answerOf(String captchaId) throws Exception {
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

    static Http.Answer login(Http client, String userType, String account, String password, String captchaId, String answer)
            throws Exception {
        Http.Answer a = client.post("/api/sessions", "application/json", "{\"userType\":\"" + userType + "\",\"account\":\""
                + account + "\",\"password\":\"" + password + "\",\"captchaId\":\"" + captchaId + "\",\"captchaAnswer\":\""
                + answer + "\"}");
        if (a.status() == 200) {
            client.csrf(a.json().path("csrfToken").asText());
        }
        return a;
    }

    /** The client logged in, with a captcha it was issued and answered. */
    Http login(Http client, String userType, String account, String password) throws Exception {
        String captcha = captcha(client);
        Http.Answer a = login(client, userType, account, password, captcha, answerOf(captcha));
        assertEquals(a.body(), 200, a.status());
        return client;
    }

    /** A new user agent of the node, logged in. */
    Http loggedIn(Http node, String userType, String account, String password) throws Exception {
        return login(node.fresh(), userType, account, password);
    }

    /** The shared database (trust authentication on loopback). */
    Connection database() throws Exception {
        return DriverManager.getConnection(get("database"), "ceportal", "");
    }

    private static int port(String url) {
        return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
    }

    /** benchmarks/cluster.sh with this build's tarball, its folder under target/; stderr into target/cluster-*.log. */
    private static Process script(String command, String settings) throws IOException {
        Path root = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
        Path target = Path.of(System.getProperty("ceportal.itest.dir", "target")).toAbsolutePath();
        ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("benchmarks/cluster.sh").toString(), command)
                .redirectError(target.resolve("cluster-" + command + ".log").toFile());
        pb.environment().put("CLUSTER_DIR", target.resolve("cluster").toString());
        pb.environment().put("CLUSTER_TARBALL", System.getProperty("ceportal.distribution"));
        pb.environment().put("CLUSTER_SETTINGS", settings);
        return pb.start();
    }

    private static String log(String name) throws IOException {
        Path p = Path.of(System.getProperty("ceportal.itest.dir", "target")).resolve(name);
        return Files.exists(p) ? "\n" + Files.readString(p) : "";
    }
}
