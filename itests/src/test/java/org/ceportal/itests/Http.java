package org.ceportal.itests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Real HTTP requests against a running portal, as a browser or integrator makes them.
 * An instance is one user agent: it keeps the session cookie it is given and sends
 * the CSRF token it was told on state-changing calls.
 */
public final class Http {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String SESSION_COOKIE = "ceportal_session";
    private final HttpClient client;
    /** True when {@link #fresh} user agents share this one's HttpClient. */
    private final boolean sharing;
    private final String base;
    private volatile String session;
    private volatile String csrf;
    private volatile java.util.List<String> lastSetCookies = java.util.List.of();
    private volatile String forwardedFor;

    public Http(int port) {
        this("http://127.0.0.1:" + port, client(null), false);
    }

    private Http(String base, HttpClient client, boolean sharing) {
        this.base = base;
        this.client = client;
        this.sharing = sharing;
    }

    private static HttpClient client(java.util.concurrent.Executor executor) {
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5));
        return (executor == null ? b : b.executor(executor)).build();
    }

    /**
     * A user agent whose {@link #fresh} ones share its HttpClient (one connection pool, one
     * selector thread and {@code threads} worker threads), for a load generator inside the
     * portal's JVM: many user agents each with its own HttpClient would weigh on the process
     * measured. Cookies and tokens stay per user agent (this class keeps them, not the client).
     */
    public static Http sharingClient(int port, int threads) {
        java.util.concurrent.ThreadFactory daemons = r -> {
            Thread t = new Thread(r, "bench-http");
            t.setDaemon(true);
            return t;
        };
        return new Http("http://127.0.0.1:" + port,
                client(java.util.concurrent.Executors.newFixedThreadPool(threads, daemons)), true);
    }

    /** A new user agent (no cookie) on the same portal. */
    public Http fresh() {
        return sharing ? new Http(base, client, true) : new Http(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)));
    }

    /** The session cookie's value, if one was set. */
    public String sessionCookie() {
        return session;
    }

    /** Sends this cookie from now on (e.g. a copied, stolen or ended one). */
    public Http useSessionCookie(String value) {
        this.session = value;
        return this;
    }

    /** Sends this X-CSRF-Token on state-changing calls (null: none). */
    public Http csrf(String token) {
        this.csrf = token;
        return this;
    }

    public String csrf() {
        return csrf;
    }

    /**
     * Sends {@code X-Forwarded-For: address} from now on: a client behind a proxy the portal trusts
     * (its {@code trustedProxies}), so that per-address limits see many users, not the test's one address.
     */
    public Http forwardedFor(String address) {
        this.forwardedFor = address;
        return this;
    }

    /** The Set-Cookie headers of the last answer. */
    public java.util.List<String> lastSetCookies() {
        return lastSetCookies;
    }

    public Answer put(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    public Answer delete(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    /** Uploads one file as multipart/form-data, part name {@code file}, as a browser form does. */
    public Answer upload(String path, String fileName, String contentType, byte[] content) throws IOException, InterruptedException {
        String boundary = "----ceportal" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** The raw bytes of a GET, with the Content-Disposition header. */
    public record Download(int status, String contentType, String disposition, byte[] body) {
    }

    public Download download(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = client.send(withCookie(HttpRequest.newBuilder(URI.create(base + path)).GET())
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Download(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                r.headers().firstValue("Content-Disposition").orElse(""), r.body());
    }

    /** GETs {@code path} and reads its body without keeping it (a large download); its length, after a 200. */
    public long drain(String path) throws IOException, InterruptedException {
        HttpResponse<java.io.InputStream> r = client.send(withCookie(HttpRequest.newBuilder(URI.create(base + path)).GET())
                .timeout(Duration.ofMinutes(10)).build(), HttpResponse.BodyHandlers.ofInputStream());
        long n = 0;
        byte[] buffer = new byte[65536];
        try (java.io.InputStream in = r.body()) {
            for (int k; (k = in.read(buffer)) >= 0;) {
                n += k;
            }
        }
        if (r.statusCode() != 200) {
            throw new IOException("GET " + path + ": " + r.statusCode());
        }
        return n;
    }

    /** POST with extra headers given as name, value, name, value... */
    public Answer postWith(String path, String json, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b);
    }

    /** An answer: status, content type and body. */
    /** An answer; {@code headers} are the response's headers (names in lower case). */
    public record Answer(int status, String contentType, String body, java.net.http.HttpHeaders headers) {
        public Answer(int status, String contentType, String body) {
            this(status, contentType, body, java.net.http.HttpHeaders.of(java.util.Map.of(), (a, b) -> true));
        }

        /** The server's own time for this answer ({@code Server-Timing: app;dur=…}), in ms, or -1. */
        public double serverMillis() {
            return headers.firstValue("server-timing").map(v -> v.replaceAll(".*dur=([0-9.]+).*", "$1"))
                    .map(Double::parseDouble).orElse(-1.0);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + " " + contentType + "): " + body, e);
            }
        }
    }

    public Answer get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** GET with extra headers given as name, value, name, value... (e.g. a cookie of another name). */
    public Answer getWith(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b);
    }

    public Answer post(String path, String contentType, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpRequest built = withCookie(request).timeout(Duration.ofSeconds(30)).build();
        if (csrf != null && !built.method().equals("GET")) {
            request.header("X-CSRF-Token", csrf);
            built = request.build();
        }
        HttpResponse<String> r = client.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        lastSetCookies = r.headers().allValues("Set-Cookie");
        for (String c : lastSetCookies) {
            if (c.startsWith(SESSION_COOKIE + "=")) {
                String value = c.substring(SESSION_COOKIE.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'));
                session = value.isEmpty() ? null : value;
            }
        }
        return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), r.headers());
    }

    private HttpRequest.Builder withCookie(HttpRequest.Builder request) {
        if (session != null) {
            request.header("Cookie", SESSION_COOKIE + "=" + session);
        }
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return request;
    }

    /**
     * Any request: method, path with its raw (already encoded) query, content type
     * (null: none) and body bytes (null: none). The session cookie and CSRF token of
     * this user agent go with it.
     */
    public Answer raw(String method, String pathAndQuery, String contentType, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b);
    }

    /** Something the tests wait for, which may fail while it is not there yet. */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    /**
     * Waits until the condition holds. An exception counts as not yet; an AssertionError (such as
     * {@link Answer#json()} throws for a body that is not JSON) fails at once.
     */
    public static void awaitTrue(Duration timeout, Condition condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (condition.holds()) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not within " + timeout + (last == null ? "" : "; last error " + last));
    }

    /** Polls until the path answers 200, or fails after the timeout. */
    public Answer awaitOk(String path, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Answer last = null;
        String error = null;
        while (System.nanoTime() < deadline) {
            try {
                last = get(path);
                if (last.status() == 200) {
                    return last;
                }
            } catch (IOException e) {
                error = e.toString();
            }
            Thread.sleep(200);
        }
        throw new AssertionError(path + " not 200 within " + timeout + "; last answer " + last + ", last error " + error);
    }

    /** URL-encodes a query value. */
    public static String q(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
