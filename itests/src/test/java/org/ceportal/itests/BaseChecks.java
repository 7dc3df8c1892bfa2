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
 * 基地管理 over real HTTP: ops add a 继续教育基地, find it, change it with the version they read
 * (a stale one is 409), an accreditation number belongs to one base, bad input is named field by
 * field, the changes are in the audit log; nobody but ops gets in. Ops make a base's admin, who
 * logs in as 继续教育基地管理员 and keeps the base's 班次, which another base's admin cannot see.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class BaseChecks extends ReviewTestBase {

    private static String base(String name, String no, String from, String to) {
        return "{\"name\":\"" + name + "\",\"regionCode\":\"410300\",\"accreditationNo\":\"" + no + "\",\"validFrom\":\""
                + from + "\",\"validTo\":\"" + to + "\"}";
    }

    @Test
    public void opsMaintainTheBases() throws Exception {
        Http ops = accounts().ops();
        Http.Answer made = ops.postWith("/api/ops/bases", base("洛阳理工学院继续教育基地", "豫继教基〔2025〕7号", "2025-01-01", "2099-12-31"));
        assertEquals(made.body(), 201, made.status());
        JsonNode b = made.json();
        assertEquals("洛阳市", b.path("regionName").asText());
        assertEquals("VALID", b.path("status").asText());
        assertEquals("认定有效", b.path("statusName").asText());
        long id = b.path("id").asLong();

        JsonNode found = ops.get("/api/ops/bases?q=" + Http.q("理工") + "&regionCode=410300").json();
        assertEquals(1, found.path("total").asInt());
        assertEquals(id, found.path("items").get(0).path("id").asLong());
        assertEquals(id, ops.get("/api/ops/bases/" + id).json().path("id").asLong());

        // the accreditation lapses: said so by the server
        String lapse = base("洛阳理工学院继续教育基地", "豫继教基〔2025〕7号", "2025-01-01", "2025-12-31");
        Http.Answer changed = ops.put("/api/ops/bases/" + id, lapse.replace("}", ",\"version\":" + b.path("version").asInt() + "}"));
        assertEquals(changed.body(), 200, changed.status());
        assertEquals("LAPSED", changed.json().path("status").asText());
        assertEquals("认定已过期", changed.json().path("statusName").asText());
        assertProblem(ops.put("/api/ops/bases/" + id, lapse.replace("}", ",\"version\":" + b.path("version").asInt() + "}")),
                409, "stale_version");

        assertProblem(ops.postWith("/api/ops/bases", base("另一个基地", "豫继教基〔2025〕7号", "2025-01-01", "2026-12-31")),
                409, "accreditation_taken");
        JsonNode bad = assertProblem(ops.postWith("/api/ops/bases", "{\"name\":\"\",\"regionCode\":\"999999\","
                + "\"accreditationNo\":\"<b>\",\"validFrom\":\"2026-02-30\",\"validTo\":\"\"}"), 400, "validation_failed");
        assertEquals(5, bad.path("errors").size());
        assertProblem(ops.get("/api/ops/bases/999999999"), 404, "base_not_found");
        assertEquals("nothing stored of the refused ones", 0,
                ops.get("/api/ops/bases?q=" + Http.q("另一个基地")).json().path("total").asInt());

        JsonNode audit = ops.get("/api/review/audit?action=base_update").json().path("items");
        assertTrue(audit.toString(), audit.size() >= 1 && audit.get(0).path("subject").asText().equals("base:" + id)
                && audit.get(0).path("actionName").asText().equals("修改继续教育基地"));

        Http admin = admin();
        assertProblem(admin.get("/api/ops/bases"), 403, "forbidden");
        assertProblem(admin.postWith("/api/ops/bases", base("单位管理员的基地", "X-1", "2025-01-01", "2026-12-31")), 403, "forbidden");
        assertProblem(http.fresh().get("/api/ops/bases"), 401, "unauthenticated");
    }

    private long newBase(Http ops, String name, String no) throws Exception {
        Http.Answer made = ops.postWith("/api/ops/bases", base(name, no, "2025-01-01", "2099-12-31"));
        assertEquals(made.body(), 201, made.status());
        return made.json().path("id").asLong();
    }

    private Http baseAdmin(Http ops, long baseId, String login) throws Exception {
        return accounts().baseAdmin(ops, baseId, login);
    }

    private static String course(String name, String from, String to, String hours, String category, int year) {
        return "{\"name\":\"" + name + "\",\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"hours\":\"" + hours
                + "\",\"category\":\"" + category + "\",\"year\":" + year + "}";
    }

    @Test
    public void aBaseAdminKeepsTheBasesCoursesAndOnlyThose() throws Exception {
        Http ops = accounts().ops();
        long mine = newBase(ops, "河南科技大学继续教育基地", "豫继教基〔2025〕21号");
        long other = newBase(ops, "洛阳师范学院继续教育基地", "豫继教基〔2025〕22号");
        assertProblem(ops.postWith("/api/ops/accounts", "{\"role\":\"BASE_ADMIN\",\"login\":\"no.base\",\"name\":\"无基地\","
                + "\"password\":\"" + Accounts.STAFF_PASSWORD + "\"}"), 400, "validation_failed");
        assertProblem(ops.postWith("/api/ops/accounts", "{\"role\":\"BASE_ADMIN\",\"login\":\"lost.base\",\"name\":\"无基地\","
                + "\"baseId\":999999999,\"password\":\"" + Accounts.STAFF_PASSWORD + "\"}"), 400, "validation_failed");
        Http admin = baseAdmin(ops, mine, "haust.base");
        Http stranger = baseAdmin(ops, other, "lynu.base");

        JsonNode me = admin.get("/api/me").json();
        assertEquals("BASE_ADMIN", me.path("role").asText());
        assertEquals("继续教育基地管理员", me.path("roleName").asText());
        assertEquals("河南科技大学继续教育基地", me.path("baseName").asText());
        JsonNode staff = ops.get("/api/ops/accounts?q=haust.base").json().path("items").get(0);
        assertEquals("河南科技大学继续教育基地", staff.path("baseName").asText());

        Http.Answer made = admin.postWith("/api/base/courses", course("中小学教师信息技术应用能力提升培训", "2026-03-02",
                "2026-03-06", "40", "PROFESSIONAL", 2026));
        assertEquals(made.body(), 201, made.status());
        JsonNode c = made.json();
        assertEquals("专业科目", c.path("categoryName").asText());
        assertEquals(40, c.path("hours").asInt());
        long id = c.path("id").asLong();
        assertEquals(1, admin.get("/api/base/courses?q=" + Http.q("信息技术")).json().path("total").asInt());

        Http.Answer changed = admin.put("/api/base/courses/" + id, course("中小学教师信息技术应用能力提升培训", "2026-03-02",
                "2026-03-06", "36.5", "GENERAL", 2026).replace("}", ",\"version\":" + c.path("version").asInt() + "}"));
        assertEquals(changed.body(), 200, changed.status());
        assertEquals("公需科目", changed.json().path("categoryName").asText());
        JsonNode bad = assertProblem(admin.postWith("/api/base/courses", course("", "2026-03-06", "2026-03-02", "-1", "OTHER",
                2020)), 400, "validation_failed");
        assertEquals(bad.toString(), 5, bad.path("errors").size()); // name, to, hours, category, year
        assertProblem(admin.postWith("/api/base/courses", course("跨年班", "2026-12-28", "2027-01-03", "24", "GENERAL", 2025)),
                400, "validation_failed");

        // another base's admin: the course does not exist for them
        assertProblem(stranger.get("/api/base/courses/" + id), 404, "course_not_found");
        assertProblem(stranger.put("/api/base/courses/" + id, course("改名", "2026-03-02", "2026-03-06", "40", "GENERAL", 2026)
                .replace("}", ",\"version\":2}")), 404, "course_not_found");
        assertEquals(0, stranger.get("/api/base/courses").json().path("total").asInt());
        assertEquals("unchanged by the stranger", "公需科目", admin.get("/api/base/courses/" + id).json().path("categoryName").asText());
        assertProblem(admin().get("/api/base/courses"), 403, "forbidden");
        assertProblem(ops.get("/api/base/courses"), 403, "forbidden");
    }
}
