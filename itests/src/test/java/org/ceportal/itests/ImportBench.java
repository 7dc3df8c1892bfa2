package org.ceportal.itests;

import static org.junit.Assert.assertEquals;

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
import java.util.ArrayList;
import java.util.List;

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
 * Benchmark, not part of the suite ({@code benchmarks/import.sh}): a base's attendance list of
 * {@code bench.rows} lines (default 10 000) as .xlsx — all but {@code bench.unregistered} of them
 * registered professionals, written into the accounts' tables with JDBC — checked (dry run) and
 * committed over real HTTP, each timed with the server's heap sampled. The container gets the
 * distribution's heap ({@code -Xmx256m}, {@code bench.xmx}).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ImportBench extends PortalTestBase {
    private static final long FIRST_ID = 20_000_000L; // explicit ids, far above what the identity columns hand out

    @Inject
    @Filter("(dataSourceName=ceportal)")
    private DataSource dataSource;

    @Configuration
    @Override
    public Option[] config() throws IOException {
        return PortalOptions.forBench("bench.rows", "bench.unregistered", "bench.results");
    }

    /** Person {@code i}: born on a day of 1960–1999, a sequence number, a valid check digit. */
    private static String idNumber(int i) {
        LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(i % 14_600);
        return Accounts.idNumber(String.format("410303%s%03d", birth.toString().replace("-", ""), (i / 14_600) % 1000));
    }

    private static String name(int i) {
        String s = ProvinceData.SURNAMES;
        String g = ProvinceData.GIVEN;
        return s.charAt(i % s.length()) + "" + g.charAt(i / s.length() % g.length()) + g.charAt(i / 7 % g.length());
    }

    @Test
    public void importATenThousandLineList() throws Exception {
        int rows = Integer.getInteger("bench.rows", 10_000);
        int unregistered = Integer.getInteger("bench.unregistered", 200);
        Accounts a = accounts();
        long unit = a.unitId("第一高级中学");
        people(rows - unregistered, unit);

        Http ops = a.ops();
        Http.Answer b = ops.postWith("/api/ops/bases", "{\"name\":\"基准继续教育基地\",\"regionCode\":\"410300\","
                + "\"accreditationNo\":\"基准-1\",\"validFrom\":\"2024-01-01\",\"validTo\":\"2099-12-31\"}");
        assertEquals(b.body(), 201, b.status());
        Http.Answer made = ops.postWith("/api/ops/accounts", "{\"role\":\"BASE_ADMIN\",\"login\":\"bench.base\",\"name\":\"基地管理员\","
                + "\"baseId\":" + b.json().path("id").asLong() + ",\"password\":\"" + Accounts.STAFF_PASSWORD + "\"}");
        assertEquals(made.body(), 201, made.status());
        Http admin = a.loginAs("base_admin", "bench.base", Accounts.STAFF_PASSWORD);
        Http.Answer c = admin.postWith("/api/base/courses", "{\"name\":\"基准班次\",\"from\":\"" + Dates.YEAR + "-05-06\",\"to\":\""
                + Dates.YEAR + "-05-08\",\"hours\":\"24\",\"category\":\"PROFESSIONAL\",\"year\":" + Dates.YEAR + "}");
        assertEquals(c.body(), 201, c.status());
        String path = "/api/base/courses/" + c.json().path("id").asLong() + "/imports";

        List<List<String>> sheet = new ArrayList<>();
        sheet.add(List.of("身份证号", "姓名", "学时"));
        for (int i = 0; i < rows; i++) {
            sheet.add(List.of(idNumber(i), name(i), i % 10 == 0 ? "16" : ""));
        }
        byte[] xlsx = Workbooks.xlsx(sheet);

        long[] dry = timed(admin, path + "?dryRun=true", xlsx, 200, rows - unregistered, unregistered);
        long[] commit = timed(admin, path, xlsx, 201, rows - unregistered, unregistered);
        String json = String.format(java.util.Locale.ROOT,
                "{\"rows\":%d,\"unregistered\":%d,\"fileBytes\":%d,\"dryRunMs\":%d,\"dryRunHeapBaselineMb\":%.1f,"
                        + "\"dryRunHeapPeakMb\":%.1f,\"commitMs\":%d,\"commitHeapBaselineMb\":%.1f,\"commitHeapPeakMb\":%.1f,"
                        + "\"maxMemoryMb\":%.1f}",
                rows, unregistered, xlsx.length, dry[0], dry[1] / 1048576.0, dry[2] / 1048576.0, commit[0],
                commit[1] / 1048576.0, commit[2] / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0);
        System.out.println("IMPORT-BENCH " + json);
        String out = System.getProperty("bench.results");
        if (out != null && !out.isBlank()) {
            Files.writeString(Path.of(out), json + "\n", StandardCharsets.UTF_8);
        }
    }

    /** One upload timed with the heap sampled; millis, heap baseline, heap peak. */
    private static long[] timed(Http admin, String path, byte[] xlsx, int status, int ok, int waiting) throws Exception {
        try (HeapSampler heap = new HeapSampler()) {
            long t0 = System.nanoTime();
            Http.Answer r = admin.upload(path, "学员名单.xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx);
            long millis = (System.nanoTime() - t0) / 1_000_000;
            heap.close();
            assertEquals(r.status() == status ? "" : r.body(), status, r.status());
            JsonNode totals = r.json().path("totals");
            assertEquals(totals.toString(), ok, totals.path("ok").asInt());
            assertEquals(totals.toString(), waiting, totals.path("waiting").asInt());
            return new long[] {millis, heap.baseline(), heap.peak()};
        }
    }

    /** {@code count} approved professionals of the unit, written in batches (one shared password hash). */
    private void people(int count, long unit) throws Exception {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            long department;
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT MIN(id) FROM department WHERE unit_id = " + unit)) {
                r.next();
                department = r.getLong(1);
            }
            try (PreparedStatement acc = c.prepareStatement("INSERT INTO account (id, role, login, password_hash, state, name, "
                    + "unit_id, failed_logins, version, created_at, decided_at) VALUES (?, 'PROFESSIONAL', ?, 'x', 'approved', ?, ?, 0, 1, ?, ?)");
                 PreparedStatement p = c.prepareStatement("INSERT INTO person (account_id, id_number, live_id_number, mobile, email, "
                         + "region_code, department_id, gender, birth_date, ethnic_group) VALUES (?, ?, ?, ?, ?, '410300', ?, ?, ?, '01')")) {
                for (int i = 0; i < count; i++) {
                    String id = idNumber(i);
                    acc.setLong(1, FIRST_ID + i);
                    acc.setString(2, id);
                    acc.setString(3, name(i));
                    acc.setLong(4, unit);
                    acc.setTimestamp(5, now);
                    acc.setTimestamp(6, now);
                    acc.addBatch();
                    p.setLong(1, FIRST_ID + i);
                    p.setString(2, id);
                    p.setString(3, id);
                    p.setString(4, String.format("138%08d", i));
                    p.setString(5, "b" + i + "@example.cn");
                    p.setLong(6, department);
                    p.setString(7, (id.charAt(16) - '0') % 2 == 1 ? "M" : "F");
                    p.setDate(8, java.sql.Date.valueOf(id.substring(6, 10) + "-" + id.substring(10, 12) + "-" + id.substring(12, 14)));
                    p.addBatch();
                    if (i % 1000 == 999) {
                        acc.executeBatch();
                        p.executeBatch();
                    }
                }
                acc.executeBatch();
                p.executeBatch();
            }
            c.commit();
        }
    }
}
