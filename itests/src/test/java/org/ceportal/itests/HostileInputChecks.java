package org.ceportal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * Every documented endpoint (from {@code /api/openapi.json}) with hostile input: random
 * bytes, invalid UTF-8, deep nesting, huge strings, wrong JSON types, wrong and broken
 * content types, bad path parameters and broken percent-encoding, anonymous and with
 * sessions of each role. Pass: no 5xx, no dropped connection, health still UP, and
 * no ERROR in Karaf's log.
 *
 * <p>A fixed seed makes a run repeatable: {@code -Dhostile.seed} (default 20261130)
 * and {@code -Dhostile.requests} (default 600 in the test suite;
 * {@code benchmarks/hostile.sh} runs a bigger one).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class HostileInputChecks extends PortalTestBase {
    private static final String[] TYPES = {"application/json", "application/json; charset=ISO-8859-1", "text/plain",
        "application/xml", "multipart/form-data", "multipart/form-data; boundary=XyZ", "text/csv", null,
        "application/x-www-form-urlencoded", "image/png", "application/json; charset=nonsense", "*/*"};
    private static final String[] FIELDS = {"idNumber", "password", "captchaId", "captchaAnswer", "userType", "account",
        "name", "mobile", "email", "unitId", "departmentId", "regionCode", "gender", "birthDate", "ethnicGroup",
        "formId", "year", "category", "claimedHours", "values", "attachmentIds", "submit", "decision", "reason",
        "version", "role", "login", "currentPassword", "newPassword", "kind", "departments"};
    private static final String[] QUERY = {"page", "size", "q", "state", "year", "parent", "formId"};

    private record Operation(String method, String path) {
    }

    private record Client(String name, Http http) {
        /** The same user agent on a new connection (same session and CSRF token). */
        Client reconnected() {
            return new Client(name, http.fresh().useSessionCookie(http.sessionCookie()).csrf(http.csrf()));
        }
    }

    @Test
    public void noHostileRequestGetsA5xxOrADroppedConnection() throws Exception {
        long seed = Long.getLong("hostile.seed", 20261130L);
        int requests = Integer.getInteger("hostile.requests", 600);
        Random random = new Random(seed);
        Path log = Path.of(System.getProperty("karaf.data", "data"), "log", "karaf.log");
        long logStart = Files.exists(log) ? Files.size(log) : 0;

        List<Operation> operations = operations();
        assertTrue("too few operations documented: " + operations, operations.size() >= 30);
        Accounts a = accounts();
        long unit = a.unitId("第一高级中学");
        List<Client> clients = new ArrayList<>(List.of(
                new Client("anonymous", http.fresh()),
                new Client("professional", a.professional(unit, Accounts.idNumber("41030219730612002"), "卫兰",
                        "兰生幽谷2026年", "yizhong.hostile")),
                new Client("unit admin", a.loginAs("unit_admin", "yizhong.hostile", Accounts.STAFF_PASSWORD)),
                new Client("ops", a.ops()),
                new Client("forged csrf", a.loginAs("unit_admin", "yizhong.hostile", Accounts.STAFF_PASSWORD).csrf("forged"))));

        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        Map<String, String> previous = new java.util.HashMap<>(); // per client: its last request and answer
        int protocolRefusals = 0;
        for (int i = 0; i < requests && failures.size() < 20; i++) {
            Operation op = operations.get(random.nextInt(operations.size()));
            int which = random.nextInt(clients.size());
            Client client = clients.get(which);
            if (op.path().equals("/api/sessions/current") && !client.name().equals("anonymous")) {
                continue; // a logout would end the session the rest of the run uses
            }
            String type = TYPES[random.nextInt(TYPES.length)];
            byte[] body = op.method().equals("GET") && random.nextInt(4) > 0 ? null : body(random);
            // A path that is not UTF-8 (or has an encoded '/') is refused by Jetty itself, which answers 400 and closes
            // the connection; with a body still being sent, that close can reset the connection before the
            // client reads the answer. Browsers never send such paths, so only body-less requests carry them.
            String path = fillPath(op.path(), random, body == null) + query(random);
            String what = client.name() + " " + op.method() + " " + shorten(path) + " type=" + type
                    + " body=" + (body == null ? "none" : shorten(new String(body, StandardCharsets.ISO_8859_1)));
            try {
                Http.Answer answer = client.http().raw(op.method(), path, type, body);
                statuses.merge(answer.status(), 1, Integer::sum);
                if (answer.status() >= 500) {
                    failures.add(answer.status() + " for " + what + ": " + shorten(answer.body()));
                }
                previous.put(client.name(), what + " -> " + answer.status());
                if (answer.status() == 400 && answer.contentType().startsWith("text/html")) {
                    // Jetty refused the request line itself (e.g. a path that is not UTF-8) and said
                    // "Connection: close", as HTTP allows; a browser opens a new connection then, and so do we
                    clients.set(which, client.reconnected());
                    protocolRefusals++;
                }
            } catch (IOException e) {
                // a connection the server closed after the previous answer shows on the next request
                failures.add("connection dropped (" + e + ") for " + what + "; the client's previous request: "
                        + previous.get(client.name()));
            }
        }
        System.out.println("HostileInputChecks: seed " + seed + ", " + requests + " requests, statuses " + statuses
                + ", refused by Jetty before the portal (path not UTF-8, connection closed as announced): " + protocolRefusals);
        assertTrue(String.join("\n", failures), failures.isEmpty());
        assertEquals("UP", http.get("/api/health").json().path("status").asText());
        List<String> errors = errorsSince(log, logStart);
        assertTrue("ERROR in the log:\n" + String.join("\n", errors), errors.isEmpty());
    }

    private List<Operation> operations() throws Exception {
        JsonNode paths = http.get("/api/openapi.json").json().path("paths");
        List<Operation> ops = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            for (Iterator<String> m = e.getValue().fieldNames(); m.hasNext();) {
                String method = m.next().toUpperCase(java.util.Locale.ROOT);
                if (List.of("GET", "POST", "PUT", "DELETE").contains(method)) {
                    ops.add(new Operation(method, "/api" + e.getKey()));
                }
            }
        }
        // and some that exist nowhere
        ops.add(new Operation("PATCH", "/api/declarations/1"));
        ops.add(new Operation("POST", "/api/no/such/thing"));
        return ops;
    }

    /** @param brokenEncoding whether a path parameter may be a broken or ambiguous encoding that Jetty refuses */
    private static String fillPath(String template, Random r, boolean brokenEncoding) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                out.append(template, i, template.length());
                break;
            }
            out.append(template, i, open);
            out.append(switch (r.nextInt(9)) {
                case 0 -> "1";
                case 1 -> "-1";
                case 2 -> "99999999999999999999999";
                case 3 -> "410300";
                case 4 -> "%E6%B4%9B%E9%98%B3";
                case 5 -> brokenEncoding ? "%F0%9F%98" : "%E6%B4%9B";
                case 6 -> brokenEncoding ? "..%2F..%2Fetc" : "..";
                case 7 -> "0x1F";
                default -> String.valueOf(r.nextInt(1000));
            });
            i = template.indexOf('}', open) + 1;
        }
        return out.toString();
    }

    private static String query(Random r) {
        if (r.nextInt(3) == 0) {
            return "";
        }
        StringBuilder q = new StringBuilder("?");
        int n = 1 + r.nextInt(3);
        for (int k = 0; k < n; k++) {
            q.append(k == 0 ? "" : "&").append(QUERY[r.nextInt(QUERY.length)]).append('=').append(switch (r.nextInt(8)) {
                case 0 -> "-5";
                case 1 -> "99999999999999999999";
                case 2 -> "%ED%A0%80";
                case 3 -> "%F0%9F%98";
                case 4 -> "%27%20OR%201%3D1--";
                case 5 -> "a".repeat(1 + r.nextInt(3000));
                case 6 -> "%E6%95%99%E8%82%B2";
                default -> String.valueOf(r.nextInt(100));
            });
        }
        return q.toString();
    }

    private static byte[] body(Random r) {
        return switch (r.nextInt(9)) {
            case 0 -> {
                byte[] b = new byte[r.nextInt(4096)];
                r.nextBytes(b);
                yield b;
            }
            case 1 -> {
                int depth = 50 + r.nextInt(5000);
                yield ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.US_ASCII);
            }
            case 2 -> {
                int depth = 50 + r.nextInt(2000);
                yield ("{\"a\":".repeat(depth) + "1" + "}".repeat(depth)).getBytes(StandardCharsets.US_ASCII);
            }
            case 3 -> ("{\"" + FIELDS[r.nextInt(FIELDS.length)] + "\":\"" + "长".repeat(r.nextInt(19_000)) + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            case 4 -> wrongTypes(r).getBytes(StandardCharsets.UTF_8);
            case 5 -> {
                byte[] json = ("{\"name\":\"ab\",\"reason\":\"cd\",\"values\":{\"x\":\"ef\"}}").getBytes(StandardCharsets.US_ASCII);
                json[10] = (byte) 0xC3; // invalid UTF-8 inside strings
                json[24] = (byte) 0xED;
                json[25] = (byte) 0xA0;
                yield json;
            }
            case 6 -> new String[] {"", "null", "[]", "1e999999", "-0", "\"\"", "{", "}", "{\"a\":}", "true"}[r.nextInt(10)]
                    .getBytes(StandardCharsets.US_ASCII);
            case 7 -> ("--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"../../a\u202Eexe.pdf\"\r\n"
                    + "Content-Type: application/pdf\r\n\r\n%PDF-1.4 " + "x".repeat(r.nextInt(3000))
                    + (r.nextBoolean() ? "\r\n--XyZ--\r\n" : "")).getBytes(StandardCharsets.UTF_8);
            default -> {
                StringBuilder csv = new StringBuilder("region_code,name,kind,departments\n");
                for (int k = 0; k < r.nextInt(50); k++) {
                    csv.append(r.nextInt(999999)).append(",\"单位").append(k).append("\u0000\",GOV,a|b\n");
                }
                yield csv.toString().getBytes(StandardCharsets.UTF_8);
            }
        };
    }

    /** A JSON object of known field names with values of random, mostly wrong, types. */
    private static String wrongTypes(Random r) {
        StringBuilder json = new StringBuilder("{");
        int n = 1 + r.nextInt(8);
        for (int k = 0; k < n; k++) {
            json.append(k == 0 ? "" : ",").append('"').append(FIELDS[r.nextInt(FIELDS.length)]).append("\":")
                    .append(switch (r.nextInt(10)) {
                        case 0 -> "[1,2,3]";
                        case 1 -> "{\"$gt\":\"\"}";
                        case 2 -> "-9223372036854775809";
                        case 3 -> "1.5e308";
                        case 4 -> "\"\\u0000\\u202e\\ud800\"";
                        case 5 -> "null";
                        case 6 -> "true";
                        case 7 -> "\"" + new String(Character.toChars(0x20000)).repeat(40) + "\"";
                        case 8 -> "\"2026-02-30\"";
                        default -> String.valueOf(r.nextInt());
                    });
        }
        return json.append('}').toString();
    }

    private static List<String> errorsSince(Path log, long offset) throws IOException {
        List<String> errors = new ArrayList<>();
        if (!Files.exists(log)) {
            return errors;
        }
        byte[] all = Files.readAllBytes(log);
        String text = new String(all, (int) Math.min(offset, all.length), all.length - (int) Math.min(offset, all.length),
                StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
            if (line.contains("| ERROR |")) {
                errors.add(shorten(line));
            }
        }
        return errors;
    }

    private static String shorten(String s) {
        return s.length() <= 160 ? s : s.substring(0, 160) + "…(" + s.length() + ")";
    }
}
