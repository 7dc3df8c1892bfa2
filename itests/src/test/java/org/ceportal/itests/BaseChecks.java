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
 * field, the changes are in the audit log; nobody but ops gets in.
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
}
