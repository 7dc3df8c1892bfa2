package org.ceportal.itests;

import static org.junit.Assert.assertEquals;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

/** Account chores of the integration tests: register, create staff, log in with the test-only captcha. */
final class Accounts {
    /** What the test-only captcha service accepts (see itests/test-captcha). */
    static final String ANSWER = "2468";
    static final String STAFF_PASSWORD = "审核员的长密码2026";
    private static final String OPS_LOGIN = "it.ops";

    /** Runs a Karaf console command with the given standard input. */
    interface Console {
        String execute(String command, String input) throws Exception;
    }

    private final Http http;
    private final Console console;

    Accounts(Http http, Console console) {
        this.http = http;
        this.console = console;
    }

    /** Waits until the test-only captcha service is the one answering {@code POST /api/captchas}. */
    static void awaitTestCaptcha(Http http) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            Http.Answer a = http.post("/api/captchas", "application/json", "");
            last = a.status() + " " + a.body();
            if (a.status() == 201 && a.json().path("id").asText().startsWith("test-")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the test-only captcha service did not take over: " + last);
    }

    /** The id of the demo unit whose name contains the text (waits while the demo units are still loading after a boot). */
    long unitId(String nameContains) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            JsonNode items = http.get("/api/directory/regions/410300/units?q=" + Http.q(nameContains)).json().path("items");
            if (items.size() > 0) {
                return items.get(0).path("id").asLong();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no unit of 410300 named like " + nameContains);
            }
            Thread.sleep(200);
        }
    }

    /** Registers a professional of the unit (first department). */
    void register(String idNumber, String name, long unitId, String password) throws Exception {
        Http.Answer a = http.post("/api/registrations", "application/json", withCaptcha(http, registrationBody(idNumber, name, unitId, password)));
        assertEquals(a.body(), 202, a.status());
    }

    /** The registration of a professional of the unit (first department), without a captcha. */
    String registrationBody(String idNumber, String name, long unitId, String password) throws Exception {
        long department = http.get("/api/directory/units/" + unitId + "/departments").json().path("items").get(0).path("id").asLong();
        String birth = idNumber.substring(6, 10) + "-" + idNumber.substring(10, 12) + "-" + idNumber.substring(12, 14);
        String gender = (idNumber.charAt(16) - '0') % 2 == 1 ? "M" : "F";
        String body = "{\"idNumber\":\"" + idNumber + "\",\"password\":\"" + password + "\",\"passwordConfirmation\":\"" + password
                + "\",\"mobile\":\"139" + idNumber.substring(10, 18).replace('X', '0') + "\",\"email\":\"t" + idNumber.substring(12)
                + "@example.cn\",\"regionCode\":\"410300\",\"unitId\":" + unitId + ",\"departmentId\":" + department
                + ",\"name\":\"" + name + "\",\"gender\":\"" + gender + "\",\"birthDate\":\"" + birth + "\",\"ethnicGroup\":\"01\"}";
        return body;
    }

    /** The JSON object with a new captcha of the client and the test captcha's answer added. */
    String withCaptcha(Http client, String json) throws Exception {
        String trimmed = json.strip();
        return trimmed.substring(0, trimmed.length() - 1) + (trimmed.equals("{}") ? "" : ",")
                + "\"captchaId\":\"" + captcha(client) + "\",\"captchaAnswer\":\"" + ANSWER + "\"}";
    }

    /** A new captcha's id, issued to this client. */
    String captcha(Http client) throws Exception {
        Http.Answer a = client.post("/api/captchas", "application/json", "");
        assertEquals(a.body(), 201, a.status());
        return a.json().path("id").asText();
    }

    Http.Answer loginWith(Http client, String userType, String account, String password, String captchaId, String answer)
            throws Exception {
        String body = "{\"userType\":\"" + userType + "\",\"account\":\"" + account + "\",\"password\":\"" + password
                + "\",\"captchaId\":\"" + captchaId + "\",\"captchaAnswer\":\"" + answer + "\"}";
        Http.Answer a = client.post("/api/sessions", "application/json", body);
        if (a.status() == 200) {
            client.csrf(a.json().path("csrfToken").asText());
        }
        return a;
    }

    Http.Answer tryLogin(Http client, String userType, String account, String password) throws Exception {
        return loginWith(client, userType, account, password, captcha(client), ANSWER);
    }

    Http.Answer tryLogin(Http client, String userType, String account, String password, String answer) throws Exception {
        return loginWith(client, userType, account, password, captcha(client), answer);
    }

    /** A new user agent logged in as the account. */
    Http loginAs(String userType, String account, String password) throws Exception {
        Http client = http.fresh();
        Http.Answer a = tryLogin(client, userType, account, password);
        assertEquals(a.body(), 200, a.status());
        return client;
    }

    /** Logged in as the tests' ops account, created with the console command the README documents. */
    Http ops() throws Exception {
        synchronized (Accounts.class) {
            String pw = STAFF_PASSWORD + "\n";
            console.execute("ceportal:account-create --role OPS --name 测试运维 " + OPS_LOGIN, pw + pw);
        }
        return loginAs("ops", OPS_LOGIN, STAFF_PASSWORD);
    }

    /**
     * Creates a staff account through the ops API as {@code ops} does on 账号管理, with the tests' staff password;
     * {@code scopeField} is {@code unitId} or {@code baseId}.
     */
    static void createStaff(Http ops, String role, String login, String name, String scopeField, long scopeId) throws Exception {
        Http.Answer made = ops.postWith("/api/ops/accounts", "{\"role\":\"" + role + "\",\"login\":\"" + login + "\",\"name\":\""
                + name + "\",\"" + scopeField + "\":" + scopeId + ",\"password\":\"" + STAFF_PASSWORD + "\"}");
        assertEquals(made.body(), 201, made.status());
    }

    /** Creates a unit admin through the ops API and returns its login. */
    String unitAdmin(long unitId, String login) throws Exception {
        createStaff(ops(), "UNIT_ADMIN", login, "管理员" + login.substring(login.length() - 1), "unitId", unitId);
        return login;
    }

    /** A 继续教育基地 of 洛阳市 made by ops, accredited from 2024 until {@code validTo}; its id. */
    static long base(Http ops, String name, String accreditationNo, String validTo) throws Exception {
        Http.Answer made = ops.postWith("/api/ops/bases", "{\"name\":\"" + name + "\",\"regionCode\":\"410300\","
                + "\"accreditationNo\":\"" + accreditationNo + "\",\"validFrom\":\"2024-01-01\",\"validTo\":\"" + validTo + "\"}");
        assertEquals(made.body(), 201, made.status());
        return made.json().path("id").asLong();
    }

    /** A base admin of the base made by ops through the API, logged in. */
    Http baseAdmin(Http ops, long baseId, String login) throws Exception {
        Http.Answer made = ops.postWith("/api/ops/accounts", "{\"role\":\"BASE_ADMIN\",\"login\":\"" + login
                + "\",\"name\":\"基地管理员\",\"baseId\":" + baseId + ",\"password\":\"" + STAFF_PASSWORD + "\"}");
        assertEquals(made.body(), 201, made.status());
        return loginAs("base_admin", login, STAFF_PASSWORD);
    }

    /** The pending registration of the admin's unit with that name. */
    JsonNode pendingOf(Http admin, String name) throws Exception {
        Http.Answer a = admin.get("/api/unit/registrations?state=pending&size=100");
        assertEquals(a.body(), 200, a.status());
        for (JsonNode item : a.json().path("items")) {
            if (name.equals(item.path("name").asText())) {
                return item;
            }
        }
        throw new AssertionError(name + " is not pending: " + a.body());
    }

    /** A registered, approved and logged-in professional of the unit. */
    Http professional(long unitId, String idNumber, String name, String password, String adminLogin) throws Exception {
        register(idNumber, name, unitId, password);
        Http admin = http.fresh();
        if (tryLogin(admin, "unit_admin", adminLogin, STAFF_PASSWORD).status() != 200) { // the unit's admin is made once
            admin = loginAs("unit_admin", unitAdmin(unitId, adminLogin), STAFF_PASSWORD);
        }
        Http.Answer approved = admin.postWith("/api/unit/registrations/" + pendingOf(admin, name).path("id").asLong() + "/decision",
                "{\"decision\":\"approve\"}");
        assertEquals(approved.body(), 200, approved.status());
        return loginAs("professional", idNumber, password);
    }

    /** Appends the GB 11643 check character to 17 digits. */
    static String idNumber(String body) {
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * w[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }
}
