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
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

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
 * A province's data, NOT part of the test suite: run it with {@code benchmarks/province.sh}.
 * Boots the assembled distribution, fills its database through the real schema (the
 * tables the bundles' migrations made) with {@code bench.people} professionals over the
 * 19 regions and their units and {@code bench.declarations} declarations over 5 years in
 * every state and learning form, measures how long that takes and how big the database
 * gets, then times one person's 年度完成情况 and 继续历程明细 over real HTTP.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ProvinceBench extends PortalTestBase {

    @Inject
    @Filter("(dataSourceName=ceportal)")
    private DataSource dataSource;

    @Configuration
    @Override
    public Option[] config() throws IOException {
        return PortalOptions.withProperties("bench", "bench.people", "bench.declarations", "bench.samples", "bench.results");
    }

    @Test
    public void fillTheProvinceAndTimeTheCompletion() throws Exception {
        int people = Integer.getInteger("bench.people", 100_000);
        int declarations = Integer.getInteger("bench.declarations", 1_000_000);
        int samples = Integer.getInteger("bench.samples", 200);
        Random random = new Random(2026);
        Accounts a = accounts();
        // one real registration gives the password hash every generated person shares (one Argon2id)
        ProvinceData.Filled filled = ProvinceData.fill(dataSource, a, http, people, declarations, random);
        List<long[]> units = filled.units();
        Http seed = filled.seed();
        double fillSeconds = filled.seconds();
        long bytes;
        try (Stream<Path> files = Files.walk(Path.of(System.getProperty("karaf.data"), "derby"))) {
            bytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }

        // one person's completion and detail, many people, over real HTTP
        int thisYear = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        List<Long> list = new ArrayList<>();
        List<Long> detail = new ArrayList<>();
        List<Double> listServer = new ArrayList<>();
        List<Double> detailServer = new ArrayList<>();
        int logins = 20;
        List<Http> sessions = new ArrayList<>();
        for (int i = 0; i < logins; i++) {
            int person = random.nextInt(people);
            Http me = a.loginAs("professional", ProvinceData.idNumber(person), ProvinceData.PASSWORD);
            sessions.add(me);
            for (int w = 0; w < 5; w++) { // warm-up
                me.get("/api/me/completion");
            }
            for (int k = 0; k < samples / logins; k++) {
                list.add(timed(me, "/api/me/completion", listServer));
                detail.add(timed(me, "/api/me/completion/" + (thisYear - random.nextInt(5)), detailServer));
            }
        }
        // 学时证明: issue one for a year with approved hours, then draw its PDF a few times
        List<Double> issueServer = new ArrayList<>();
        List<Double> pdfServer = new ArrayList<>();
        long pdfBytes = 0;
        for (Http me : sessions) {
            Integer year = null;
            for (com.fasterxml.jackson.databind.JsonNode y : me.get("/api/me/completion").json().path("items")) {
                if (y.path("approved").path("total").asDouble() > 0) {
                    year = y.path("year").asInt();
                    break;
                }
            }
            if (year == null) {
                continue;
            }
            Http.Answer issued = me.postWith("/api/me/proofs", "{\"year\":" + year + "}");
            assertTrue(issued.body(), issued.status() == 201 || issued.status() == 200);
            issueServer.add(issued.serverMillis());
            String pdf = "/api/me/proofs/" + issued.json().path("code").asText() + ".pdf";
            me.get(pdf); // warm-up
            for (int k = 0; k < 5; k++) {
                Http.Answer drawn = me.get(pdf);
                assertEquals(200, drawn.status());
                pdfServer.add(drawn.serverMillis());
            }
            pdfBytes = Math.max(pdfBytes, me.download(pdf).body().length);
        }
        // 单位统计报表 of the big unit (10 000 people) and of an ordinary one, by their unit admins
        List<Double> bigServer = new ArrayList<>();
        List<Double> smallServer = new ArrayList<>();
        long heapPeak = 0;
        double csvMillis = 0;
        long csvBytes = 0;
        int thisYearReport = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        Http big = a.loginAs("unit_admin", a.unitAdmin(units.get(0)[0], "bench.big"), Accounts.STAFF_PASSWORD);
        Http small = a.loginAs("unit_admin", a.unitAdmin(units.get(1)[0], "bench.small"), Accounts.STAFF_PASSWORD);
        int bigPeople = big.get("/api/unit/reports/completion?year=" + thisYearReport).json().path("summary").path("people").asInt();
        for (int k = 0; k < 20; k++) {
            String q = "/api/unit/reports/completion?year=" + (thisYearReport - k % 5) + "&met=false&sort=total&dir=desc";
            Http.Answer r = big.get(q);
            assertEquals(r.body(), 200, r.status());
            bigServer.add(r.serverMillis());
            heapPeak = Math.max(heapPeak, Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory());
            smallServer.add(small.get(q).serverMillis());
        }
        long c0 = System.nanoTime();
        Http.Download export = big.download("/api/unit/reports/completion.csv?year=" + thisYearReport);
        csvMillis = (System.nanoTime() - c0) / 1e6;
        csvBytes = export.body().length;
        // 全省统计 for ops: the dashboard computed afresh each time (cacheSeconds 0), a region's units,
        // and every person of the province streamed, with the server's heap sampled while it runs
        ensure("org.ceportal.reporting.province", java.util.Map.of("cacheSeconds", "0"));
        Thread.sleep(2000);
        Http ops = a.ops();
        List<Double> dashboardServer = new ArrayList<>();
        List<Double> regionServer = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            Http.Answer d = ops.get("/api/ops/reports/regions?year=" + (thisYearReport - k % 5));
            if (d.status() != 200) { // the resource restarting with its new configuration
                Thread.sleep(500);
                k--;
                continue;
            }
            dashboardServer.add(d.serverMillis());
            Http.Answer r = ops.get("/api/ops/reports/regions/410300/units?year=" + (thisYearReport - k % 5) + "&sort=met_rate");
            assertEquals(r.body(), 200, r.status());
            regionServer.add(r.serverMillis());
        }
        Collections.sort(dashboardServer);
        Collections.sort(regionServer);
        long[] everyone = StreamedDownload.measure(ops, "/api/ops/reports/people.csv?year=" + thisYearReport);
        long[] oneRegion = StreamedDownload.measure(ops, "/api/ops/reports/people.csv?year=" + thisYearReport + "&regionCode=410500");
        long[] workbook = StreamedDownload.measure(ops, "/api/ops/reports/people.xlsx?year=" + thisYearReport);
        Collections.sort(bigServer);
        Collections.sort(smallServer);
        Collections.sort(issueServer);
        Collections.sort(pdfServer);
        Collections.sort(list);
        Collections.sort(detail);
        Collections.sort(listServer);
        Collections.sort(detailServer);
        assertEquals(200, seed.get("/api/me/completion").status());
        String json = String.format(java.util.Locale.ROOT,
                "{\"benchmark\":\"province\",\"cores\":%d,\"people\":%d,\"declarations\":%d,\"units\":%d,"
                        + "\"fillSeconds\":%.1f,\"derbyBytes\":%d,"
                        + "\"completion\":{\"requests\":%d,\"serverMedianMs\":%.2f,\"serverP99Ms\":%.2f,"
                        + "\"clientMedianMs\":%.2f,\"clientP99Ms\":%.2f,\"clientMaxMs\":%.2f},"
                        + "\"detail\":{\"requests\":%d,\"serverMedianMs\":%.2f,\"serverP99Ms\":%.2f,"
                        + "\"clientMedianMs\":%.2f,\"clientP99Ms\":%.2f,\"clientMaxMs\":%.2f},"
                        + "\"proof\":{\"issued\":%d,\"issueServerMedianMs\":%.2f,\"issueServerMaxMs\":%.2f,"
                        + "\"pdfRequests\":%d,\"pdfServerMedianMs\":%.2f,\"pdfServerP99Ms\":%.2f,\"pdfMaxBytes\":%d},"
                        + "\"unitReport\":{\"bigUnitPeople\":%d,\"requests\":%d,\"bigServerMedianMs\":%.2f,\"bigServerMaxMs\":%.2f,"
                        + "\"smallServerMedianMs\":%.2f,\"csvMillis\":%.1f,\"csvBytes\":%d,\"heapUsedPeakBytes\":%d},"
                        + "\"province\":{\"dashboardRequests\":%d,\"dashboardServerMedianMs\":%.2f,\"dashboardServerMaxMs\":%.2f,"
                        + "\"regionUnitsServerMedianMs\":%.2f,\"regionUnitsServerMaxMs\":%.2f,"
                        + "\"exportCsv\":{\"millis\":%d,\"bytes\":%d,\"heapBaselineBytes\":%d,\"heapPeakBytes\":%d},"
                        + "\"exportCsvOneRegion\":{\"millis\":%d,\"bytes\":%d,\"heapBaselineBytes\":%d,\"heapPeakBytes\":%d},"
                        + "\"exportXlsx\":{\"millis\":%d,\"bytes\":%d,\"heapBaselineBytes\":%d,\"heapPeakBytes\":%d}}}",
                Runtime.getRuntime().availableProcessors(), people, declarations, units.size(), fillSeconds, bytes,
                list.size(), pctD(listServer, 50), pctD(listServer, 99), ms(pct(list, 50)), ms(pct(list, 99)),
                ms(list.get(list.size() - 1)), detail.size(), pctD(detailServer, 50), pctD(detailServer, 99),
                ms(pct(detail, 50)), ms(pct(detail, 99)), ms(detail.get(detail.size() - 1)),
                issueServer.size(), pctD(issueServer, 50), issueServer.isEmpty() ? 0 : issueServer.get(issueServer.size() - 1),
                pdfServer.size(), pctD(pdfServer, 50), pctD(pdfServer, 99), pdfBytes,
                bigPeople, bigServer.size(), pctD(bigServer, 50), bigServer.get(bigServer.size() - 1), pctD(smallServer, 50),
                csvMillis, csvBytes, heapPeak, dashboardServer.size(), pctD(dashboardServer, 50),
                dashboardServer.get(dashboardServer.size() - 1), pctD(regionServer, 50), regionServer.get(regionServer.size() - 1),
                everyone[0], everyone[1], everyone[2], everyone[3], oneRegion[0], oneRegion[1], oneRegion[2], oneRegion[3],
                workbook[0], workbook[1], workbook[2], workbook[3]);
        System.out.println("PROVINCE-BENCH " + json);
        String out = System.getProperty("bench.results");
        if (out != null && !out.isBlank()) {
            Files.createDirectories(Path.of(out).getParent());
            Files.writeString(Path.of(out), json + "\n", StandardCharsets.UTF_8);
        }
    }

    /** The client's time of one GET; the server's own (Server-Timing) goes to {@code server}. */
    private static long timed(Http me, String path, List<Double> server) throws Exception {
        long t0 = System.nanoTime();
        Http.Answer a = me.get(path);
        long t = System.nanoTime() - t0;
        assertEquals(a.body(), 200, a.status());
        server.add(a.serverMillis());
        return t;
    }

    private static double pctD(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    private static long pct(List<Long> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
