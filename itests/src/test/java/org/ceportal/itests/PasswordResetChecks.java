package org.ceportal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * 重置密码 over real HTTP: a unit admin resets a person of the unit (another unit's admin
 * finds nobody), the temporary password works once and only for 修改密码 until it is
 * replaced; ops reset staff from 账号管理.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class PasswordResetChecks extends ReviewTestBase {
    private static final String NEW_PASSWORD = "重置后自己设的新密码2026";

    private long otherUnit(long unit) throws Exception {
        for (JsonNode u : http.get("/api/directory/regions/410300/units?size=10").json().path("items")) {
            if (u.path("id").asLong() != unit) {
                return u.path("id").asLong();
            }
        }
        throw new AssertionError("no second unit");
    }

    @Test
    public void aTemporaryPasswordFromTheUnitAdminMustBeChangedBeforeAnythingElse() throws Exception {
        Accounts a = accounts();
        String idNumber = Accounts.idNumber("41030219870404111");
        Http me = professional("41030219870404111", "重置甲");
        long account = me.get("/api/me").json().path("accountId").asLong();
        Http admin = admin();
        long unit = a.unitId("第一高级中学");
        Http stranger = a.loginAs("unit_admin", a.unitAdmin(otherUnit(unit), "reset.other1"), Accounts.STAFF_PASSWORD);
        String path = "/api/unit/people/" + account + "/password-reset";
        assertProblem(stranger.postWith(path, "{}"), 404, "person_not_found");
        assertProblem(me.postWith(path, "{}"), 403, "forbidden");
        assertProblem(admin.postWith("/api/unit/people/x/password-reset", "{}"), 404, "person_not_found");

        Http.Answer reset = admin.postWith(path, "{}");
        assertEquals(reset.body(), 200, reset.status());
        String temporary = reset.json().path("temporaryPassword").asText();
        assertEquals(12, temporary.length());
        assertEquals("重置甲", reset.json().path("name").asText());
        assertTrue(reset.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
        assertEquals("the person's sessions end", 401, me.get("/api/me").status());
        assertEquals("the old password is gone", 401, a.tryLogin(http.fresh(), "professional", idNumber, PASSWORD).status());

        Http fresh = http.fresh();
        Http.Answer login = a.tryLogin(fresh, "professional", idNumber, temporary);
        assertEquals(login.body(), 200, login.status());
        assertTrue(login.json().path("mustChangePassword").asBoolean());
        assertTrue(fresh.get("/api/me").json().path("mustChangePassword").asBoolean());
        assertProblem(fresh.get("/api/declarations"), 403, "password_change_required");
        assertProblem(fresh.get("/api/me/completion"), 403, "password_change_required");
        assertProblem(fresh.postWith("/api/declarations", "{}"), 403, "password_change_required");
        assertEquals("public reads still work", 200, fresh.get("/api/directory/regions").status());

        Http.Answer changed = fresh.put("/api/me/password", "{\"currentPassword\":\"" + temporary + "\",\"newPassword\":\""
                + NEW_PASSWORD + "\"}");
        assertEquals(changed.body(), 204, changed.status());
        assertFalse(fresh.get("/api/me").json().path("mustChangePassword").asBoolean());
        Http.Answer mine = fresh.get("/api/declarations");
        assertEquals(200, mine.status());
        for (String personal : new String[] {"/api/declarations", "/api/me/profile", "/api/me/completion", "/api/me"}) {
            assertTrue(personal + " must not be kept by a shared PC's browser",
                    fresh.get(personal).headers().firstValue("Cache-Control").orElse("").contains("no-store"));
        }
        assertEquals("the temporary password worked once", 401,
                a.tryLogin(http.fresh(), "professional", idNumber, temporary).status());
        Http again = a.loginAs("professional", idNumber, NEW_PASSWORD);
        assertEquals(200, again.get("/api/me/completion").status());

        JsonNode audit = admin.get("/api/review/audit?action=password_reset").json().path("items");
        assertTrue(audit.toString(), audit.size() >= 1 && audit.get(0).path("subject").asText().equals("account:" + account));
    }

    @Test
    public void opsResetAStaffPasswordFromTheAccountList() throws Exception {
        Accounts a = accounts();
        Http ops = a.ops();
        String login = a.unitAdmin(a.unitId("第一高级中学"), "reset.staff1");
        JsonNode found = ops.get("/api/ops/accounts?q=RESET.staff1").json();
        assertEquals(1, found.path("total").asInt());
        JsonNode row = found.path("items").get(0);
        assertEquals(login, row.path("login").asText());
        assertEquals("UNIT_ADMIN", row.path("role").asText());
        assertFalse(row.path("roleName").asText().isEmpty());
        assertTrue(row.path("unitName").asText().contains("第一高级中学"));
        long id = row.path("accountId").asLong();
        assertProblem(admin().get("/api/ops/accounts"), 403, "forbidden");

        Http.Answer reset = ops.postWith("/api/ops/accounts/" + id + "/password-reset", "{}");
        assertEquals(reset.body(), 200, reset.status());
        Http staff = http.fresh();
        Http.Answer login1 = a.tryLogin(staff, "unit_admin", login, reset.json().path("temporaryPassword").asText());
        assertEquals(login1.body(), 200, login1.status());
        assertTrue(login1.json().path("mustChangePassword").asBoolean());
        assertProblem(staff.get("/api/review/inbox"), 403, "password_change_required");

        long self = ops.get("/api/me").json().path("accountId").asLong();
        assertProblem(ops.postWith("/api/ops/accounts/" + self + "/password-reset", "{}"), 409, "own_account");
        long person = professional("41030219870404120", "重置乙").get("/api/me").json().path("accountId").asLong();
        assertProblem(ops.postWith("/api/ops/accounts/" + person + "/password-reset", "{}"), 404, "account_not_found");
    }

    @Test
    public void theLockOutAnswersAlikeForARegisteredIdNumberAndOneThatIsNot() throws Exception {
        Accounts a = accounts();
        String known = Accounts.idNumber("41030219870404139");
        professional("41030219870404139", "锁定甲");
        String unknown = Accounts.idNumber("41030219870404147"); // valid, never registered
        Http.Answer lastKnown = null;
        Http.Answer lastUnknown = null;
        for (int i = 0; i < 6; i++) {
            lastKnown = a.tryLogin(http.fresh(), "professional", known, "错误的密码" + i + "号猜测");
            lastUnknown = a.tryLogin(http.fresh(), "professional", unknown, "错误的密码" + i + "号猜测");
            assertEquals("attempt " + i, lastKnown.status(), lastUnknown.status());
            assertEquals("attempt " + i, lastKnown.json().path("message").asText(), lastUnknown.json().path("message").asText());
        }
        assertEquals(429, lastUnknown.status());
        assertEquals("account_locked", lastUnknown.json().path("code").asText());
    }
}
