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
    private static final long FIRST_ID = 10_000_000L; // explicit ids, far above what the identity columns hand out
    private static final int UNITS_PER_REGION = 50;
    private static final int BIG_UNIT = 10_000;
    private static final String PASSWORD = "省级数据的长密码2026";
    private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗";
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华";

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
        String seedId = Accounts.idNumber("41030319800101001"); // outside the generated numbers (410302...)
        Http seed = a.professional(a.unitId("第一高级中学"), seedId, "种子", PASSWORD, "province.admin");
        JsonNode forms = http.get("/api/learning-forms").json().path("items");
        List<String[]> schemas = new ArrayList<>(); // id, version, name, kind, category, schema JSON
        for (JsonNode f : forms) {
            String schema = http.get("/api/learning-forms/" + f.path("id").asText()).body();
            schemas.add(new String[] {f.path("id").asText(), f.path("version").asText(), f.path("name").asText(),
                f.path("kind").asText(), f.path("category").asText(), schema});
        }

        long t0 = System.nanoTime();
        List<long[]> units = new ArrayList<>(); // unit id, first department id
        String hash;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            hash = one(c, "SELECT password_hash FROM account WHERE login = '" + seedId + "'");
            List<String> regions = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT code FROM region ORDER BY code")) {
                while (r.next()) {
                    regions.add(r.getString(1));
                }
            }
            units(c, regions, units);
            people(c, people, units, hash, random);
            declarations(c, declarations, people, units, schemas, random);
        }
        double fillSeconds = (System.nanoTime() - t0) / 1e9;
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
            Http me = a.loginAs("professional", idNumber(person), PASSWORD);
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

    private static void units(Connection c, List<String> regions, List<long[]> units) throws Exception {
        Timestamp now = Timestamp.from(Instant.now());
        long unitId = FIRST_ID;
        long departmentId = FIRST_ID;
        try (PreparedStatement u = c.prepareStatement(
                "INSERT INTO unit (id, region_code, name, kind, demo, created_at) VALUES (?, ?, ?, 'school', FALSE, ?)");
             PreparedStatement d = c.prepareStatement("INSERT INTO department (id, unit_id, name) VALUES (?, ?, ?)")) {
            for (String region : regions) {
                for (int i = 0; i < UNITS_PER_REGION; i++) {
                    u.setLong(1, unitId);
                    u.setString(2, region);
                    u.setString(3, "基准单位" + region + "-" + i);
                    u.setTimestamp(4, now);
                    u.addBatch();
                    for (String name : new String[] {"办公室", "教务处", "技术部"}) {
                        d.setLong(1, departmentId++);
                        d.setLong(2, unitId);
                        d.setString(3, name);
                        d.addBatch();
                    }
                    units.add(new long[] {unitId, departmentId - 3, Long.parseLong(region)});
                    unitId++;
                }
            }
            u.executeBatch();
            d.executeBatch();
        }
        c.commit();
    }

    /**
     * The unit of person {@code i}: the first {@value #BIG_UNIT} people work in one big unit (a
     * hospital group, a city's schools as one unit: what the unit report is timed on), the
     * others are spread over the remaining units (about a hundred each).
     */
    private static long[] unitOf(int i, List<long[]> units) {
        return i < BIG_UNIT ? units.get(0) : units.get(1 + i % (units.size() - 1));
    }

    /** Person {@code i}: born on a day of 1960–1999, region of their unit, a sequence number; a valid check digit. */
    private static String idNumber(int i) {
        LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(i % 14_600);
        return Accounts.idNumber(String.format("410302%s%03d", birth.toString().replace("-", ""), (i / 14_600) % 1000));
    }

    private static void people(Connection c, int people, List<long[]> units, String hash, Random random) throws Exception {
        Timestamp registered = Timestamp.from(Instant.parse("2022-01-10T02:00:00Z"));
        try (PreparedStatement a = c.prepareStatement("INSERT INTO account (id, role, login, password_hash, state, name, unit_id, "
                + "failed_logins, version, created_at, decided_at) VALUES (?, 'PROFESSIONAL', ?, ?, 'approved', ?, ?, 0, 1, ?, ?)");
             PreparedStatement p = c.prepareStatement("INSERT INTO person (account_id, id_number, live_id_number, mobile, email, "
                     + "region_code, department_id, gender, birth_date, ethnic_group, title_code) VALUES (?, ?, ?, ?, ?, '410300', ?, ?, ?, '01', ?)")) {
            for (int i = 0; i < people; i++) {
                long[] unit = unitOf(i, units);
                String id = idNumber(i);
                a.setLong(1, FIRST_ID + i);
                a.setString(2, id);
                a.setString(3, hash);
                a.setString(4, SURNAMES.charAt(random.nextInt(SURNAMES.length())) + "" + GIVEN.charAt(random.nextInt(GIVEN.length()))
                        + GIVEN.charAt(random.nextInt(GIVEN.length())));
                a.setLong(5, unit[0]);
                a.setTimestamp(6, registered);
                a.setTimestamp(7, registered);
                a.addBatch();
                p.setLong(1, FIRST_ID + i);
                p.setString(2, id);
                p.setString(3, id);
                p.setString(4, String.format("139%08d", i));
                p.setString(5, "p" + i + "@example.cn");
                p.setLong(6, unit[1] + (i % 3));
                p.setString(7, (id.charAt(16) - '0') % 2 == 1 ? "M" : "F");
                p.setDate(8, java.sql.Date.valueOf(id.substring(6, 10) + "-" + id.substring(10, 12) + "-" + id.substring(12, 14)));
                p.setString(9, "SCH-" + (2 + random.nextInt(3)));
                p.addBatch();
                if (i % 1000 == 999) {
                    a.executeBatch();
                    p.executeBatch();
                    c.commit();
                }
            }
            a.executeBatch();
            p.executeBatch();
            c.commit();
        }
    }

    private static void declarations(Connection c, int count, int people, List<long[]> units, List<String[]> schemas,
            Random random) throws Exception {
        int thisYear = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        String[] states = {"approved", "approved", "approved", "approved", "approved", "approved", "approved", "pending",
            "rejected", "draft"};
        try (PreparedStatement d = c.prepareStatement("INSERT INTO declaration (id, owner_id, unit_id, form_id, form_version, "
                + "form_name, kind, schema_json, values_json, title, decl_year, category, proposed_hours, claimed_hours, state, "
                + "approved_hours, reject_reason, version, created_at, updated_at, submitted_at, decided_at, decided_by) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, '{}', ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < count; i++) {
                int owner = random.nextInt(people);
                String[] form = schemas.get(i % 10 < 5 ? indexOf(schemas, "training") : random.nextInt(schemas.size()));
                int year = thisYear - random.nextInt(5);
                String state = states[random.nextInt(states.length)];
                String category = "CHOICE".equals(form[4]) ? (random.nextInt(3) == 0 ? "GENERAL" : "PROFESSIONAL") : form[4];
                java.math.BigDecimal hours = java.math.BigDecimal.valueOf(4 + random.nextInt(37));
                Timestamp at = Timestamp.from(LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28))
                        .atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant());
                boolean decided = state.equals("approved") || state.equals("rejected");
                d.setLong(1, FIRST_ID + i);
                d.setLong(2, FIRST_ID + owner);
                d.setLong(3, unitOf(owner, units)[0]);
                d.setString(4, form[0]);
                d.setString(5, form[1]);
                d.setString(6, form[2]);
                d.setString(7, form[3]);
                d.setString(8, form[5]);
                d.setString(9, form[2] + " 第" + (i % 97) + "期");
                d.setInt(10, year);
                d.setString(11, category);
                d.setBigDecimal(12, hours);
                d.setBigDecimal(13, hours);
                d.setString(14, state);
                d.setBigDecimal(15, state.equals("approved") ? hours : null);
                d.setString(16, state.equals("rejected") ? "证明材料不清晰或不完整" : null);
                d.setTimestamp(17, at);
                d.setTimestamp(18, at);
                d.setTimestamp(19, state.equals("draft") ? null : at);
                d.setTimestamp(20, decided ? at : null);
                if (decided) {
                    d.setLong(21, 1L);
                } else {
                    d.setNull(21, java.sql.Types.BIGINT);
                }
                d.addBatch();
                if (i % 2000 == 1999) {
                    d.executeBatch();
                    c.commit();
                }
            }
            d.executeBatch();
            c.commit();
        }
    }

    private static int indexOf(List<String[]> schemas, String id) {
        for (int i = 0; i < schemas.size(); i++) {
            if (schemas.get(i)[0].equals(id)) {
                return i;
            }
        }
        return 0;
    }

    private static String one(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
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
