package org.ceportal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.Bundle;

/**
 * 学习形式管理 › 新建学习形式 over real HTTP: ops define a form without Java, a professional declares with it within
 * 3 s, a new revision is a new version (the declaration keeps its own), retiring it leaves the declaration readable;
 * a bad definition is refused field by field and saves nothing; only ops get in; every change is audited; the shell
 * does the same; a bundle that ships a definition file (no Java) brings its form while it is active.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class OpsDefinitionChecks extends ReviewTestBase {
    static final String DEFINITIONS = "/api/ops/learning-forms/definitions";

    /** 支教志愿服务: days × 4 hours, at most 40 a declaration; {@code hoursPerDay} varies by revision. */
    static String volunteerTeaching(String id, String hoursPerDay) {
        return "{\"id\":\"" + id + "\",\"name\":\"支教志愿服务\",\"kind\":\"HOURS\",\"category\":\"PROFESSIONAL\","
                + "\"help\":\"到农村学校支教，按天数折算\",\"fields\":["
                + "{\"key\":\"school\",\"label\":\"支教学校\",\"type\":\"text\",\"required\":true,\"maxLength\":50},"
                + "{\"key\":\"period\",\"label\":\"起止日期\",\"type\":\"date_range\",\"required\":true},"
                + "{\"key\":\"days\",\"label\":\"天数\",\"type\":\"number\",\"required\":true,\"min\":1,\"max\":60}],"
                + "\"rule\":{\"type\":\"per_amount\",\"field\":\"days\",\"hoursPerUnit\":" + hoursPerDay + "},"
                + "\"maxPerItem\":40,\"maxPerYear\":80}";
    }

    private static String values(int days) {
        return "{\"school\":\"栾川县第三中学\",\"period\":{\"from\":\"" + Dates.YEAR + "-09-01\",\"to\":\"" + Dates.YEAR
                + "-09-05\"},\"days\":" + days + "}";
    }

    private static JsonNode item(JsonNode list, String field, String value) {
        for (JsonNode i : list.path("items")) {
            if (i.path(field).asText().equals(value)) {
                return i;
            }
        }
        return null;
    }

    private BigDecimal proposed(String formId, int days) throws Exception {
        Http.Answer a = http.post("/api/learning-forms/" + formId + "/evaluation", "application/json",
                "{\"values\":" + values(days) + "}");
        assertEquals(a.body(), 200, a.status());
        return a.json().path("proposedHours").decimalValue();
    }

    @Test
    public void aFormDefinedByOpsTakesDeclarationsWithinSecondsAndRetiresKeepingThem() throws Exception {
        Http ops = accounts().ops();
        Http me = professional("41030219880101033", "支教的申报人");
        long proof = me.upload("/api/attachments", "支教证明.pdf", "application/pdf", Samples.pdf("volunteer")).json().path("id").asLong();

        long started = System.nanoTime();
        Http.Answer made = ops.postWith(DEFINITIONS, volunteerTeaching("volunteer-teaching", "4"));
        assertEquals(made.body(), 201, made.status());
        assertEquals("1.0.0", made.json().path("version").asText());
        assertTrue(made.json().path("live").asBoolean());
        Http.Answer declared = me.postWith("/api/declarations", "{\"formId\":\"volunteer-teaching\",\"year\":" + YEAR
                + ",\"category\":\"PROFESSIONAL\",\"values\":" + values(5) + ",\"attachmentIds\":[" + proof + "],\"submit\":true}");
        assertEquals(declared.body(), 201, declared.status());
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        assertTrue("declared " + millis + " ms after the definition was sent", millis < 3000);
        long id = declared.json().path("id").asLong();
        assertEquals(0, declared.json().path("proposedHours").decimalValue().compareTo(new BigDecimal("20")));

        JsonNode schema = me.get("/api/learning-forms/volunteer-teaching").json();
        assertEquals("支教志愿服务", schema.path("name").asText());
        assertEquals(3, schema.path("fields").size());
        assertEquals("capped at maxPerItem", 0, proposed("volunteer-teaching", 30).compareTo(new BigDecimal("40")));
        JsonNode listed = item(ops.get("/api/ops/learning-forms").json(), "id", "volunteer-teaching");
        assertEquals("org.ceportal.ops", listed.path("bundle").asText());
        assertEquals(1, listed.path("declarations").asInt());
        JsonNode defined = null;
        for (JsonNode d : ops.get(DEFINITIONS).json().path("items")) {
            if (d.path("definition").path("id").asText().equals("volunteer-teaching")) {
                defined = d;
            }
        }
        assertEquals("支教志愿服务", defined.path("definition").path("name").asText());
        assertEquals("1.0.0", defined.path("version").asText());

        Http.Answer revised = ops.put(DEFINITIONS + "/volunteer-teaching", volunteerTeaching("volunteer-teaching", "6"));
        assertEquals(revised.body(), 200, revised.status());
        assertEquals("1.1.0", revised.json().path("version").asText());
        assertEquals("the next evaluation", 0, proposed("volunteer-teaching", 5).compareTo(new BigDecimal("30")));
        JsonNode kept = me.get("/api/declarations/" + id).json();
        assertEquals("1.0.0", kept.path("formVersion").asText());
        assertEquals(0, kept.path("proposedHours").decimalValue().compareTo(new BigDecimal("20")));

        Http.Answer retired = ops.delete(DEFINITIONS + "/volunteer-teaching");
        assertEquals(retired.body(), 204, retired.status());
        assertFalse(http.get("/api/learning-forms").body().contains("volunteer-teaching"));
        assertProblem(ops.delete(DEFINITIONS + "/volunteer-teaching"), 404, "definition_not_found");
        JsonNode gone = item(ops.get("/api/ops/learning-forms").json(), "id", "volunteer-teaching");
        assertFalse(gone.path("live").asBoolean());
        assertEquals(1, gone.path("declarations").asInt());
        JsonNode still = me.get("/api/declarations/" + id).json();
        assertFalse(still.path("formAvailable").asBoolean());
        assertEquals(schema.path("fields"), still.path("schema").path("fields"));
        assertEquals("栾川县第三中学", still.path("values").path("school").asText());

        for (String[] a : new String[][] {{"learning_form_define", "updated"}, {"learning_form_retire", "retired"}}) {
            JsonNode entry = ops.get("/api/review/audit?action=" + a[0]).json().path("items").get(0);
            assertEquals("form:volunteer-teaching", entry.path("subject").asText());
            assertEquals(a[1], entry.path("outcome").asText());
        }
    }

    @Test
    public void aBadDefinitionIsRefusedFieldByFieldAndSavesNothing() throws Exception {
        Http ops = accounts().ops();
        int before = ops.get(DEFINITIONS).json().path("items").size();
        String unknownType = volunteerTeaching("bad-form", "4").replace("\"type\":\"date_range\"", "\"type\":\"script\"");
        JsonNode bad = assertProblem(ops.postWith(DEFINITIONS, unknownType), 400, "validation_failed");
        assertTrue(bad.toString(), fields(bad).contains("fields[1].type"));
        String unbounded = volunteerTeaching("bad-form", "4").replace("\"maxPerItem\":40,", "");
        assertTrue(fields(assertProblem(ops.postWith(DEFINITIONS, unbounded), 400, "validation_failed")).contains("maxPerItem"));
        String taken = volunteerTeaching("training", "4");
        assertTrue(fields(assertProblem(ops.postWith(DEFINITIONS, taken), 400, "validation_failed")).contains("id"));
        String table = "{\"id\":\"bad-table\",\"name\":\"教学比赛\",\"kind\":\"HOURS\",\"category\":\"GENERAL\",\"fields\":["
                + "{\"key\":\"level\",\"label\":\"级别\",\"type\":\"choice\",\"required\":true,\"options\":["
                + "{\"value\":\"city\",\"label\":\"市级\"},{\"value\":\"county\",\"label\":\"县级\"}]}],"
                + "\"rule\":{\"type\":\"table\",\"rows\":\"level\",\"table\":{\"city\":{\"-\":10}}}}";
        assertTrue(fields(assertProblem(ops.postWith(DEFINITIONS, table), 400, "validation_failed")).contains("rule.table"));
        assertProblem(ops.put(DEFINITIONS + "/no-such-form", volunteerTeaching("no-such-form", "4")), 404, "definition_not_found");

        assertEquals("nothing saved", before, ops.get(DEFINITIONS).json().path("items").size());
        assertNull(configAdmin.listConfigurations("(formId=bad-*)"));
        assertFalse(http.get("/api/learning-forms").body().contains("bad-"));
        assertEquals("training", http.get("/api/learning-forms/training").json().path("id").asText());
    }

    private static String fields(JsonNode problem) {
        StringBuilder out = new StringBuilder();
        problem.path("errors").forEach(e -> out.append(e.path("field").asText()).append(' '));
        return out.toString();
    }

    @Test
    public void onlyOpsDefineAndTheShellDoesTheSame() throws Exception {
        for (Http other : new Http[] {admin(), professional("41030219880202030", "定义查看者")}) {
            assertProblem(other.get(DEFINITIONS), 403, "forbidden");
            assertProblem(other.get("/api/ops/learning-forms/definition-choices"), 403, "forbidden");
            assertProblem(other.postWith(DEFINITIONS, volunteerTeaching("sneaky-form", "4")), 403, "forbidden");
            assertProblem(other.put(DEFINITIONS + "/sneaky-form", volunteerTeaching("sneaky-form", "4")), 403, "forbidden");
            assertProblem(other.delete(DEFINITIONS + "/sneaky-form"), 403, "forbidden");
        }
        assertFalse(http.get("/api/learning-forms").body().contains("sneaky-form"));
        JsonNode choices = accounts().ops().get("/api/ops/learning-forms/definition-choices").json();
        assertEquals(8, choices.path("fieldTypes").size());
        assertEquals("按级别查表", choices.path("ruleTypes").get(2).path("name").asText());
        assertEquals("学时", choices.path("kinds").get(0).path("name").asText());

        Path file = Path.of(System.getProperty("karaf.data"), "shell-form.json");
        Files.writeString(file, volunteerTeaching("shell-teaching", "3"));
        String defined = execute("ceportal:form-define " + file);
        assertTrue(defined, defined.contains("已定义 shell-teaching 1.0.0"));
        assertEquals(0, proposed("shell-teaching", 5).compareTo(new BigDecimal("15")));
        assertTrue(execute("ceportal:form-define " + file).contains("已被其他学习形式使用"));
        Files.writeString(file, volunteerTeaching("shell-teaching", "2"));
        assertTrue(execute("ceportal:form-define --update " + file).contains("已更新 shell-teaching 1.1.0"));
        assertTrue(execute("ceportal:form-definitions").contains("shell-teaching"));
        assertTrue(execute("ceportal:form-retire shell-teaching").contains("已停用"));
        assertFalse(http.get("/api/learning-forms").body().contains("shell-teaching"));
        JsonNode entry = accounts().ops().get("/api/review/audit?action=learning_form_retire").json().path("items").get(0);
        assertEquals("form:shell-teaching", entry.path("subject").asText());
        assertEquals("console", entry.path("address").asText());
    }

    /** A bundle with no Java: a manifest naming a definition file, and the file. */
    private static byte[] formBundle(String version, String definition) throws Exception {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", "cn.henan.forms.teaching-contest");
        a.putValue("Bundle-Version", version);
        a.putValue("Import-Package", "org.ceportal.learningform.api;version=\"[1.1,2)\"");
        a.putValue("Ceportal-LearningForms", "forms/teaching-contest.json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarOutputStream j = new JarOutputStream(out, m)) {
            j.putNextEntry(new JarEntry("forms/teaching-contest.json"));
            j.write(definition.getBytes(StandardCharsets.UTF_8));
            j.closeEntry();
        }
        return out.toByteArray();
    }

    @Test
    public void aBundleOfDefinitionFilesBringsItsFormsWhileActive() throws Exception {
        String contest = "{\"id\":\"teaching-contest\",\"name\":\"教学技能比赛\",\"kind\":\"HOURS\",\"category\":\"PROFESSIONAL\","
                + "\"fields\":[{\"key\":\"title\",\"label\":\"比赛名称\",\"type\":\"text\",\"required\":true},"
                + "{\"key\":\"held\",\"label\":\"比赛日期\",\"type\":\"date\",\"required\":true},"
                + "{\"key\":\"level\",\"label\":\"级别\",\"type\":\"choice\",\"required\":true,\"options\":["
                + "{\"value\":\"province\",\"label\":\"省级\"},{\"value\":\"city\",\"label\":\"市级\"}]},"
                + "{\"key\":\"rank\",\"label\":\"名次\",\"type\":\"choice\",\"required\":true,\"options\":["
                + "{\"value\":\"first\",\"label\":\"一等奖\"},{\"value\":\"second\",\"label\":\"二等奖\"}]}],"
                + "\"rule\":{\"type\":\"table\",\"rows\":\"level\",\"columns\":\"rank\",\"table\":{"
                + "\"province\":{\"first\":30,\"second\":20},\"city\":{\"first\":15,\"second\":10}}}}";
        Bundle b = context.installBundle("memory:teaching-contest", new ByteArrayInputStream(formBundle("2.3.0", contest)));
        try {
            b.start();
            Http.awaitTrue(Duration.ofSeconds(3), () -> http.get("/api/learning-forms").body().contains("teaching-contest"));
            assertEquals("2.3.0", http.get("/api/learning-forms/teaching-contest").json().path("version").asText());
            Http.Answer e = http.post("/api/learning-forms/teaching-contest/evaluation", "application/json",
                    "{\"values\":{\"title\":\"说课比赛\",\"held\":\"" + Dates.YEAR + "-05-20\",\"level\":\"city\",\"rank\":\"second\"}}");
            assertEquals(0, e.json().path("proposedHours").decimalValue().compareTo(BigDecimal.TEN));
            assertEquals("市级，二等奖：10 学时", e.json().path("explanation").asText());
            JsonNode listed = item(accounts().ops().get("/api/ops/learning-forms").json(), "id", "teaching-contest");
            assertEquals("cn.henan.forms.teaching-contest", listed.path("bundle").asText());
            b.stop();
            assertFalse(http.get("/api/learning-forms").body().contains("teaching-contest"));
        } finally {
            b.uninstall();
        }
        // a file that does not pass the checks brings nothing (and the log says why)
        Bundle broken = context.installBundle("memory:teaching-contest-broken",
                new ByteArrayInputStream(formBundle("2.4.0", contest.replace("\"city\":{\"first\":15,\"second\":10}", ""))));
        try {
            broken.start();
            Thread.sleep(500);
            assertFalse(http.get("/api/learning-forms").body().contains("teaching-contest"));
        } finally {
            broken.uninstall();
        }
    }
}
