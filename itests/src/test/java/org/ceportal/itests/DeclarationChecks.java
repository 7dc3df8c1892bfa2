package org.ceportal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * Learning forms, declarations and attachments over real HTTP in the assembled
 * distribution (booted once for the suite, see {@link PortalTestBase}): the public
 * forms and their evaluation, a declaration's whole life with a PDF, attachment
 * attacks, and learning forms installed, upgraded and removed at run time.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class DeclarationChecks extends PortalTestBase {

    @Test
    public void theLearningFormsArePublicAndEvaluateAsTheUserTypes() throws Exception {
        JsonNode forms = http.get("/api/learning-forms").json();
        java.util.Set<String> ids = new java.util.HashSet<>();
        forms.path("items").forEach(f -> ids.add(f.path("id").asText()));
        assertTrue(ids.toString(), ids.containsAll(java.util.List.of("base-study", "training", "degree-study", "conference",
                "research-project", "paper", "book", "patent", "award", "qualification-exam", "survey-report",
                "service-assignment", "sector-training")));
        JsonNode training = http.get("/api/learning-forms/training").json();
        assertEquals("培训/进修", training.path("name").asText());
        assertTrue(training.path("fields").size() >= 4);
        JsonNode e = http.post("/api/learning-forms/training/evaluation", "application/json",
                "{\"values\":{\"courseName\":\"信息技术与课堂教学融合\",\"organiser\":\"洛阳市教育局\","
                        + "\"period\":{\"from\":\"" + Dates.YEAR + "-07-06\",\"to\":\"" + Dates.YEAR + "-07-08\"},\"measure\":\"days\",\"amount\":3}}").json();
        assertTrue(e.toString(), e.path("valid").asBoolean());
        assertEquals(24, e.path("proposedHours").asInt());
        JsonNode bad = http.post("/api/learning-forms/training/evaluation", "application/json",
                "{\"values\":{\"period\":{\"from\":\"" + Dates.YEAR + "-07-06\",\"to\":\"" + Dates.YEAR + "-07-08\"},\"measure\":\"days\",\"amount\":5}}").json();
        assertTrue(!bad.path("valid").asBoolean());
        assertTrue(bad.toString(), bad.path("errors").size() >= 2);
        assertProblem(http.get("/api/learning-forms/no-such-form"), 404, "form_not_found");
        assertEquals("period", training.path("yearField").asText());
    }

    @Test
    public void hoursCountOnlyInTheYearOfTheActivity() throws Exception {
        Http me = professional("41030219870505111", "年度甲");
        String lastYear = "{\"courseName\":\"去年的培训\",\"organiser\":\"洛阳市教育局\",\"period\":{\"from\":\""
                + (Dates.YEAR - 2) + "-03-01\",\"to\":\"" + (Dates.YEAR - 2) + "-03-03\"},\"measure\":\"days\",\"amount\":3}";
        JsonNode refused = assertProblem(me.postWith("/api/declarations", "{\"formId\":\"training\",\"year\":" + Dates.YEAR
                + ",\"category\":\"PROFESSIONAL\",\"values\":" + lastYear + "}"), 400, "validation_failed");
        assertTrue(refused.toString(), refused.toString().contains("\"field\":\"year\"")
                && refused.toString().contains("只能计入 " + (Dates.YEAR - 2) + " 年度"));
        String nextYear = lastYear.replace(String.valueOf(Dates.YEAR - 2), String.valueOf(Dates.YEAR + 1));
        assertProblem(me.postWith("/api/declarations", "{\"formId\":\"training\",\"year\":" + Dates.YEAR
                + ",\"category\":\"PROFESSIONAL\",\"values\":" + nextYear + "}"), 400, "validation_failed");
        assertEquals(201, me.postWith("/api/declarations", "{\"formId\":\"training\",\"year\":" + Dates.YEAR
                + ",\"category\":\"PROFESSIONAL\",\"values\":" + trainingValues(2) + "}").status());
    }

    private Http professional(String idBody, String name) throws Exception {
        Accounts a = accounts();
        return a.professional(a.unitId("第一高级中学"), Accounts.idNumber(idBody), name, "申报用的长密码2026", "yizhong.decl");
    }

    private static String trainingValues(int days) {
        return "{\"courseName\":\"信息技术与课堂教学融合\",\"organiser\":\"洛阳市教育局\","
                + "\"period\":{\"from\":\"" + Dates.YEAR + "-07-06\",\"to\":\"" + Dates.YEAR + "-07-10\"},\"measure\":\"days\",\"amount\":" + days + "}";
    }

    @Test
    public void theLifeOfADeclarationOverHttp() throws Exception {
        Http me = professional("41030219860101002", "申报甲");
        Http.Answer up = me.upload("/api/attachments", "培训证书.pdf", "application/pdf", Samples.pdf("certificate"));
        assertEquals(up.body(), 201, up.status());
        long file = up.json().path("id").asLong();
        assertEquals("application/pdf", up.json().path("mediaType").asText());

        Http.Answer created = me.postWith("/api/declarations", "{\"formId\":\"training\",\"year\":"
                + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear()
                + ",\"category\":\"PROFESSIONAL\",\"values\":" + trainingValues(2) + ",\"attachmentIds\":[" + file + "]}");
        assertEquals(created.body(), 201, created.status());
        JsonNode d = created.json();
        long id = d.path("id").asLong();
        assertEquals("draft", d.path("state").asText());
        assertEquals(16, d.path("proposedHours").asInt());
        assertEquals("培训/进修", d.path("schema").path("name").asText());

        Http.Answer edited = me.put("/api/declarations/" + id, "{\"version\":" + d.path("version").asInt()
                + ",\"year\":" + d.path("year").asInt() + ",\"category\":\"GENERAL\",\"values\":" + trainingValues(3)
                + ",\"attachmentIds\":[" + file + "]}");
        assertEquals(edited.body(), 200, edited.status());
        assertEquals(24, edited.json().path("claimedHours").asInt());
        Http.Answer submitted = me.postWith("/api/declarations/" + id + "/submission", "{\"version\":" + edited.json().path("version").asInt() + "}");
        assertEquals(submitted.body(), 200, submitted.status());
        assertEquals("pending", submitted.json().path("state").asText());
        assertEquals(1, me.get("/api/declarations?state=pending").json().path("total").asInt());
        // personal data is never kept by a shared office PC's browser; every answer says how long it took
        Http.Answer mine = me.get("/api/declarations");
        assertEquals("no-store", mine.headers().firstValue("cache-control").orElse(""));
        assertTrue(mine.serverMillis() >= 0);
        assertTrue(http.get("/api/portal").headers().firstValue("cache-control").isEmpty());

        // every illegal transition is a 409; the file of a submitted declaration stays
        assertProblem(me.postWith("/api/declarations/" + id + "/submission", "{}"), 409, "invalid_transition");
        assertProblem(me.put("/api/declarations/" + id, "{\"year\":2026,\"values\":{}}"), 409, "invalid_transition");
        assertProblem(me.delete("/api/declarations/" + id), 409, "invalid_transition");
        assertProblem(me.delete("/api/attachments/" + file), 409, "attachment_locked");

        // someone else sees nothing of it
        Http other = professional("41030219860101010", "申报乙");
        assertProblem(other.get("/api/declarations/" + id), 404, "declaration_not_found");
        assertProblem(other.postWith("/api/declarations/" + id + "/withdrawal", "{}"), 404, "declaration_not_found");
        assertProblem(other.delete("/api/declarations/" + id), 404, "declaration_not_found");
        assertEquals(404, other.download("/api/attachments/" + file).status());

        Http.Download pdf = me.download("/api/attachments/" + file);
        assertEquals(200, pdf.status());
        assertTrue(pdf.disposition(), pdf.disposition().startsWith("attachment;") && pdf.disposition().contains("filename*=UTF-8''"));

        Http.Answer withdrawn = me.postWith("/api/declarations/" + id + "/withdrawal", "{}");
        assertEquals(withdrawn.body(), 200, withdrawn.status());
        assertEquals("draft", withdrawn.json().path("state").asText());
        assertProblem(me.postWith("/api/declarations/" + id + "/withdrawal", "{}"), 409, "invalid_transition");
        assertEquals(204, me.delete("/api/declarations/" + id).status());
        assertProblem(me.get("/api/declarations/" + id), 404, "declaration_not_found");
        assertEquals(0, me.get("/api/declarations").json().path("total").asInt());
    }

    @Test
    public void attachmentAttacksAreRefusedAndNothingIsStored() throws Exception {
        Http me = professional("41030219860101029", "申报丙");
        java.nio.file.Path store = java.nio.file.Path.of(System.getProperty("karaf.data"), "ceportal", "attachments");
        long before = files(store);
        assertProblem(me.upload("/api/attachments", "scan.jpg", "image/jpeg",
                "<html><script>alert(1)</script></html>".getBytes(java.nio.charset.StandardCharsets.UTF_8)), 415, "unsupported_type");
        assertEquals(413, me.upload("/api/attachments", "big.pdf", "application/pdf", bigPdf(11)).status());
        assertEquals(422, me.upload("/api/attachments", "bomb.zip", "application/zip", Samples.zipBomb(200)).status());
        assertEquals(422, me.upload("/api/attachments", "evil.zip", "application/zip",
                Samples.zip("../../evil.pdf", Samples.pdf("x"))).status());
        assertEquals(422, me.upload("/api/attachments", "nested.zip", "application/zip",
                Samples.zip("inner.zip", Samples.zip("a.pdf", Samples.pdf("x")))).status());
        assertEquals("no file may stay behind", before, files(store));
        assertEquals(0, me.get("/api/declarations").json().path("total").asInt());
        Http.Answer ok = me.upload("/api/attachments", "两份证书.zip", "application/zip",
                Samples.zip("a.pdf", Samples.pdf("a"), "b.pdf", Samples.pdf("b")));
        assertEquals(ok.body(), 201, ok.status());
        assertEquals(before + 1, files(store));
    }

    private static byte[] bigPdf(int megabytes) {
        byte[] head = Samples.pdf("big");
        byte[] all = java.util.Arrays.copyOf(head, megabytes << 20);
        return all;
    }

    private static long files(java.nio.file.Path dir) throws IOException {
        if (!java.nio.file.Files.isDirectory(dir)) {
            return 0;
        }
        try (java.util.stream.Stream<java.nio.file.Path> s = java.nio.file.Files.walk(dir)) {
            return s.filter(java.nio.file.Files::isRegularFile).count();
        }
    }

    @Test
    public void aFormInstalledAtRunTimeAndRemovedKeepsItsDeclarations() throws Exception {
        Http me = professional("41030219860101037", "申报丁");
        assertTrue(!http.get("/api/learning-forms").body().contains("skills-competition"));
        long t0 = System.nanoTime();
        features.installFeature("ceportal-learningform-example");
        while (!http.get("/api/learning-forms").body().contains("skills-competition")) {
            assertTrue("not listed within 3 s", System.nanoTime() - t0 < java.time.Duration.ofSeconds(3).toNanos());
            Thread.sleep(50);
        }
        JsonNode schema = http.get("/api/learning-forms/skills-competition").json();
        String values = Samples.requiredValues(schema);
        Http.Answer created = me.postWith("/api/declarations", "{\"formId\":\"skills-competition\",\"year\":"
                + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear() + ",\"values\":" + values + "}");
        assertEquals(created.body(), 201, created.status());
        long id = created.json().path("id").asLong();

        features.uninstallFeature("ceportal-learningform-example");
        long t1 = System.nanoTime();
        while (http.get("/api/learning-forms").body().contains("skills-competition")) {
            assertTrue("still listed after 3 s", System.nanoTime() - t1 < java.time.Duration.ofSeconds(3).toNanos());
            Thread.sleep(50);
        }
        JsonNode kept = me.get("/api/declarations/" + id).json();
        assertEquals("技能竞赛", kept.path("formName").asText());
        assertEquals(false, kept.path("formAvailable").asBoolean());
        assertEquals("技能竞赛", kept.path("schema").path("name").asText());
        assertEquals(schema.path("fields").size(), kept.path("schema").path("fields").size());
        assertTrue(kept.path("values").size() > 0);
        assertEquals(1, me.get("/api/declarations?state=draft").json().path("total").asInt());
        assertProblem(me.postWith("/api/declarations", "{\"formId\":\"skills-competition\",\"year\":2026,\"values\":{}}"),
                409, "form_unavailable");
    }

    /** A form registered from the test itself, as any bundle would: 读书笔记, with or without a publisher field. */
    private static org.ceportal.learningform.api.LearningForm readingNotes(String version, boolean withPublisher) {
        java.util.List<org.ceportal.learningform.api.Field> fields = new java.util.ArrayList<>(java.util.List.of(
                org.ceportal.learningform.api.Field.text("title", "书名").required().build(),
                org.ceportal.learningform.api.Field.number("hours", "学时").required().min(1).max(20).build()));
        if (withPublisher) {
            fields.add(org.ceportal.learningform.api.Field.text("publisher", "出版社").required().build());
        }
        org.ceportal.learningform.api.FormDescription d = new org.ceportal.learningform.api.FormDescription("reading-notes",
                version, "读书笔记", org.ceportal.learningform.api.DeclarationKind.HOURS,
                org.ceportal.learningform.api.SubjectCategory.PROFESSIONAL, null, fields, new java.math.BigDecimal("20"), null);
        return new org.ceportal.learningform.api.LearningForm() {
            @Override
            public org.ceportal.learningform.api.FormDescription description() {
                return d;
            }

            @Override
            public org.ceportal.learningform.api.Evaluation evaluate(java.util.Map<String, Object> values) {
                org.ceportal.learningform.api.FieldValues v = org.ceportal.learningform.api.FieldValues.check(d, values);
                return v.isValid() ? org.ceportal.learningform.api.Caps.propose(d, v.decimal("hours"), v.decimal("hours") + " 学时")
                        : v.invalid();
            }
        };
    }

    @Test
    public void anUpgradedFormServesNewDeclarationsAndOldOnesKeepTheirVersion() throws Exception {
        Http me = professional("41030219860101045", "申报戊");
        int year = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        org.osgi.framework.ServiceRegistration<?> v1 = context.registerService(
                org.ceportal.learningform.api.LearningForm.class, readingNotes("1.0.0", false), null);
        try {
            http.awaitOk("/api/learning-forms/reading-notes", Duration.ofSeconds(3));
            Http.Answer old = me.postWith("/api/declarations", "{\"formId\":\"reading-notes\",\"year\":" + year
                    + ",\"values\":{\"title\":\"教育的情调\",\"hours\":6}}");
            assertEquals(old.body(), 201, old.status());
            long oldId = old.json().path("id").asLong();

            // the bundle is updated: version 1.1.0 replaces 1.0.0 and asks for the publisher too
            org.osgi.framework.ServiceRegistration<?> v2 = context.registerService(
                    org.ceportal.learningform.api.LearningForm.class, readingNotes("1.1.0", true), null);
            v1.unregister();
            v1 = v2;
            assertEquals("1.1.0", http.get("/api/learning-forms/reading-notes").json().path("version").asText());
            assertProblem(me.postWith("/api/declarations", "{\"formId\":\"reading-notes\",\"year\":" + year
                    + ",\"values\":{\"title\":\"教育的情调\",\"hours\":6}}"), 400, "validation_failed");
            Http.Answer now = me.postWith("/api/declarations", "{\"formId\":\"reading-notes\",\"year\":" + year
                    + ",\"values\":{\"title\":\"给教师的建议\",\"hours\":4,\"publisher\":\"教育科学出版社\"}}");
            assertEquals(now.body(), 201, now.status());
            assertEquals("1.1.0", me.get("/api/declarations/" + now.json().path("id").asLong()).json().path("formVersion").asText());
            JsonNode kept = me.get("/api/declarations/" + oldId).json();
            assertEquals("1.0.0", kept.path("formVersion").asText());
            assertEquals(2, kept.path("schema").path("fields").size());
        } finally {
            v1.unregister();
        }
    }
}
