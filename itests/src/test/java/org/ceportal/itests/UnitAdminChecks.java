package org.ceportal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * 单位管理 over real HTTP: ops search the province's units, add one, change its name, region and kind and add a
 * department (the public reads show it at once), are refused a name the region already has, an unknown kind or unit;
 * a CSV import with bad lines names each line and stores nothing; only ops; audited; the console edits alike.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class UnitAdminChecks extends ReviewTestBase {

    private static String names(JsonNode departments) {
        StringBuilder b = new StringBuilder();
        departments.path("items").forEach(d -> b.append(d.path("name").asText()).append('|'));
        return b.toString();
    }

    @Test
    public void opsSearchAddAndChangeAUnitWithItsDepartments() throws Exception {
        Http ops = accounts().ops();
        JsonNode found = ops.get("/api/directory/units?q=" + Http.q("第一高级中学")).json();
        assertTrue(found.toString(), found.path("total").asInt() >= 1);
        assertTrue(found.path("items").get(0).path("regionName").asText().length() > 1);
        assertEquals(0, ops.get("/api/directory/units?regionCode=410100&q=" + Http.q("第一高级中学")).json().path("total").asInt());
        assertProblem(ops.get("/api/directory/units?regionCode=999999"), 404, "region_not_found");
        JsonNode kinds = http.get("/api/directory/unit-kinds").json();
        assertEquals("事业单位", kinds.path("items").get(1).path("name").asText());

        Http.Answer made = ops.postWith("/api/directory/units", "{\"regionCode\":\"410200\",\"name\":\"开封市单位管理测试中学\","
                + "\"kind\":\"PUBLIC\",\"departments\":[\"教务处\"]}");
        assertEquals(made.body(), 201, made.status());
        long id = made.json().path("id").asLong();
        Http.Answer changed = ops.put("/api/directory/units/" + id, "{\"regionCode\":\"410200\",\"name\":\"开封市单位管理测试高级中学\","
                + "\"kind\":\"GOV\",\"departments\":[\"教务处\",\"德育处\"]}");
        assertEquals(changed.body(), 200, changed.status());
        assertEquals("开封市单位管理测试高级中学", changed.json().path("name").asText());
        assertEquals("机关", changed.json().path("kindName").asText());
        assertEquals("the public read at once", "开封市单位管理测试高级中学",
                http.get("/api/directory/units/" + id).json().path("name").asText());
        assertEquals("德育处|教务处|", names(http.get("/api/directory/units/" + id + "/departments").json()));

        JsonNode taken = assertProblem(ops.put("/api/directory/units/" + id, "{\"regionCode\":\"410300\",\"name\":\"洛阳市第一高级中学（示例）\","
                + "\"kind\":\"PUBLIC\"}"), 409, "unit_exists");
        assertTrue(taken.path("message").asText().contains("同名"));
        JsonNode bad = assertProblem(ops.put("/api/directory/units/" + id, "{\"regionCode\":\"410200\",\"name\":\"\",\"kind\":\"SCHOOL\"}"),
                400, "validation_failed");
        assertEquals(2, bad.path("errors").size());
        assertProblem(ops.put("/api/directory/units/99999999", "{\"regionCode\":\"410300\",\"name\":\"无此单位\",\"kind\":\"PUBLIC\"}"),
                404, "unit_not_found");
        assertEquals("nothing changed", "开封市单位管理测试高级中学", http.get("/api/directory/units/" + id).json().path("name").asText());

        JsonNode entry = ops.get("/api/review/audit?action=unit_update").json().path("items").get(0);
        assertTrue(entry.path("subject").asText().startsWith("unit:" + id));
        assertEquals("修改单位", entry.path("actionName").asText());

        String edited = execute("ceportal:unit-edit -n 开封市单位管理测试完全中学 " + id + " 总务处");
        assertTrue(edited, edited.contains("已修改单位 " + id) && edited.contains("部门 3 个"));
        assertTrue(execute("ceportal:departments " + id).contains("总务处"));
    }

    @Test
    public void aCsvWithBadLinesNamesEachAndStoresNothing() throws Exception {
        Http ops = accounts().ops();
        String csv = "region_code,name,kind,departments\n410200,开封市导入检查一中,PUBLIC,教务处\n999999,洛阳市导入检查二中,PUBLIC,\n"
                + "410200,开封市导入检查三中,SCHOOL,\n";
        Http.Answer refused = ops.post("/api/directory/units/import", "text/csv", csv);
        JsonNode problem = assertProblem(refused, 400, "validation_failed");
        assertEquals(2, problem.path("errors").size());
        assertTrue(problem.path("errors").get(0).path("message").asText().startsWith("第 3 行"));
        assertEquals("nothing stored", 0, ops.get("/api/directory/units?q=" + Http.q("导入检查")).json().path("total").asInt());

        Http.Answer done = ops.post("/api/directory/units/import", "text/csv",
                csv.replace("999999", "410200").replace("SCHOOL", "OTHER"));
        assertEquals(done.body(), 200, done.status());
        assertEquals(3, done.json().path("unitsCreated").asInt());
        assertEquals(3, ops.get("/api/directory/units?q=" + Http.q("导入检查")).json().path("total").asInt());
    }

    @Test
    public void onlyOpsManageUnits() throws Exception {
        for (Http other : new Http[] {admin(), professional("41030219870909016", "单位查看者")}) {
            assertProblem(other.get("/api/directory/units?q=x"), 403, "forbidden");
            assertProblem(other.put("/api/directory/units/1", "{\"regionCode\":\"410300\",\"name\":\"改名\",\"kind\":\"PUBLIC\"}"),
                    403, "forbidden");
        }
        assertProblem(http.get("/api/directory/units?q=x"), 401, "unauthenticated");
    }
}
