package org.ceportal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.ceportal.itests.upgrade.FormBundles;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * 运维 › 学习形式 over real HTTP: ops install the example form from the feature repository, see it live and
 * declared with, upgrade it to the newer version a newer repository offers, uninstall it — its old declaration
 * still reads in full and the form is listed as retired with it. Bad requests change nothing, nobody but ops
 * gets in, every action is in the audit log, and the shell does the same.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class OpsFormChecks extends ReviewTestBase {
    private static final String EXAMPLE = "ceportal-learningform-example";
    private static final String FORMS = "/api/ops/learning-forms";
    private static final String INSTALLATIONS = FORMS + "/installations";

    private static JsonNode item(JsonNode list, String key, String value) {
        for (JsonNode i : list.path("items")) {
            if (i.path(key).asText().equals(value)) {
                return i;
            }
        }
        return null;
    }

    @Test
    public void onlyOpsSeeOrChangeTheForms() throws Exception {
        for (Http other : new Http[] {admin(), professional("41030219870303031", "运维查看者")}) {
            assertProblem(other.get(FORMS), 403, "forbidden");
            assertProblem(other.get(FORMS + "/available"), 403, "forbidden");
            assertProblem(other.postWith(INSTALLATIONS, "{\"feature\":\"" + EXAMPLE + "\"}"), 403, "forbidden");
            assertProblem(other.delete(INSTALLATIONS + "/" + EXAMPLE), 403, "forbidden");
        }
        assertProblem(http.fresh().get(FORMS), 401, "unauthenticated");
        assertFalse(http.get("/api/learning-forms").body().contains("skills-competition"));
    }

    @Test
    public void opsInstallUpgradeAndUninstallAFormWhoseDeclarationsStayReadable() throws Exception {
        Http ops = accounts().ops();
        JsonNode earlier = item(ops.get(FORMS).json(), "id", "skills-competition"); // retired by DeclarationChecks
        int before = earlier == null ? 0 : earlier.path("declarations").asInt();
        JsonNode training = item(ops.get(FORMS).json(), "id", "training");
        assertEquals("在用", training.path("statusName").asText());
        assertEquals("org.ceportal.learningforms.builtin", training.path("bundle").asText());
        assertFalse(training.path("since").asText().isEmpty());
        JsonNode offered = item(ops.get(FORMS + "/available").json(), "name", EXAMPLE);
        assertEquals("NOT_INSTALLED", offered.path("status").asText());
        assertEquals("安装", offered.path("actionName").asText());

        // bad requests: named, nothing installed
        JsonNode none = assertProblem(ops.postWith(INSTALLATIONS, "{}"), 400, "validation_failed");
        assertEquals("feature", none.path("errors").get(0).path("field").asText());
        assertProblem(ops.postWith(INSTALLATIONS, "{\"feature\":\"ceportal-platform\"}"), 404, "feature_not_found");
        assertProblem(ops.postWith(INSTALLATIONS, "{\"feature\":\"" + EXAMPLE + "\",\"version\":\"7.7.7\"}"), 404,
                "feature_not_found");
        assertProblem(ops.delete(INSTALLATIONS + "/" + EXAMPLE), 404, "feature_not_installed");
        assertFalse(http.get("/api/learning-forms").body().contains("skills-competition"));

        Http.Answer installed = ops.postWith(INSTALLATIONS, "{\"feature\":\"" + EXAMPLE + "\"}");
        assertEquals(installed.body(), 201, installed.status());
        JsonNode done = installed.json();
        assertEquals("已安装", done.path("outcomeName").asText());
        assertEquals("skills-competition", done.path("formIds").get(0).asText());
        assertEquals("在用", done.path("forms").get(0).path("statusName").asText());
        String firstVersion = done.path("version").asText();
        assertTrue("listed at once", http.get("/api/learning-forms").body().contains("skills-competition"));
        assertProblem(ops.postWith(INSTALLATIONS, "{\"feature\":\"" + EXAMPLE + "\"}"), 409, "already_installed");

        Http me = professional("41030219870404035", "技能竞赛申报者");
        JsonNode schema = http.get("/api/learning-forms/skills-competition").json();
        Http.Answer made = me.postWith("/api/declarations", "{\"formId\":\"skills-competition\",\"year\":" + YEAR
                + ",\"values\":" + Samples.requiredValues(schema) + "}");
        assertEquals(made.body(), 201, made.status());
        long id = made.json().path("id").asLong();

        URI repository = FormBundles.upgradeRepository(Path.of(System.getProperty("karaf.data"), "upgrade-repository"));
        features.addRepository(repository);
        try {
            JsonNode newer = item(ops.get(FORMS + "/available").json(), "name", EXAMPLE);
            assertEquals("UPGRADABLE", newer.path("status").asText());
            assertEquals("升级", newer.path("actionName").asText());
            assertEquals(FormBundles.UPGRADE_VERSION, newer.path("newestVersion").asText());
            Http.Answer upgraded = ops.postWith(INSTALLATIONS, "{\"feature\":\"" + EXAMPLE + "\"}");
            assertEquals(upgraded.body(), 201, upgraded.status());
            assertEquals("已升级", upgraded.json().path("outcomeName").asText());
            assertEquals(firstVersion, upgraded.json().path("previousVersion").asText());
            assertEquals("1.1.0", http.get("/api/learning-forms/skills-competition").json().path("version").asText());
            JsonNode form = item(ops.get(FORMS).json(), "id", "skills-competition");
            assertEquals("1.1.0", form.path("version").asText());
            assertEquals(FormBundles.UPGRADE_VERSION, form.path("bundleVersion").asText());
            assertEquals(form.toString(), before + 1, form.path("declarations").asInt());
            assertEquals("1.0.0", form.path("versions").get(1).path("version").asText());
            assertEquals(before + 1, form.path("versions").get(1).path("declarations").asInt());
            assertEquals(0, form.path("versions").get(0).path("declarations").asInt());
            assertFalse(form.path("versions").get(1).path("live").asBoolean());

            Http.Answer removed = ops.delete(INSTALLATIONS + "/" + EXAMPLE);
            assertEquals(removed.body(), 200, removed.status());
            assertEquals("已卸载", removed.json().path("outcomeName").asText());
            assertEquals("已停用", removed.json().path("forms").get(0).path("statusName").asText());
        } finally {
            org.apache.karaf.features.Feature newer = features.getFeature(EXAMPLE, FormBundles.UPGRADE_VERSION);
            if (newer != null && features.isInstalled(newer)) {
                features.uninstallFeature(EXAMPLE, FormBundles.UPGRADE_VERSION);
            }
            features.removeRepository(repository);
        }
        assertFalse(http.get("/api/learning-forms").body().contains("skills-competition"));
        JsonNode retired = item(ops.get(FORMS).json(), "id", "skills-competition");
        assertFalse(retired.path("live").asBoolean());
        assertEquals(before + 1, retired.path("declarations").asInt());
        JsonNode kept = me.get("/api/declarations/" + id).json();
        assertEquals("1.0.0", kept.path("formVersion").asText());
        assertEquals(false, kept.path("formAvailable").asBoolean());
        assertEquals(schema.path("fields"), kept.path("schema").path("fields"));
        assertTrue(kept.path("values").size() > 0);

        for (String[] a : new String[][] {{"learning_form_install", "安装学习形式", "已安装"},
                {"learning_form_upgrade", "升级学习形式", "已升级"}, {"learning_form_uninstall", "卸载学习形式", "已卸载"}}) {
            JsonNode entry = ops.get("/api/review/audit?action=" + a[0]).json().path("items").get(0);
            assertTrue(a[0] + " audited", entry != null && entry.path("subject").asText().startsWith("feature:" + EXAMPLE + "/"));
            assertEquals(a[1], entry.path("actionName").asText());
            assertEquals(a[2], entry.path("outcomeName").asText());
        }
    }

    @Test
    public void theShellDoesWhatThePageDoes() throws Exception {
        assertTrue(execute("ceportal:form-features").contains(EXAMPLE));
        String installed = execute("ceportal:form-install " + EXAMPLE);
        assertTrue(installed, installed.contains("已安装") && installed.contains("skills-competition"));
        String listed = execute("ceportal:forms");
        assertTrue(listed, listed.contains("skills-competition") && listed.contains("org.ceportal.learningform.example"));
        assertTrue(execute("ceportal:form-install " + EXAMPLE).contains("该学习形式已安装"));
        String removed = execute("ceportal:form-uninstall " + EXAMPLE);
        assertTrue(removed, removed.contains("已卸载"));
        assertFalse(http.get("/api/learning-forms").body().contains("skills-competition"));
        Http ops = accounts().ops();
        JsonNode entry = ops.get("/api/review/audit?action=learning_form_uninstall").json().path("items").get(0);
        assertEquals("console", entry.path("address").asText());
    }
}
