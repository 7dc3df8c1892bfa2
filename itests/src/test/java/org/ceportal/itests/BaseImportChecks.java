package org.ceportal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * 学员导入 over real HTTP: a base's admin uploads an attendance list to a course — a dry run answers
 * each line and stores nothing, the commit declares the good lines for the persons (they see them
 * in 申报进度查询 and 年度完成情况, and cannot change them), an upload of the same list declares nobody
 * twice, an ID number not registered yet is declared when that person's registration is approved,
 * another base sees nothing of it, a lapsed base is refused, hostile files are refused with nothing
 * stored, and whether the units review is configuration.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class BaseImportChecks extends ReviewTestBase {
    private static final String WANG = Accounts.idNumber("41030219850601012");
    private static final String ZHAO = Accounts.idNumber("41030219850602023");
    private static final String LATE = Accounts.idNumber("41030219850603014");
    private static final String ZHOU = Accounts.idNumber("41030219850605016");

    private static long course(Http admin, String name, String hours) throws Exception {
        Http.Answer made = admin.postWith("/api/base/courses", "{\"name\":\"" + name + "\",\"from\":\"" + YEAR
                + "-03-02\",\"to\":\"" + YEAR + "-03-06\",\"hours\":\"" + hours + "\",\"category\":\"PROFESSIONAL\",\"year\":"
                + YEAR + "}");
        assertEquals(made.body(), 201, made.status());
        return made.json().path("id").asLong();
    }

    private static Http.Answer upload(Http admin, long course, boolean dryRun, String name, byte[] file) throws Exception {
        return admin.upload("/api/base/courses/" + course + "/imports" + (dryRun ? "?dryRun=true" : ""), name,
                name.endsWith(".csv") ? "text/csv" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file);
    }

    private static List<String> results(JsonNode report) {
        List<String> out = new ArrayList<>();
        report.path("lines").forEach(l -> out.add(l.path("result").asText()));
        return out;
    }

    private static JsonNode baseItems(Http me) throws Exception {
        JsonNode items = me.get("/api/declarations?size=50").json().path("items");
        List<JsonNode> out = new ArrayList<>();
        items.forEach(i -> {
            if (!i.path("origin").isNull() && !i.path("origin").isMissingNode()) {
                out.add(i);
            }
        });
        return new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(out);
    }

    @Test
    public void aBaseDeclaresItsAttendeesFromAList() throws Exception {
        Http ops = accounts().ops();
        long mine = Accounts.base(ops, "洛阳市中小学教师继续教育基地", "豫继教基〔2026〕31号", "2099-12-31");
        Http admin = accounts().baseAdmin(ops, mine, "ly.import");
        long yanshi = Accounts.base(ops, "偃师区继续教育基地", "豫继教基〔2026〕32号", "2099-12-31");
        Http stranger = accounts().baseAdmin(ops, yanshi, "ys.import");
        long course = course(admin, "中小学教师信息技术应用能力提升培训", "100");
        Http wang = professional("41030219850601012", "王丽");
        professional("41030219850602023", "赵强");
        professional("41030219850605016", "周敏");

        List<List<String>> rows = List.of(List.of("身份证号", "姓名", "学时"), List.of(WANG, "王丽", "24"),
                List.of(ZHAO, "赵刚", "24"), List.of(LATE, "钱晓", "16"), List.of("410302198506010", "孙某", ""),
                List.of(WANG, "王丽", "24"), List.of(ZHOU, "周敏", "95"));
        byte[] list = Workbooks.xlsx(rows);

        // the dry run: every line's result, nothing stored
        Http.Answer dry = upload(admin, course, true, "学员名单.xlsx", list);
        assertEquals(dry.body(), 200, dry.status());
        JsonNode report = dry.json();
        assertTrue(report.path("dryRun").asBoolean());
        assertEquals("xlsx", report.path("fileType").asText());
        assertEquals(List.of("ok", "name_mismatch", "waiting", "malformed", "duplicate", "over_cap"), results(report));
        assertEquals("姓名不符", report.path("lines").get(1).path("resultName").asText());
        assertEquals(1, report.path("totals").path("ok").asInt());
        assertEquals(1, report.path("totals").path("waiting").asInt());
        assertEquals(4, report.path("totals").path("refused").asInt());
        assertEquals(0, admin.get("/api/base/courses/" + course + "/imports").json().path("total").asInt());
        assertEquals(0, baseItems(wang).size());

        // the commit: 王丽 declared and approved at once (the default), 钱晓 kept until she registers
        Http.Answer done = upload(admin, course, false, "学员名单.xlsx", list);
        assertEquals(done.body(), 201, done.status());
        long importId = done.json().path("importId").asLong();
        assertEquals(List.of("declared", "name_mismatch", "waiting", "malformed", "duplicate", "over_cap"),
                results(done.json()));
        JsonNode mineNow = baseItems(wang);
        assertEquals(1, mineNow.size());
        JsonNode d = mineNow.get(0);
        assertEquals("approved", d.path("state").asText());
        assertEquals("继续教育基地学时", d.path("kindName").asText());
        assertTrue(d.path("origin").asText(), d.path("origin").asText().contains("洛阳市中小学教师继续教育基地"));
        assertEquals(24, d.path("approvedHours").asInt());
        // counted in 年度完成情况 like any approved hours
        JsonNode counted = null;
        for (JsonNode item : wang.get("/api/me/completion/" + YEAR).json().path("items")) {
            if (item.path("declarationId").asLong() == d.path("id").asLong()) {
                counted = item;
            }
        }
        assertTrue("the base's declaration counts in the year", counted != null);
        assertEquals(24, counted.path("countedHours").asInt());
        assertEquals("专业科目", counted.path("categoryName").asText());
        assertProblem(wang.postWith("/api/declarations/" + d.path("id").asLong() + "/withdrawal", "{}"), 409, "declared_by_base");

        // the same list again: nobody twice
        Http.Answer again = upload(admin, course, false, "学员名单.xlsx", list);
        assertEquals(again.body(), 201, again.status());
        assertEquals(List.of("duplicate", "name_mismatch", "duplicate", "malformed", "duplicate", "over_cap"),
                results(again.json()));
        assertEquals(1, baseItems(wang).size());

        // 钱晓 registers and is approved: her line becomes her declaration
        Http late = professional("41030219850603014", "钱晓");
        JsonNode hers = baseItems(late);
        assertEquals(hers.toString(), 1, hers.size());
        assertEquals(16, hers.get(0).path("claimedHours").asInt());
        JsonNode detail = admin.get("/api/base/imports/" + importId).json();
        assertEquals("注册后已计入", detail.path("lines").get(2).path("resultName").asText());
        assertEquals(4, detail.path("summary").path("refused").asInt());

        // the refused lines to correct, and the file as uploaded
        Http.Download refusedCsv = admin.download("/api/base/imports/" + importId + "/refused.csv");
        assertEquals(200, refusedCsv.status());
        String csv = new String(refusedCsv.body(), StandardCharsets.UTF_8);
        assertTrue(csv, csv.contains("赵刚") && csv.contains("姓名不符") && !csv.contains("钱晓"));
        Http.Download original = admin.download("/api/base/imports/" + importId + "/file");
        assertTrue(java.util.Arrays.equals(list, original.body()));
        assertTrue(original.disposition(), original.disposition().contains(".xlsx"));
        assertEquals(2, admin.get("/api/base/courses/" + course + "/imports").json().path("total").asInt());
        JsonNode audit = ops.get("/api/review/audit?action=base_import").json().path("items");
        assertTrue(audit.toString(), audit.size() >= 2 && audit.get(0).path("actionName").asText().equals("继续教育基地学员导入"));

        // another base: the course and its imports do not exist
        assertProblem(upload(stranger, course, true, "学员名单.xlsx", list), 404, "course_not_found");
        assertProblem(stranger.get("/api/base/courses/" + course + "/imports"), 404, "course_not_found");
        assertProblem(stranger.get("/api/base/imports/" + importId), 404, "import_not_found");
        assertEquals(404, stranger.download("/api/base/imports/" + importId + "/file").status());
        assertProblem(admin().get("/api/base/imports/" + importId), 403, "forbidden");
    }

    @Test
    public void aLapsedBaseAndHostileFilesAreRefusedWithNothingStored() throws Exception {
        Http ops = accounts().ops();
        long lapsed = Accounts.base(ops, "过期的继续教育基地", "豫继教基〔2020〕9号", "2025-12-31");
        Http lapsedAdmin = accounts().baseAdmin(ops, lapsed, "old.import");
        long old = course(lapsedAdmin, "过期基地的班次", "24");
        byte[] good = Workbooks.csv(List.of("身份证号,姓名", WANG + ",王丽"));
        assertProblem(upload(lapsedAdmin, old, false, "名单.csv", good), 409, "base_not_accredited");

        long luanchuan = Accounts.base(ops, "栾川县继续教育基地", "豫继教基〔2026〕33号", "2099-12-31");
        Http admin = accounts().baseAdmin(ops, luanchuan, "lc.import");
        long course = course(admin, "乡村教师培训", "24");
        assertProblem(upload(admin, course, false, "名单.xlsx", Workbooks.zipBomb(40)), 422, "file_too_large");
        assertProblem(upload(admin, course, false, "名单.xlsx", Workbooks.xlsx(List.of(List.of("身份证号", "姓名"),
                List.of(WANG, "=HYPERLINK(\"http://example.com\",\"王丽\")")))), 422, "formula");
        assertProblem(upload(admin, course, false, "名单.csv", Workbooks.csv(List.of("身份证号,姓名",
                WANG + ",\"=1+1\""))), 422, "formula");
        List<String> many = new ArrayList<>(List.of("身份证号,姓名"));
        for (int i = 0; i < 10_001; i++) {
            many.add(WANG + ",王丽");
        }
        assertProblem(upload(admin, course, false, "名单.csv", Workbooks.csv(many)), 422, "too_many_rows");
        // a million rows pack into a small workbook: refused by what it unpacks to, before any row is read
        assertProblem(upload(admin, course, false, "名单.xlsx", Workbooks.xlsxRows(1_000_000, WANG, "王丽")), 422,
                "file_too_large");
        byte[] big = new byte[6 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'x');
        assertProblem(upload(admin, course, false, "名单.csv", big), 413, "too_large");
        assertProblem(upload(admin, course, false, "名单.csv", "身份证号,姓名\r\n".getBytes(StandardCharsets.UTF_8)), 422,
                "no_rows");
        assertProblem(upload(admin, course, false, "名单.pdf", Samples.pdf("不是名单")), 422, "unsupported_file");
        assertEquals(0, admin.get("/api/base/courses/" + course + "/imports").json().path("total").asInt());
        assertEquals(0, lapsedAdmin.get("/api/base/courses/" + old + "/imports").json().path("total").asInt());
    }

    @Test
    public void whetherTheUnitsReviewIsConfiguration() throws Exception {
        Http ops = accounts().ops();
        long songxian = Accounts.base(ops, "嵩县继续教育基地", "豫继教基〔2026〕34号", "2099-12-31");
        Http admin = accounts().baseAdmin(ops, songxian, "sx.import");
        long course = course(admin, "班主任培训", "12");
        Http sun = professional("41030219850604015", "孙悦");
        ensure("org.ceportal.bases", Map.of("approveAtOnce", "false"));
        try {
            awaitApproval(admin, false);
            Http.Answer done = upload(admin, course, false, "名单.csv", Workbooks.csv(List.of("身份证号,姓名",
                    Accounts.idNumber("41030219850604015") + ",孙悦")));
            assertEquals(done.body(), 201, done.status());
            assertTrue(done.json().toString(), !done.json().path("approvedAtOnce").asBoolean());
            JsonNode item = baseItems(sun).get(0);
            assertEquals("pending", item.path("state").asText());
            JsonNode queue = admin().get("/api/review/declarations?state=pending&size=100").json().path("items");
            assertTrue(queue.toString(), queue.toString().contains("\"id\":" + item.path("id").asLong() + ","));
        } finally {
            ensure("org.ceportal.bases", Map.of("approveAtOnce", "true"));
            awaitApproval(admin, true);
        }
    }

    /** Waits until the bases' resources answer with the new setting (they restart when it changes). */
    private static void awaitApproval(Http admin, boolean atOnce) throws InterruptedException {
        Http.awaitTrue(Duration.ofSeconds(30), () -> {
            Http.Answer a = admin.get("/api/base/imports/limits");
            return a.status() == 200 && a.body().contains("\"approveAtOnce\":" + atOnce);
        });
    }
}
