package org.ceportal.itests;

import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Login benchmark, NOT part of the test suite (failsafe only runs *IT classes): run it
 * with {@code benchmarks/login.sh}. Boots the assembled distribution with its
 * production KDF cost, then measures {@code POST /api/sessions} over real HTTP:
 * latency one at a time (median, p99) and logins per second with concurrent clients.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LoginBench {
    @Inject
    private org.apache.karaf.shell.api.console.SessionFactory shell;

    @Configuration
    public Option[] config() throws IOException {
        Option[] options = PortalOptions.withProperties("bench", "bench.sequential", "bench.seconds", "bench.threads",
                "bench.results", "bench.kdf");
        String kdf = System.getProperty("bench.kdf");
        if (kdf == null || kdf.isBlank()) {
            return options;
        }
        // the KDF to measure (default: the distribution's, from metatype)
        Option[] more = java.util.Arrays.copyOf(options, options.length + 1);
        more[options.length] = org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut(
                "etc/org.ceportal.accounts.cfg", "kdf", kdf);
        return more;
    }

    @Test
    public void measureLogins() throws Exception {
        int sequential = Integer.getInteger("bench.sequential", 200);
        int seconds = Integer.getInteger("bench.seconds", 20);
        int threads = Integer.getInteger("bench.threads", 4);
        Http http = new Http(Integer.parseInt(System.getProperty("ceportal.test.port")));
        KarafLog.explaining("KARAF-LOG ", () -> http.awaitOk("/api/health", Duration.ofSeconds(90)));
        Accounts.awaitTestCaptcha(http);
        Accounts accounts = new Accounts(http, this::execute);
        String login = accounts.unitAdmin(accounts.unitId("第一高级中学"), "bench.admin");

        for (int i = 0; i < 20; i++) { // warm-up: JIT, connection pools
            once(accounts, http, login);
        }
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < sequential; i++) {
            latencies.add(once(accounts, http, login));
        }
        Collections.sort(latencies);

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger done = new AtomicInteger();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Future<?>> clients = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            clients.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    once(accounts, http, login);
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : clients) {
            f.get();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();

        String json = String.format(java.util.Locale.ROOT,
                "{\"benchmark\":\"login\",\"kdf\":\"%s\",\"cores\":%d,"
                        + "\"sequential\":{\"logins\":%d,\"medianMs\":%.1f,\"p99Ms\":%.1f,\"minMs\":%.1f,\"maxMs\":%.1f},"
                        + "\"concurrent\":{\"threads\":%d,\"seconds\":%.1f,\"logins\":%d,\"loginsPerSecond\":%.2f}}",
                "pbkdf2-sha256".equals(System.getProperty("bench.kdf")) ? "PBKDF2-HMAC-SHA256, 600000 iterations"
                        : "Argon2id m=19456 KiB, t=2, p=1",
                Runtime.getRuntime().availableProcessors(), latencies.size(), ms(pct(latencies, 50)), ms(pct(latencies, 99)),
                ms(latencies.get(0)), ms(latencies.get(latencies.size() - 1)), threads, elapsed, done.get(), done.get() / elapsed);
        System.out.println("LOGIN-BENCH " + json);
        String out = System.getProperty("bench.results");
        if (out != null && !out.isBlank()) {
            Files.createDirectories(Path.of(out).getParent());
            Files.writeString(Path.of(out), json + "\n", StandardCharsets.UTF_8);
        }
    }

    /** One login: a captcha first (not timed), then the timed POST /api/sessions. */
    private static long once(Accounts accounts, Http http, String login) throws Exception {
        Http client = http.fresh();
        String captcha = accounts.captcha(client);
        long t0 = System.nanoTime();
        Http.Answer a = accounts.loginWith(client, "unit_admin", login, Accounts.STAFF_PASSWORD, captcha, Accounts.ANSWER);
        long t = System.nanoTime() - t0;
        assertEquals(a.body(), 200, a.status());
        return t;
    }

    private static long pct(List<Long> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private String execute(String command, String input) throws Exception {
        return Console.execute(shell, command, input);
    }
}
