package org.ceportal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;

/**
 * Benchmark, not part of the suite ({@code benchmarks/reads.sh}): the portal's reads under wrk
 * (2 threads, 64 connections) on the generated province, each as a share of the bare-Jetty ceiling
 * measured in the same run on the same cores. The container's heap is the distribution's.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ReadBench extends PortalTestBase {
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern P50 = Pattern.compile("\\s50%\\s+([0-9.]+)(us|ms|s)\\b");
    private static final Pattern P99 = Pattern.compile("\\s99%\\s+([0-9.]+)(us|ms|s)\\b");
    /** Seconds of load before each measured call, so that the JIT has compiled its path (bench.warmup). */
    private static final int WARM_UP_SECONDS = Integer.getInteger("bench.warmup", 20);
    private static final Pattern ERRORS = Pattern.compile("Non-2xx or 3xx responses:\\s+([0-9]+)");

    @Inject
    @Filter("(dataSourceName=ceportal)")
    private DataSource dataSource;

    @Configuration
    @Override
    public Option[] config() throws IOException {
        return PortalOptions.forBench("bench.people", "bench.declarations", "bench.ceiling",
                "bench.seconds", "bench.warmup", "bench.wrk", "bench.jfr", "bench.profile", "bench.results");
    }

    /** One call under load: requests per second, p50, p99 and the non-2xx/3xx answers. */
    record Result(String name, String path, double rps, double p50Ms, double p99Ms, long errors) {
    }

    @Test
    public void measureTheReads() throws Exception {
        int people = Integer.getInteger("bench.people", 100_000);
        int declarations = Integer.getInteger("bench.declarations", 1_000_000);
        int seconds = Integer.getInteger("bench.seconds", 10);
        String ceiling = System.getProperty("bench.ceiling");
        String wrk = System.getProperty("bench.wrk", "wrk");
        assertTrue("bench.ceiling names the bare Jetty's URL", ceiling != null && !ceiling.isBlank());
        Accounts a = accounts();
        ProvinceData.Filled filled = ProvinceData.fill(dataSource, a, http, people, declarations, new Random(2026));

        // a person of the generated province, with 50 drafts more than the generator gave them: a full page of 50
        Http me = a.loginAs("professional", ProvinceData.idNumber(0), ProvinceData.PASSWORD);
        for (int i = 0; i < 50; i++) {
            Http.Answer d = me.postWith("/api/declarations", "{\"formId\":\"training\",\"year\":" + Dates.YEAR
                    + ",\"category\":\"PROFESSIONAL\",\"values\":{\"courseName\":\"校本研修 " + i + "\",\"organiser\":"
                    + "\"洛阳市教育局\",\"period\":{\"from\":\"" + Dates.YEAR + "-03-02\",\"to\":\"" + Dates.YEAR
                    + "-03-02\"},\"measure\":\"days\",\"amount\":1}}");
            assertEquals(d.body(), 201, d.status());
        }
        assertEquals(50, me.get("/api/declarations?size=50").json().path("items").size());
        String cookie = "Cookie: " + Http.SESSION_COOKIE + "=" + me.sessionCookie();
        String regionsTag = http.get("/api/directory/regions").headers().firstValue("etag").orElseThrow();
        String base = "http://127.0.0.1:" + System.getProperty("ceportal.test.port");

        List<String[]> calls = List.of(
                new String[] {"static page", "/index.html", null},
                new String[] {"regions", "/api/directory/regions", null},
                new String[] {"regions, revalidated (304)", "/api/directory/regions", "If-None-Match: " + regionsTag},
                new String[] {"units of a region", "/api/directory/regions/410300/units?size=25", null},
                new String[] {"majors search", "/api/directory/majors?q=" + Http.q("计算机"), null},
                new String[] {"learning forms", "/api/learning-forms", null},
                new String[] {"portal", "/api/portal", null},
                new String[] {"health", "/api/health", null},
                new String[] {"declaration list (50, logged in)", "/api/declarations?size=50", cookie});
        for (String[] c : calls) {
            int expected = c[2] != null && c[2].startsWith("If-None-Match") ? 304 : 200;
            Http.Answer answer = c[2] == null ? http.get(c[1])
                    : c[2].startsWith("Cookie") ? me.get(c[1]) : http.getWith(c[1], "If-None-Match", regionsTag);
            assertEquals(c[1], expected, answer.status());
        }

        Result top = wrk(wrk, "ceiling", ceiling, ceiling, null, seconds);
        List<Result> results = new ArrayList<>();
        for (String[] c : calls) {
            results.add(wrk(wrk, c[0], c[1], base + c[1], c[2], seconds));
        }
        Result again = wrk(wrk, "ceiling again", ceiling, ceiling, null, seconds);

        StringBuilder json = new StringBuilder(String.format(Locale.ROOT,
                "{\"benchmark\":\"reads\",\"cores\":%d,\"people\":%d,\"declarations\":%d,\"seconds\":%d,\"warmUpSeconds\":%d,\"connections\":64,"
                        + "\"threads\":2,\"ceiling\":{\"rps\":%.0f,\"p99Ms\":%.2f},\"ceilingAfter\":{\"rps\":%.0f,\"p99Ms\":%.2f},"
                        + "\"maxMemoryMb\":%.0f,\"calls\":[",
                Runtime.getRuntime().availableProcessors(), people, declarations, seconds, WARM_UP_SECONDS, top.rps(), top.p99Ms(), again.rps(),
                again.p99Ms(), Runtime.getRuntime().maxMemory() / 1048576.0));
        for (int i = 0; i < results.size(); i++) {
            Result r = results.get(i);
            json.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"name\":\"%s\",\"path\":\"%s\",\"rps\":%.0f,\"shareOfCeiling\":%.3f,\"p99Ms\":%.2f,\"errors\":%d}",
                    r.name(), r.path().replace("\"", "\\\""), r.rps(), r.rps() / top.rps(), r.p99Ms(), r.errors()));
        }
        json.append("]}");
        System.out.println("READ-BENCH " + json);
        String out = System.getProperty("bench.results");
        if (out != null && !out.isBlank()) {
            Files.writeString(Path.of(out), json + "\n", StandardCharsets.UTF_8);
        }
    }

    /**
     * Runs wrk (2 threads, 64 connections, {@code seconds}) against the URL after a warm-up (the JIT's).
     * With {@code bench.profile} (a folder), the server's JVM — this one — records a JFR profile of
     * the measured run there, through {@code jcmd} ({@code <name>.jfr}; read it with {@code jfr print}).
     * {@link MixedBench} measures its ceiling with it too.
     */
    static Result wrk(String wrk, String name, String path, String url, String header, int seconds)
            throws Exception {
        run(wrk, url, header, WARM_UP_SECONDS);
        boolean record = !name.startsWith("ceiling") && startProfile();
        String out = run(wrk, url, header, seconds);
        if (record) {
            stopProfile(name);
        }
        Matcher rate = RATE.matcher(out);
        Matcher p50 = P50.matcher(out);
        Matcher p99 = P99.matcher(out);
        assertTrue(name + ": " + out, rate.find() && p50.find() && p99.find());
        Matcher errors = ERRORS.matcher(out);
        Result r = new Result(name, path, Double.parseDouble(rate.group(1)), millis(p50), millis(p99),
                errors.find() ? Long.parseLong(errors.group(1)) : 0);
        System.out.println("READ-BENCH " + r);
        return r;
    }

    /** A latency of wrk's distribution (us, ms or s), in ms. */
    private static double millis(Matcher latency) {
        return Double.parseDouble(latency.group(1)) * switch (latency.group(2)) {
            case "us" -> 0.001;
            case "s" -> 1000.0;
            default -> 1.0;
        };
    }

    /**
     * Starts a JFR recording of this JVM (the server's) when {@code bench.profile} names a folder, with the
     * settings {@code bench.jfr} ({@code profile} by default); false when no profile is asked for.
     */
    static boolean startProfile() throws Exception {
        String profile = System.getProperty("bench.profile");
        if (profile == null || profile.isBlank()) {
            return false;
        }
        // JFR's default stack depth (64) cuts most stacks below the portal's own frames; set before the first recording
        jcmd(String.valueOf(ProcessHandle.current().pid()), "JFR.configure", "stackdepth=256");
        jcmd(String.valueOf(ProcessHandle.current().pid()), "JFR.start", "name=bench",
                "settings=" + System.getProperty("bench.jfr", "profile"));
        return true;
    }

    /** Ends the recording {@link #startProfile} began, into {@code <bench.profile>/<name>.jfr}. */
    static void stopProfile(String name) throws Exception {
        Path file = Path.of(System.getProperty("bench.profile")).resolve(name.replaceAll("[^A-Za-z0-9]+", "-") + ".jfr");
        jcmd(String.valueOf(ProcessHandle.current().pid()), "JFR.stop", "name=bench", "filename=" + file.toAbsolutePath());
    }

    private static void jcmd(String pid, String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), pid));
        line.addAll(List.of(command));
        Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(out, 0, p.waitFor());
    }

    /** wrk's output; {@code header} (e.g. {@code Cookie: …}) goes with every request when not null. */
    private static String run(String wrk, String url, String header, int seconds) throws Exception {
        List<String> command = new ArrayList<>(List.of(wrk, "-t2", "-c64", "-d" + seconds + "s", "--latency"));
        if (header != null) {
            command.addAll(List.of("-H", header));
        }
        command.add(url);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(out, 0, p.waitFor());
        return out;
    }
}
