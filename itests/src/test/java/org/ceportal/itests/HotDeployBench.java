package org.ceportal.itests;

import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * Load during hot deploy, NOT part of the test suite: run it with
 * {@code benchmarks/hotdeploy.sh}. Logged-in professionals list the learning forms,
 * read a schema and save drafts without pause while the example learning-form
 * bundle is installed and uninstalled {@code bench.cycles} times (alternately with
 * {@code feature:install} and {@code bundle:install}). Every answer that is not the
 * expected 2xx counts as a failure; the goal is 0.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HotDeployBench {
    @Inject
    private org.apache.karaf.shell.api.console.SessionFactory shell;

    @Inject
    private org.osgi.framework.BundleContext context;

    /** What {@code feature:install} and {@code feature:uninstall} call. */
    @Inject
    private org.apache.karaf.features.FeaturesService features;

    @Configuration
    public Option[] config() throws IOException {
        return PortalOptions.withProperties("hotdeploy", "bench.clients", "bench.cycles", "bench.results");
    }

    @Test
    public void loadWhileAFormComesAndGoes() throws Exception {
        int clients = Integer.getInteger("bench.clients", 6);
        int cycles = Integer.getInteger("bench.cycles", 5);
        Http http = new Http(Integer.parseInt(System.getProperty("ceportal.test.port")));
        KarafLog.explaining("KARAF-LOG ", () -> http.awaitOk("/api/health", Duration.ofSeconds(90)));
        Accounts.awaitTestCaptcha(http);
        Accounts accounts = new Accounts(http, this::execute);
        long unit = accounts.unitId("第一高级中学");
        List<Http> people = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            String body = "4103021985" + String.format("%02d", i + 1) + "0100" + (i % 2 == 0 ? "2" : "4");
            people.add(accounts.professional(unit, Accounts.idNumber(body), "压测" + (char) ('甲' + i), "压测用的长密码2026", "bench.decl"));
        }
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        String draft = "{\"formId\":\"training\",\"year\":" + year + ",\"category\":\"PROFESSIONAL\",\"values\":{"
                + "\"courseName\":\"信息技术与课堂教学融合\",\"organiser\":\"洛阳市教育局\","
                + "\"period\":{\"from\":\"" + Dates.YEAR + "-07-06\",\"to\":\"" + Dates.YEAR + "-07-08\"},\"measure\":\"days\",\"amount\":3}}";

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger requests = new AtomicInteger();
        Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
        AtomicInteger sawExample = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> workers = new ArrayList<>();
        for (Http person : people) {
            workers.add(pool.submit(() -> {
                while (running.get()) {
                    try {
                        check(person.get("/api/learning-forms"), 200, "list", requests, failures, sawExample);
                        check(person.get("/api/learning-forms/training"), 200, "schema", requests, failures, null);
                        check(person.postWith("/api/declarations", draft), 201, "draft", requests, failures, null);
                    } catch (IOException e) {
                        requests.incrementAndGet();
                        failures.computeIfAbsent("exception " + e, k -> new AtomicInteger()).incrementAndGet();
                    }
                }
                return null;
            }));
        }
        long t0 = System.nanoTime();
        List<String> log = new ArrayList<>();
        for (int c = 0; c < cycles; c++) {
            boolean feature = c % 2 == 0;
            org.osgi.framework.Bundle installed = null;
            if (feature) {
                features.installFeature("ceportal-learningform-example");
            } else { // what bundle:install -s does
                installed = context.installBundle("mvn:org.ceportal/learningform-example/"
                        + System.getProperty("ceportal.version", "0.1.0-SNAPSHOT"));
                installed.start();
            }
            awaitListed(http, true);
            Thread.sleep(1000);
            if (feature) {
                features.uninstallFeature("ceportal-learningform-example");
            } else {
                installed.uninstall();
            }
            awaitListed(http, false);
            Thread.sleep(1000);
            log.add((feature ? "feature" : "bundle") + " in/out");
        }
        running.set(false);
        for (Future<?> f : workers) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - t0) / 1e9;
        int failed = failures.values().stream().mapToInt(AtomicInteger::get).sum();
        String json = String.format(java.util.Locale.ROOT,
                "{\"benchmark\":\"hotdeploy\",\"clients\":%d,\"cycles\":%d,\"seconds\":%.1f,\"requests\":%d,"
                        + "\"failed\":%d,\"failures\":%s,\"listsShowingTheExample\":%d}",
                clients, cycles, seconds, requests.get(), failed, failures, sawExample.get());
        System.out.println("HOTDEPLOY-BENCH " + json + " " + log);
        String out = System.getProperty("bench.results");
        if (out != null && !out.isBlank()) {
            Files.createDirectories(Path.of(out).getParent());
            Files.writeString(Path.of(out), json + "\n", StandardCharsets.UTF_8);
        }
        if (failed > 0) { // the causes, from the log of this Karaf
            KarafLog.printProblems("KARAF-LOG ");
        }
        assertEquals("failed requests: " + failures, 0, failed);
    }

    private static void check(Http.Answer a, int expected, String what, AtomicInteger requests,
            Map<String, AtomicInteger> failures, AtomicInteger sawExample) {
        requests.incrementAndGet();
        if (a.status() != expected) {
            failures.computeIfAbsent(what + " " + a.status(), k -> {
                System.out.println("HOTDEPLOY-BENCH first " + k + ": " + a.body());
                return new AtomicInteger();
            }).incrementAndGet();
        } else if (sawExample != null && a.body().contains("skills-competition")) {
            sawExample.incrementAndGet();
        }
    }

    private static void awaitListed(Http http, boolean listed) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (http.get("/api/learning-forms").body().contains("skills-competition") != listed) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the example form was not " + (listed ? "listed" : "removed") + " within 3 s");
            }
            Thread.sleep(20);
        }
    }

    private String execute(String command, String input) throws Exception {
        return Console.execute(shell, command, input);
    }
}
