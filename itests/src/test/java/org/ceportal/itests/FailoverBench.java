package org.ceportal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.Test;

/**
 * Node failure under load (issue 17), run by {@code benchmarks/failover.sh}, not part of the
 * suite: {@code benchmarks/cluster.sh up}, {@code bench.clients} professionals (each from an
 * address of their own, as {@code X-Forwarded-For} through the trusted proxy) go round through
 * nginx: list, read a schema, upload a proof, declare and submit at once, save a draft. After
 * {@code bench.killAt} seconds node 1's JVM gets SIGKILL; the load goes on until
 * {@code bench.seconds}. Then every write the server acknowledged is looked up in the database,
 * and every declaration of the clients is checked whole (its last history entry is its state).
 * Reports failed requests per call before and after the kill, the recovery time (the kill to the
 * end of the last failed request) and the lost acknowledged writes, which must be none.
 */
public class FailoverBench {
    private static final String PASSWORD = "压测用户的长密码2026";
    private static final int CLIENTS = Math.min(1000, Integer.getInteger("bench.clients", 24));
    private static final int SECONDS = Integer.getInteger("bench.seconds", 60);
    private static final int KILL_AT = Integer.getInteger("bench.killAt", 20);

    /** One request: when it started and ended (ms after the load began), and its status (-1: no answer). */
    record Call(String name, long startMs, long endMs, int status) {
        boolean failed() {
            return status < 0 || status >= 500;
        }
    }

    private final List<Call> calls = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<Long, String> declarations = new ConcurrentHashMap<>(); // acknowledged: id → the state answered
    private final Set<Long> attachments = ConcurrentHashMap.newKeySet();
    private volatile long loadStart;

    @Test
    public void oneNodeIsKilledUnderLoad() throws Exception {
        try (Cluster cluster = Cluster.up("org.ceportal.attachments maxFilesPerDay 100000")) {
            List<Http> people = people(cluster);
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            loadStart = System.nanoTime();
            long end = loadStart + TimeUnit.SECONDS.toNanos(SECONDS);
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < people.size(); i++) {
                Http me = people.get(i);
                int number = i;
                running.add(pool.submit(() -> {
                    for (int k = 0; System.nanoTime() < end; k++) {
                        round(me, number, k);
                    }
                    return null;
                }));
            }
            Thread.sleep(TimeUnit.SECONDS.toMillis(KILL_AT));
            long killMs = sinceStart();
            ProcessHandle node1 = ProcessHandle.of(Long.parseLong(cluster.get("node1_pid"))).orElseThrow();
            assertTrue("SIGKILL to node 1", node1.destroyForcibly());
            node1.onExit().get(10, TimeUnit.SECONDS);
            for (Future<?> f : running) {
                f.get();
            }
            pool.shutdown();
            report(cluster, killMs);
        }
    }

    /** The clients' people: registered with a solved captcha, approved by their unit's admin, logged in. */
    private List<Http> people(Cluster cluster) throws Exception {
        cluster.createOps("failover.ops", "压测运维", PASSWORD);
        Http ops = cluster.loggedIn(cluster.proxy, "ops", "failover.ops", PASSWORD);
        Accounts accounts = new Accounts(cluster.proxy, null);
        long unit = accounts.unitId("第一高级中学");
        Http.Answer admin = ops.postWith("/api/ops/accounts", "{\"role\":\"UNIT_ADMIN\",\"login\":\"failover.admin\","
                + "\"name\":\"压测管理员\",\"unitId\":" + unit + ",\"password\":\"" + PASSWORD + "\"}");
        assertEquals(admin.body(), 201, admin.status());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            String id = Accounts.idNumber(String.format("41030219910101%03d", i));
            Http visitor = cluster.proxy.fresh().forwardedFor(address(i));
            String body = accounts.registrationBody(id, name(i), unit, PASSWORD);
            String captcha = Cluster.captcha(visitor);
            Http.Answer registered = visitor.post("/api/registrations", "application/json", body.substring(0, body.length() - 1)
                    + ",\"captchaId\":\"" + captcha + "\",\"captchaAnswer\":\"" + cluster.answerOf(captcha) + "\"}");
            assertEquals(registered.body(), 202, registered.status());
            ids.add(id);
        }
        Http unitAdmin = cluster.loggedIn(cluster.proxy, "unit_admin", "failover.admin", PASSWORD);
        for (int i = 0; i < CLIENTS; i++) {
            long registration = accounts.pendingOf(unitAdmin, name(i)).path("id").asLong();
            Http.Answer approved = unitAdmin.postWith("/api/unit/registrations/" + registration + "/decision",
                    "{\"decision\":\"approve\"}");
            assertEquals(approved.body(), 200, approved.status());
        }
        List<Http> people = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            people.add(cluster.login(cluster.proxy.fresh().forwardedFor(address(i)), "professional", ids.get(i), PASSWORD));
        }
        return people;
    }

    /** 压测 and the number in Chinese digits (a name has no digits). */
    private static String name(int i) {
        StringBuilder out = new StringBuilder("压测");
        for (char c : String.format("%03d", i).toCharArray()) {
            out.append("零一二三四五六七八九".charAt(c - '0'));
        }
        return out.toString();
    }

    private static String address(int i) {
        return "10.17." + (i / 250) + "." + (i % 250 + 1);
    }

    private void round(Http me, int number, int k) throws InterruptedException {
        call("list", () -> me.get("/api/declarations?size=20"));
        call("schema", () -> me.get("/api/learning-forms/training"));
        Http.Answer up = call("upload", () -> me.upload("/api/attachments", "培训证书.pdf", "application/pdf",
                Samples.pdf("failover " + number + " " + k)));
        if (up != null && up.status() == 201) {
            long file = up.json().path("id").asLong();
            attachments.add(file);
            Http.Answer submitted = call("declare_submit", () -> me.postWith("/api/declarations",
                    body("培训 " + number + "-" + k, file, true)));
            if (submitted != null && submitted.status() == 201) {
                declarations.put(submitted.json().path("id").asLong(), submitted.json().path("state").asText());
            }
        }
        Http.Answer draft = call("draft", () -> me.postWith("/api/declarations", body("草稿 " + number + "-" + k, null, false)));
        if (draft != null && draft.status() == 201) {
            declarations.put(draft.json().path("id").asLong(), draft.json().path("state").asText());
        }
    }

    private static String body(String course, Long file, boolean submit) {
        return "{\"formId\":\"training\",\"year\":" + Dates.YEAR + ",\"category\":\"PROFESSIONAL\",\"values\":{\"courseName\":\""
                + course + "\",\"organiser\":\"洛阳市教育局\",\"period\":{\"from\":\"" + Dates.YEAR + "-03-02\",\"to\":\""
                + Dates.YEAR + "-03-02\"},\"measure\":\"hours\",\"amount\":1},\"attachmentIds\":["
                + (file == null ? "" : file) + "],\"submit\":" + submit + "}";
    }

    @FunctionalInterface
    private interface Request {
        Http.Answer send() throws Exception;
    }

    private Http.Answer call(String name, Request request) throws InterruptedException {
        long start = sinceStart();
        Http.Answer a;
        try {
            a = request.send();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            a = null;
        }
        calls.add(new Call(name, start, sinceStart(), a == null ? -1 : a.status()));
        return a;
    }

    private long sinceStart() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - loadStart);
    }

    private void report(Cluster cluster, long killMs) throws Exception {
        Map<String, int[]> perCall = new TreeMap<>(); // total, failed before the kill, failed after it
        long lastFailureEnd = killMs;
        int refusedAsClientErrors = 0;
        Map<Integer, Integer> failedStatuses = new TreeMap<>(); // -1: no answer at all
        for (Call c : List.copyOf(calls)) {
            int[] n = perCall.computeIfAbsent(c.name(), x -> new int[3]);
            n[0]++;
            if (c.failed()) {
                n[c.startMs() < killMs && c.endMs() < killMs ? 1 : 2]++;
                lastFailureEnd = Math.max(lastFailureEnd, c.endMs());
                failedStatuses.merge(c.status(), 1, Integer::sum);
            } else if (c.status() >= 400) {
                refusedAsClientErrors++;
            }
        }
        // every acknowledged write is in the database, whole
        Map<Long, String> inDatabase = new TreeMap<>();
        int halfDone = 0;
        int attachmentsFound = 0;
        int attachmentRows = 0;
        try (Connection c = cluster.database(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT d.id, d.state, (SELECT h.to_state FROM declaration_history h "
                    + "WHERE h.declaration_id = d.id ORDER BY h.happened_at DESC, h.id DESC LIMIT 1) FROM declaration d "
                    + "JOIN account a ON a.id = d.owner_id WHERE a.name LIKE '压测%'")) {
                while (rs.next()) {
                    inDatabase.put(rs.getLong(1), rs.getString(2));
                    if (!rs.getString(2).equals(rs.getString(3))) {
                        halfDone++;
                    }
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT a.id FROM attachment a JOIN account o ON o.id = a.owner_id "
                    + "WHERE o.name LIKE '压测%'")) {
                while (rs.next()) {
                    attachmentRows++;
                    if (attachments.contains(rs.getLong(1))) {
                        attachmentsFound++;
                    }
                }
            }
        }
        int lost = 0;
        for (Map.Entry<Long, String> acked : declarations.entrySet()) {
            if (!acked.getValue().equals(inDatabase.get(acked.getKey()))) {
                lost++;
            }
        }
        lost += attachments.size() - attachmentsFound;
        int unacknowledged = (int) inDatabase.keySet().stream().filter(id -> !declarations.containsKey(id)).count();
        StringBuilder calls = new StringBuilder();
        perCall.forEach((name, n) -> calls.append(calls.length() == 0 ? "" : ",").append(String.format(
                "\"%s\":{\"requests\":%d,\"failedBeforeKill\":%d,\"failedAfterKill\":%d}", name, n[0], n[1], n[2])));
        String statuses = failedStatuses.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                .collect(java.util.stream.Collectors.joining(","));
        String json = String.format("{\"clients\":%d,\"seconds\":%d,\"killAtMs\":%d,\"requests\":%d,\"calls\":{%s},"
                + "\"failedStatuses\":{%s},\"recoveryMs\":%d,\"clientErrors\":%d,\"acknowledgedDeclarations\":%d,\"acknowledgedUploads\":%d,"
                + "\"attachmentRows\":%d,\"lostAcknowledgedWrites\":%d,\"declarationsNotHeldWhole\":%d,\"declarationsCommittedWithoutAnswer\":%d}",
                CLIENTS, SECONDS, killMs, this.calls.size(), calls, statuses, lastFailureEnd - killMs, refusedAsClientErrors,
                declarations.size(), attachments.size(), attachmentRows, lost, halfDone, unacknowledged);
        System.out.println("FAILOVER-BENCH " + json);
        String results = System.getProperty("bench.results");
        if (results != null) {
            Files.createDirectories(Path.of(results).getParent());
            Files.writeString(Path.of(results), json + "\n", StandardCharsets.UTF_8);
        }
        long after = List.copyOf(this.calls).stream().filter(c -> c.startMs() > killMs && !c.failed()).count();
        assertTrue("requests answered after the kill: " + after, after > 0);
        assertTrue("declarations acknowledged", declarations.size() > 0);
        assertEquals("acknowledged writes missing after the kill", 0, lost);
        assertEquals("declarations whose state and history disagree", 0, halfDone);
    }
}
