package org.ceportal.itests;

import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Review benchmark, NOT part of the test suite (failsafe only runs *IT classes): run it
 * with {@code benchmarks/review.sh}. Boots the assembled distribution, fills one unit
 * with {@code bench.pending} pending declarations over real HTTP (each with a PDF,
 * spread over people so that no one passes the daily upload quota), then times what
 * the unit admin does before the deadline: list pages of the queue (p50, p95, also
 * with a name search) and one bulk approval of {@code bench.bulk} items.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ReviewBench extends PortalTestBase {
    private static final int PER_PERSON = 100; // the default daily upload quota
    /** Names must be real names: 基准甲, 基准乙, … (then two characters). */
    private static final String SIGNS = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥";

    private static String name(int p) {
        return "基准" + (p < SIGNS.length() ? String.valueOf(SIGNS.charAt(p))
                : String.valueOf(SIGNS.charAt(p / SIGNS.length() % SIGNS.length())) + SIGNS.charAt(p % SIGNS.length()));
    }

    @Configuration
    @Override
    public Option[] config() throws IOException {
        return PortalOptions.withProperties("bench", "bench.pending", "bench.bulk", "bench.pages", "bench.results");
    }

    @Test
    public void measureTheReviewQueue() throws Exception {
        int pending = Integer.getInteger("bench.pending", 2000);
        int bulk = Integer.getInteger("bench.bulk", 200);
        int pages = Integer.getInteger("bench.pages", 200);
        Accounts a = accounts();
        long unit = a.unitId("第一高级中学");
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        long fillStart = System.nanoTime();
        int people = (pending + PER_PERSON - 1) / PER_PERSON;
        for (int p = 0; p < people; p++) {
            Http me = a.professional(unit, Accounts.idNumber(String.format("41030219880315%03d", p + 1)), name(p),
                    "基准测试的长密码2026", "bench.review");
            for (int i = 0; i < PER_PERSON && p * PER_PERSON + i < pending; i++) {
                Http.Answer up = me.upload("/api/attachments", "证书.pdf", "application/pdf", Samples.pdf("bench " + p + " " + i));
                assertEquals(up.body(), 201, up.status());
                Http.Answer d = me.postWith("/api/declarations", "{\"formId\":\"training\",\"year\":" + year
                        + ",\"category\":\"PROFESSIONAL\",\"values\":{\"courseName\":\"校本研修 " + i + "\",\"organiser\":\"洛阳市教育局\","
                        + "\"period\":{\"from\":\"" + Dates.YEAR + "-03-02\",\"to\":\"" + Dates.YEAR + "-03-02\"},\"measure\":\"days\",\"amount\":1},"
                        + "\"attachmentIds\":[" + up.json().path("id").asLong() + "],\"submit\":true}");
                assertEquals(d.body(), 201, d.status());
            }
        }
        double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
        Http admin = a.loginAs("unit_admin", "bench.review", Accounts.STAFF_PASSWORD);
        int total = admin.get("/api/review/declarations?state=pending&size=1").json().path("total").asInt();
        assertEquals(pending, total);

        Random random = new Random(42);
        int lastPage = Math.max(0, (pending - 1) / 20);
        for (int i = 0; i < 20; i++) { // warm-up
            assertEquals(200, admin.get("/api/review/declarations?state=pending&page=" + random.nextInt(lastPage + 1)).status());
        }
        List<Long> list = new ArrayList<>();
        List<Long> search = new ArrayList<>();
        for (int i = 0; i < pages; i++) {
            list.add(timed(admin, "/api/review/declarations?state=pending&page=" + random.nextInt(lastPage + 1) + "&size=20"));
            search.add(timed(admin, "/api/review/declarations?state=pending&size=20&q=" + Http.q(name(random.nextInt(people)))));
        }
        Collections.sort(list);
        Collections.sort(search);

        JsonNode first = admin.get("/api/review/declarations?state=pending&size=" + bulk).json().path("items");
        StringBuilder items = new StringBuilder();
        for (JsonNode item : first) {
            items.append(items.length() == 0 ? "" : ",").append("{\"id\":").append(item.path("id").asLong())
                    .append(",\"version\":").append(item.path("version").asInt()).append('}');
        }
        long t0 = System.nanoTime();
        Http.Answer decided = admin.postWith("/api/review/decisions/declarations", "{\"decision\":\"approve\",\"items\":[" + items + "]}");
        long bulkNanos = System.nanoTime() - t0;
        assertEquals(decided.body(), 200, decided.status());
        assertEquals(first.size(), decided.json().path("succeeded").asInt());
        assertEquals(pending - first.size(), admin.get("/api/review/declarations?state=pending&size=1").json().path("total").asInt());

        String json = String.format(java.util.Locale.ROOT,
                "{\"benchmark\":\"review\",\"cores\":%d,\"pending\":%d,\"people\":%d,\"fillSeconds\":%.1f,"
                        + "\"listPage\":{\"requests\":%d,\"size\":20,\"p50Ms\":%.1f,\"p95Ms\":%.1f,\"maxMs\":%.1f},"
                        + "\"searchByName\":{\"requests\":%d,\"p50Ms\":%.1f,\"p95Ms\":%.1f,\"maxMs\":%.1f},"
                        + "\"bulkApprove\":{\"items\":%d,\"ms\":%.1f,\"msPerItem\":%.2f}}",
                Runtime.getRuntime().availableProcessors(), pending, people, fillSeconds, list.size(), ms(pct(list, 50)),
                ms(pct(list, 95)), ms(list.get(list.size() - 1)), search.size(), ms(pct(search, 50)), ms(pct(search, 95)),
                ms(search.get(search.size() - 1)), first.size(), ms(bulkNanos), ms(bulkNanos) / Math.max(1, first.size()));
        System.out.println("REVIEW-BENCH " + json);
        String out = System.getProperty("bench.results");
        if (out != null && !out.isBlank()) {
            Files.createDirectories(Path.of(out).getParent());
            Files.writeString(Path.of(out), json + "\n", StandardCharsets.UTF_8);
        }
    }

    private static long timed(Http admin, String path) throws Exception {
        long t0 = System.nanoTime();
        Http.Answer a = admin.get(path);
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
}
