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
 * 账号管理 over real HTTP: ops disable a unit admin (the login is refused with its reason, the session in use ends at
 * once), enable it again, unlock it after wrong passwords locked it; never their own account, never a professional's;
 * only ops; every action audited; the console lists, disables, enables, unlocks and resets alike.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class StaffStateChecks extends ReviewTestBase {

    private static JsonNode row(Http ops, String login) throws Exception {
        JsonNode found = ops.get("/api/ops/accounts?q=" + login).json();
        assertEquals(found.toString(), 1, found.path("total").asInt());
        return found.path("items").get(0);
    }

    @Test
    public void opsDisableEnableAndUnlockAStaffAccount() throws Exception {
        Accounts a = accounts();
        Http ops = a.ops();
        String login = a.unitAdmin(a.unitId("第一高级中学"), "state.staff1");
        JsonNode before = row(ops, login);
        assertEquals("approved", before.path("state").asText());
        assertEquals("在用", before.path("stateName").asText());
        long id = before.path("accountId").asLong();
        Http staff = a.loginAs("unit_admin", login, Accounts.STAFF_PASSWORD);
        assertEquals(200, staff.get("/api/review/inbox").status());

        Http.Answer disabled = ops.postWith("/api/ops/accounts/" + id + "/disabling", "{}");
        assertEquals(disabled.body(), 200, disabled.status());
        assertEquals("已停用", disabled.json().path("stateName").asText());
        assertEquals("the session in use ends", 401, staff.get("/api/review/inbox").status());
        JsonNode refused = assertProblem(a.tryLogin(http.fresh(), "unit_admin", login, Accounts.STAFF_PASSWORD), 403, "account_disabled");
        assertTrue(refused.path("message").asText().contains("已停用"));
        assertProblem(ops.postWith("/api/ops/accounts/" + id + "/disabling", "{}"), 409, "already_disabled");
        assertEquals("disabled", row(ops, login).path("state").asText());

        Http.Answer enabled = ops.postWith("/api/ops/accounts/" + id + "/enabling", "{}");
        assertEquals(enabled.body(), 200, enabled.status());
        assertEquals("在用", enabled.json().path("stateName").asText());
        assertProblem(ops.postWith("/api/ops/accounts/" + id + "/enabling", "{}"), 409, "not_disabled");
        assertEquals(200, a.tryLogin(http.fresh(), "unit_admin", login, Accounts.STAFF_PASSWORD).status());

        assertProblem(ops.postWith("/api/ops/accounts/" + id + "/unlocking", "{}"), 409, "not_locked");
        Http.Answer last = null;
        for (int i = 0; i < 8 && (last == null || last.status() != 429); i++) {
            last = a.tryLogin(http.fresh(), "unit_admin", login, "错误的密码第" + i + "次");
        }
        assertEquals(last.body(), 429, last.status());
        assertTrue(row(ops, login).path("locked").asBoolean());
        Http.Answer unlocked = ops.postWith("/api/ops/accounts/" + id + "/unlocking", "{}");
        assertEquals(unlocked.body(), 200, unlocked.status());
        assertFalse(unlocked.json().path("locked").asBoolean());
        assertEquals("the right password works again at once", 200,
                a.tryLogin(http.fresh(), "unit_admin", login, Accounts.STAFF_PASSWORD).status());

        for (String[] e : new String[][] {{"account_disable", "停用账号", "已停用"}, {"account_enable", "启用账号", "已启用"},
                {"account_unlock", "解锁账号", "已解锁"}}) {
            JsonNode entry = ops.get("/api/review/audit?action=" + e[0]).json().path("items").get(0);
            assertEquals("account:" + id, entry.path("subject").asText());
            assertEquals(e[1], entry.path("actionName").asText());
            assertEquals(e[2], entry.path("outcomeName").asText());
        }
    }

    @Test
    public void neitherOnesOwnAccountNorAProfessionalsNorByAnyoneButOps() throws Exception {
        Accounts a = accounts();
        Http ops = a.ops();
        long self = ops.get("/api/me").json().path("accountId").asLong();
        for (String action : new String[] {"disabling", "enabling", "unlocking"}) {
            assertProblem(ops.postWith("/api/ops/accounts/" + self + "/" + action, "{}"), 409, "own_account");
        }
        Http person = professional("41030219870808011", "停用乙");
        long personId = person.get("/api/me").json().path("accountId").asLong();
        assertProblem(ops.postWith("/api/ops/accounts/" + personId + "/disabling", "{}"), 404, "account_not_found");
        assertProblem(ops.postWith("/api/ops/accounts/x/disabling", "{}"), 404, "account_not_found");
        assertEquals("the professional still works", 200, person.get("/api/me").status());
        for (Http other : new Http[] {admin(), person}) {
            assertProblem(other.postWith("/api/ops/accounts/" + self + "/disabling", "{}"), 403, "forbidden");
            assertProblem(other.postWith("/api/ops/accounts/" + self + "/unlocking", "{}"), 403, "forbidden");
        }
    }

    @Test
    public void theConsoleDoesWhatThePageDoes() throws Exception {
        Accounts a = accounts();
        String login = a.unitAdmin(a.unitId("第一高级中学"), "state.staff2");
        String listed = execute("ceportal:staff state.staff2");
        assertTrue(listed, listed.contains(login) && listed.contains("在用"));
        long id = Long.parseLong(listed.strip().split("\\s+")[0]);
        assertTrue(execute("ceportal:staff-disable " + id).contains("已停用"));
        assertProblem(a.tryLogin(http.fresh(), "unit_admin", login, Accounts.STAFF_PASSWORD), 403, "account_disabled");
        assertTrue(execute("ceportal:staff-disable " + id).contains("该账号已停用"));
        assertTrue(execute("ceportal:staff-enable " + id).contains("已启用"));
        String reset = execute("ceportal:staff-reset " + id);
        String temporary = reset.substring(reset.indexOf("临时密码：") + 5, reset.indexOf("（登录后"));
        Http.Answer in = a.tryLogin(http.fresh(), "unit_admin", login, temporary);
        assertEquals(in.body(), 200, in.status());
        assertTrue(in.json().path("mustChangePassword").asBoolean());
        assertTrue(execute("ceportal:staff-unlock " + id).contains("该账号没有被锁定"));
        JsonNode entry = a.ops().get("/api/review/audit?action=account_enable").json().path("items").get(0);
        assertEquals("console", entry.path("address").asText());
    }
}
