package org.ceportal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.inject.Inject;
import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;

/**
 * Benchmark, not part of the suite ({@code benchmarks/mixed.sh}; failsafe runs only {@code *IT} classes):
 * on the generated province, {@code bench.clients} clients — each its own user agent, logged in as a
 * generated person of the big unit — go round what a person does (list their declarations, read the
 * training form's schema, upload a proof, save a draft, save it again, submit it; every
 * {@value #LOGIN_EVERY}th round a fresh login as the next person) while, every {@value #REVIEW_EVERY}th
 * round of each client, the unit's admin reads the pending queue and approves one of it. Each call's
 * rate, p50 and p99 in the measured phase are reported as ratios to the bare-Jetty ceiling measured with
 * wrk in the same run ({@link ReadBench#wrk}). Then a submit burst: {@code bench.submits} drafts made
 * beforehand, submitted by all clients at once. The RSS of this JVM — the portal's, the probe runs in
 * it — is sampled throughout both. Asserts only that the run means something: every call succeeded,
 * and every submission the server acknowledged is submitted in the database (no lost writes).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MixedBench extends PortalTestBase {
    /** A client logs in again, as the next person, every this many rounds (each person stays below the daily upload quota, 100). */
    static final int LOGIN_EVERY = 20;
    /** Each client has the unit admin review every this many rounds. */
    static final int REVIEW_EVERY = 10;
    /** The burst's drafts per person (each has a proof file: under the daily upload quota). */
    static final int BURST_PER_PERSON = 50;

    /** The calls, in the report's order. */
    enum Call {
        LOGIN("login"), LIST("list"), SCHEMA("schema"), UPLOAD("upload"), DRAFT("draft"), SAVE("save"), SUBMIT("submit"),
        REVIEW_LIST("review-list"), APPROVE("approve");

        final String label;

        Call(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** A call in the measured phase: its 2xx answers per second and their latencies, beside the ceiling's. */
    record CallResult(String name, long count, double rps, double shareOfCeiling, double p50Ms, double p99Ms,
                      double p50RatioToCeiling, long errors, long conflicts) {
        static CallResult of(Call call, LoadRecorder.Stats s, int seconds, ReadBench.Result ceiling) {
            double rps = s.count() / (double) seconds;
            return new CallResult(call.label, s.count(), rps, rps / ceiling.rps(), s.p50Ms(), s.p99Ms(),
                    ceiling.p50Ms() > 0 ? s.p50Ms() / ceiling.p50Ms() : 0, s.errors(), s.conflicts());
        }

        String json() {
            return String.format(Locale.ROOT, "{\"name\":\"%s\",\"count\":%d,\"rps\":%.1f,\"shareOfCeiling\":%.4f,\"p50Ms\":%.2f,"
                    + "\"p99Ms\":%.2f,\"p50RatioToCeiling\":%.1f,\"errors\":%d,\"conflicts\":%d}",
                    name, count, rps, shareOfCeiling, p50Ms, p99Ms, p50RatioToCeiling, errors, conflicts);
        }
    }

    /** The submit burst: acknowledged submissions, how long all took, and the others. */
    record Burst(long submits, double seconds, double perSecond, double p50Ms, double p99Ms, long errors) {
        String json() {
            return String.format(Locale.ROOT, "{\"submits\":%d,\"seconds\":%.2f,\"perSecond\":%.1f,\"p50Ms\":%.2f,\"p99Ms\":%.2f,"
                    + "\"errors\":%d}", submits, seconds, perSecond, p50Ms, p99Ms, errors);
        }
    }

    /** A draft of the burst, with the user agent of its owner. */
    record Draft(Http me, long id, int version) {
    }

    @Inject
    @Filter("(dataSourceName=ceportal)")
    private DataSource dataSource;

    private Accounts accounts;
    /** The big unit's admin: one session, shared by the clients (HttpClient is thread-safe). */
    private Http admin;
    /** The clients log in as generated people 0, 1, 2, … modulo this (all of the big unit by default). */
    private int mixedPeople;
    private final AtomicInteger nextPerson = new AtomicInteger();
    private final AtomicInteger nextBurstPerson = new AtomicInteger();
    /** Declarations whose submission was answered 2xx, and those whose submission got no answer at all. */
    private final Set<Long> submitted = ConcurrentHashMap.newKeySet();
    private final Set<Long> unanswered = ConcurrentHashMap.newKeySet();

    @Configuration
    @Override
    public Option[] config() throws IOException {
        return PortalOptions.forBench("bench.people", "bench.declarations", "bench.ceiling",
                "bench.seconds", "bench.warmup", "bench.wrk", "bench.clients", "bench.submits", "bench.jfr", "bench.profile",
                "bench.results");
    }

    @Test
    public void measureTheMixedLoad() throws Exception {
        int people = Integer.getInteger("bench.people", 100_000);
        int declarations = Integer.getInteger("bench.declarations", 1_000_000);
        int seconds = Integer.getInteger("bench.seconds", 30);
        int warmUp = Integer.getInteger("bench.warmup", 20);
        int clients = Integer.getInteger("bench.clients", 64);
        int submits = Integer.getInteger("bench.submits", 6000);
        String ceiling = System.getProperty("bench.ceiling");
        String wrk = System.getProperty("bench.wrk", "wrk");
        assertTrue("bench.ceiling names the bare Jetty's URL", ceiling != null && !ceiling.isBlank());
        // the clients' user agents share one HttpClient: 64 of them, each with its own selector thread and
        // pool, would count in the RSS of the portal's JVM that the run measures
        accounts = new Accounts(Http.sharingClient(Integer.parseInt(System.getProperty("ceportal.test.port")), 4), this::execute);
        ProvinceData.Filled filled = ProvinceData.fill(dataSource, accounts, http, people, declarations, new Random(2026));
        // the generated units have no admin: the big unit's (where the clients' people work) is made through the ops API
        admin = accounts.loginAs("unit_admin", accounts.unitAdmin(filled.units().get(0)[0], "mixed.admin"), Accounts.STAFF_PASSWORD);

        int[] burstDrafts = new int[clients];
        int burstPeople = 0; // taken from the last generated person down, apart from the clients' people
        for (int c = 0; c < clients; c++) {
            burstDrafts[c] = submits / clients + (c < submits % clients ? 1 : 0);
            burstPeople += (burstDrafts[c] + BURST_PER_PERSON - 1) / BURST_PER_PERSON;
        }
        mixedPeople = Math.min(ProvinceData.BIG_UNIT, people - burstPeople);
        assertTrue(people + " people are too few for " + clients + " clients", mixedPeople >= 2 * clients);

        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Professional> professionals = LoadRecorder.perClient(pool, clients,
                    c -> new Professional(c, accounts.loginAs("professional", nextPersonId(), ProvinceData.PASSWORD)));
            ReadBench.Result top = ReadBench.wrk(wrk, "ceiling", ceiling, ceiling, null, seconds);

            List<LoadRecorder> mixed;
            List<LoadRecorder> burst;
            AtomicLong burstStart = new AtomicLong();
            double burstSeconds;
            double maxRssMb;
            try (LoadRecorder.Rss rss = new LoadRecorder.Rss()) {
                long from = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmUp);
                long to = from + TimeUnit.SECONDS.toNanos(seconds);
                mixed = LoadRecorder.perClient(pool, clients, c -> {
                    LoadRecorder r = new LoadRecorder(Call.values().length, from, to);
                    while (System.nanoTime() < to) {
                        professionals.get(c).round(r);
                    }
                    return r;
                });
                System.out.println("MIXED-BENCH mixed phase done, RSS so far " + rss.maxMb() + " MB; preparing " + submits + " drafts");
                List<List<Draft>> drafts = LoadRecorder.perClient(pool, clients, c -> prepare(burstDrafts[c], people));
                CyclicBarrier go = new CyclicBarrier(clients, () -> burstStart.set(System.nanoTime()));
                boolean profiled = ReadBench.startProfile();
                burst = LoadRecorder.perClient(pool, clients, c -> {
                    LoadRecorder r = LoadRecorder.always(Call.values().length);
                    go.await();
                    for (Draft d : drafts.get(c)) {
                        submit(r, d.me(), d.id(), d.version());
                    }
                    return r;
                });
                burstSeconds = (System.nanoTime() - burstStart.get()) / 1e9;
                if (profiled) {
                    ReadBench.stopProfile("submit-burst");
                }
                maxRssMb = rss.maxMb();
            }

            List<CallResult> calls = new ArrayList<>();
            long answered = 0;
            long errors = 0;
            for (Call call : Call.values()) {
                CallResult c = CallResult.of(call, LoadRecorder.stats(mixed, call), seconds, top);
                calls.add(c);
                answered += c.count();
                errors += c.errors();
            }
            double totalRps = answered / (double) seconds;
            LoadRecorder.Stats b = LoadRecorder.stats(burst, Call.SUBMIT);
            Burst submitBurst = new Burst(b.count(), burstSeconds, burstSeconds > 0 ? b.count() / burstSeconds : 0, b.p50Ms(),
                    b.p99Ms(), b.errors());
            String json = String.format(Locale.ROOT,
                    "{\"benchmark\":\"mixed\",\"cores\":%d,\"people\":%d,\"declarations\":%d,\"clients\":%d,\"seconds\":%d,"
                            + "\"warmUpSeconds\":%d,\"loginEvery\":%d,\"reviewEvery\":%d,"
                            + "\"ceiling\":{\"rps\":%.0f,\"p50Ms\":%.2f,\"p99Ms\":%.2f},\"calls\":[%s],"
                            + "\"total\":{\"rps\":%.1f,\"shareOfCeiling\":%.4f},\"submitBurst\":%s,\"maxRssMb\":%.0f,\"maxMemoryMb\":%.0f}",
                    Runtime.getRuntime().availableProcessors(), people, declarations, clients, seconds, warmUp, LOGIN_EVERY,
                    REVIEW_EVERY, top.rps(), top.p50Ms(), top.p99Ms(),
                    calls.stream().map(CallResult::json).collect(Collectors.joining(",")), totalRps, totalRps / top.rps(),
                    submitBurst.json(), maxRssMb, Runtime.getRuntime().maxMemory() / 1048576.0);
            System.out.println("MIXED-BENCH " + json);
            String out = System.getProperty("bench.results");
            if (out != null && !out.isBlank()) {
                Files.writeString(Path.of(out), json + "\n", StandardCharsets.UTF_8);
            }
            if (errors + submitBurst.errors() > 0) { // the causes, from the log of this Karaf
                KarafLog.printProblems("KARAF-LOG ");
            }

            for (CallResult c : calls) {
                assertTrue(c.name() + " never succeeded in the measured phase", c.count() > 0);
            }
            assertTrue("the burst submitted nothing", submits == 0 || submitBurst.submits() > 0);
            Set<Long> found = submittedInDatabase();
            System.out.println("MIXED-BENCH submissions: " + submitted.size() + " acknowledged, " + unanswered.size()
                    + " unanswered; " + found.size() + " submitted in the database");
            found.removeAll(unanswered); // a submission that got no answer may or may not have been made
            assertEquals("2xx submissions vs. the clients' declarations submitted in the database", submitted.size(), found.size());
            Set<Long> lost = new HashSet<>(submitted);
            lost.removeAll(found);
            assertEquals("lost writes: acknowledged submissions that are not submitted in the database", Set.of(), lost);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A client: one user agent, logged in as a generated person, going round the scenario. */
    private final class Professional {
        private final int number;
        private final Http me;
        private final Random random;
        private int round;

        Professional(int number, Http me) {
            this.number = number;
            this.me = me;
            this.random = new Random(number);
        }

        /** (A fresh login,) list, schema, upload, draft, save, submit (, the admin's review); what needs a failed step is left out. */
        void round(LoadRecorder r) throws InterruptedException {
            int k = round++;
            if (k > 0 && (k + number) % LOGIN_EVERY == 0) { // staggered, so that the clients do not all log in at once
                login(r, me);
            }
            r.call(Call.LIST, () -> me.get("/api/declarations?size=50"));
            r.call(Call.SCHEMA, () -> me.get("/api/learning-forms/training"));
            Http.Answer up = r.call(Call.UPLOAD,
                    () -> me.upload("/api/attachments", "培训证书.pdf", "application/pdf", Samples.pdf("mixed " + number + " " + k)));
            if (ok(up)) {
                String course = "校本研修 " + number + "-" + k;
                long file = up.json().path("id").asLong();
                Http.Answer d = r.call(Call.DRAFT, () -> me.postWith("/api/declarations", draft(course, file, null)));
                if (ok(d)) {
                    long id = d.json().path("id").asLong();
                    int version = d.json().path("version").asInt();
                    Http.Answer saved = r.call(Call.SAVE,
                            () -> me.put("/api/declarations/" + id, draft(course + " 修订", file, version)));
                    if (ok(saved)) {
                        submit(r, me, id, saved.json().path("version").asInt());
                    }
                }
            }
            if ((k + number) % REVIEW_EVERY == 0) {
                review(r, random);
            }
        }
    }

    /** The 培训/进修 draft ReadBench saves, with its proof file; {@code version} when it is saved again. */
    private static String draft(String course, long file, Integer version) {
        return "{\"formId\":\"training\",\"year\":" + Dates.YEAR + ",\"category\":\"PROFESSIONAL\",\"values\":{\"courseName\":\""
                + course + "\",\"organiser\":\"洛阳市教育局\",\"period\":{\"from\":\"" + Dates.YEAR + "-03-02\",\"to\":\"" + Dates.YEAR
                + "-03-02\"},\"measure\":\"days\",\"amount\":1},\"attachmentIds\":[" + file + "]"
                + (version == null ? "" : ",\"version\":" + version) + "}";
    }

    /**
     * A fresh login as the next person on the client's user agent, as LoginBench times one: a captcha (not
     * timed), then the timed {@code POST /api/sessions}. After a failure the client carries on as before.
     */
    private void login(LoadRecorder r, Http me) throws InterruptedException {
        String session = me.sessionCookie();
        String token = me.csrf();
        me.useSessionCookie(null).csrf(null);
        String person = nextPersonId();
        String captcha;
        try {
            captcha = accounts.captcha(me);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception | AssertionError e) {
            r.error(Call.LOGIN, System.nanoTime());
            me.useSessionCookie(session).csrf(token);
            return;
        }
        Http.Answer a = r.call(Call.LOGIN,
                () -> accounts.loginWith(me, "professional", person, ProvinceData.PASSWORD, captcha, Accounts.ANSWER));
        if (!ok(a)) {
            me.useSessionCookie(session).csrf(token);
        }
    }

    /** Submits the draft; what the server acknowledged (or never answered) is compared with the database at the end. */
    private void submit(LoadRecorder r, Http me, long id, int version) throws InterruptedException {
        Http.Answer a = r.call(Call.SUBMIT,
                () -> me.postWith("/api/declarations/" + id + "/submission", "{\"version\":" + version + "}"));
        if (a == null) {
            unanswered.add(id);
        } else if (ok(a)) {
            submitted.add(id);
        }
    }

    /** The unit admin reads the first page of the pending queue and approves one of it, picked at random. */
    private void review(LoadRecorder r, Random random) throws InterruptedException {
        Http.Answer queue = r.call(Call.REVIEW_LIST, () -> admin.get("/api/review/declarations?state=pending&size=20"));
        JsonNode items = ok(queue) ? queue.json().path("items") : null;
        if (items != null && items.size() > 0) {
            JsonNode item = items.get(random.nextInt(items.size()));
            r.call(Call.APPROVE, true, () -> admin.postWith("/api/review/declarations/" + item.path("id").asLong() + "/decision",
                    "{\"decision\":\"approve\",\"version\":" + item.path("version").asInt() + "}"));
        }
    }

    private static boolean ok(Http.Answer a) {
        return a != null && a.status() / 100 == 2;
    }

    private String nextPersonId() {
        return ProvinceData.idNumber(nextPerson.getAndIncrement() % mixedPeople);
    }

    /** A client's drafts of the burst, each with its proof file, owned by people from the last one down (not timed). */
    private List<Draft> prepare(int count, int people) throws Exception {
        List<Draft> drafts = new ArrayList<>();
        Http me = null;
        for (int i = 0; i < count; i++) {
            if (i % BURST_PER_PERSON == 0) {
                me = accounts.loginAs("professional", ProvinceData.idNumber(people - 1 - nextBurstPerson.getAndIncrement()),
                        ProvinceData.PASSWORD);
            }
            Http.Answer up = me.upload("/api/attachments", "培训证书.pdf", "application/pdf", Samples.pdf("burst " + i));
            assertEquals(up.body(), 201, up.status());
            Http.Answer d = me.postWith("/api/declarations", draft("集中提交 " + i, up.json().path("id").asLong(), null));
            assertEquals(d.body(), 201, d.status());
            drafts.add(new Draft(me, d.json().path("id").asLong(), d.json().path("version").asInt()));
        }
        return drafts;
    }

    /** The declarations this run made (identity ids, below the generated ones) that are no longer drafts. */
    private Set<Long> submittedInDatabase() throws SQLException {
        Set<Long> ids = new HashSet<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT id FROM declaration WHERE id < ? AND owner_id >= ? AND state <> 'draft'")) {
            s.setLong(1, ProvinceData.FIRST_ID);
            s.setLong(2, ProvinceData.FIRST_ID);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        return ids;
    }
}
