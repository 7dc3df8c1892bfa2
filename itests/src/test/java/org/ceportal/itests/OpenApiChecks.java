package org.ceportal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.Bundle;

/**
 * The REST contract that integrators read, {@code /api/openapi.json}, against the JAX-RS
 * resource methods of the portal's installed bundles: every resource method (its HTTP
 * method and its path under {@code /api}) is documented, and every documented operation
 * is a resource method, with an {@code operationId} of its own. The resources are found in
 * the bundles themselves (classes with a class-level {@code @Path}), so a method added
 * without its documentation fails here.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class OpenApiChecks extends PortalTestBase {
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");

    @Test
    public void theDocumentAndTheResourceMethodsAgree() throws Exception {
        Set<String> implemented = new TreeSet<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getSymbolicName() != null && bundle.getSymbolicName().startsWith("org.ceportal.")
                    && bundle.getState() == Bundle.ACTIVE) {
                implemented.addAll(resourceMethods(bundle));
            }
        }
        assertTrue("no resource methods found: " + implemented, implemented.size() > 50);

        Set<String> documented = new TreeSet<>();
        Set<String> withoutId = new TreeSet<>();
        java.util.Map<String, String> ids = new java.util.TreeMap<>();
        JsonNode paths = http.get("/api/openapi.json").json().path("paths");
        for (Iterator<String> p = paths.fieldNames(); p.hasNext();) {
            String path = p.next();
            for (Iterator<String> m = paths.path(path).fieldNames(); m.hasNext();) {
                String key = m.next();
                String method = key.toUpperCase(Locale.ROOT);
                if (METHODS.contains(method)) {
                    documented.add(method + " " + path);
                    String id = paths.path(path).path(key).path("operationId").asText("");
                    String before = id.isEmpty() ? null : ids.put(id, method + " " + path);
                    if (id.isEmpty() || before != null) {
                        withoutId.add(method + " " + path + (before == null ? "" : " (same operationId as " + before + ")"));
                    }
                }
            }
        }
        // client generators name their methods after the operationIds
        assertEquals("operations without an operationId of their own", Set.of(), withoutId);
        // a state-changing call of a session is refused without the session's CSRF token: the document says so
        Set<String> withoutCsrf = new TreeSet<>();
        for (Iterator<String> p = paths.fieldNames(); p.hasNext();) {
            String path = p.next();
            for (String method : List.of("post", "put", "patch", "delete")) {
                for (JsonNode requirement : paths.path(path).path(method).path("security")) {
                    if (requirement.has("session") && !requirement.has("csrf")) {
                        withoutCsrf.add(method.toUpperCase(Locale.ROOT) + " " + path);
                    }
                }
            }
        }
        assertEquals("state-changing operations of a session without the csrf scheme", Set.of(), withoutCsrf);
        JsonNode csrf = http.get("/api/openapi.json").json().path("components").path("securitySchemes").path("csrf");
        assertEquals("header", csrf.path("in").asText());
        assertEquals("X-CSRF-Token", csrf.path("name").asText());
        Set<String> undocumented = new TreeSet<>(implemented);
        undocumented.removeAll(documented);
        Set<String> missing = new TreeSet<>(documented);
        missing.removeAll(implemented);
        assertEquals("resource methods that /api/openapi.json does not document", Set.of(), undocumented);
        assertEquals("operations in /api/openapi.json that no resource method implements", Set.of(), missing);
    }

    /**
     * Redocly CLI (pinned in {@code src/test/openapi-lint}, installed by npm into
     * {@code target/openapi-lint} on the first run) with its recommended rules: no error and
     * no warning. Needs Node.js and npm ({@code .ci/run} installs Debian's).
     */
    @Test
    public void theDocumentPassesTheLintersRecommendedRules() throws Exception {
        Path target = Path.of(System.getProperty("ceportal.itest.dir", "target")).toAbsolutePath();
        Path source = target.getParent().resolve("src/test/openapi-lint");
        Path dir = target.resolve("openapi-lint");
        Files.createDirectories(dir);
        for (String f : List.of("package.json", "package-lock.json", "redocly.yaml")) {
            Files.copy(source.resolve(f), dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isExecutable(dir.resolve("node_modules/.bin/redocly"))) {
            String installed = run(dir, 600, "npm", "ci", "--prefer-offline", "--no-audit", "--no-fund");
            assertTrue("npm ci: " + installed, Files.isExecutable(dir.resolve("node_modules/.bin/redocly")));
        }
        Http.Answer doc = http.get("/api/openapi.json");
        assertEquals(200, doc.status());
        Files.writeString(dir.resolve("openapi.json"), doc.body(), StandardCharsets.UTF_8);
        String out = run(dir, 120, "node_modules/.bin/redocly", "lint", "openapi.json", "--format=json");
        JsonNode report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.substring(out.indexOf('{')));
        StringBuilder problems = new StringBuilder();
        for (JsonNode p : report.path("problems")) {
            problems.append('\n').append(p.path("severity").asText()).append(' ').append(p.path("ruleId").asText()).append(' ')
                    .append(p.path("location").path(0).path("pointer").asText()).append(": ").append(p.path("message").asText());
        }
        assertEquals("errors" + problems, 0, report.path("totals").path("errors").asInt(-1));
        assertEquals("warnings" + problems, 0, report.path("totals").path("warnings").asInt(-1));
    }

    /**
     * {@code docs/openapi.json}, the contract as published in the repository (integrators read it
     * there, and the itests generate their Java client from it), is the running portal's document:
     * the same paths, operations and schemas; only {@code info.version} (the build) may differ.
     */
    @Test
    public void thePublishedDocumentIsTheRunningOne() throws Exception {
        Path target = Path.of(System.getProperty("ceportal.itest.dir", "target")).toAbsolutePath();
        Path published = target.getParent().getParent().resolve("docs/openapi.json");
        Path live = target.resolve("openapi.json");
        Http.Answer doc = http.get("/api/openapi.json");
        assertEquals(200, doc.status());
        Files.writeString(live, doc.body(), StandardCharsets.UTF_8);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode running = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(doc.body());
        com.fasterxml.jackson.databind.node.ObjectNode inRepository =
                (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(Files.readString(published, StandardCharsets.UTF_8));
        ((com.fasterxml.jackson.databind.node.ObjectNode) running.path("info")).remove("version");
        ((com.fasterxml.jackson.databind.node.ObjectNode) inRepository.path("info")).remove("version");
        assertTrue(published + " differs from the running portal's /api/openapi.json: after changing an API, copy " + live
                + " over it (python3 -m json.tool --indent 1 keeps it readable)", running.equals(inRepository));
    }

    /** Runs a command in {@code dir}; its standard output (standard error goes to the log). */
    private static String run(Path dir, int seconds, String... command) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("stderr.log").toFile())).start();
        } catch (java.io.IOException e) {
            throw new AssertionError(command[0] + " cannot be run (Node.js and npm: apt-get install -y nodejs npm): " + e.getMessage());
        }
        java.util.concurrent.CompletableFuture<byte[]> out = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return p.getInputStream().readAllBytes();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        if (!p.waitFor(seconds, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " took more than " + seconds + " s");
        }
        return new String(out.get(), StandardCharsets.UTF_8);
    }

    /** {@code METHOD /path} of each resource method of the bundle's classes, path parameters as {@code {name}}. */
    private static Set<String> resourceMethods(Bundle bundle) throws Exception {
        Set<String> found = new TreeSet<>();
        Enumeration<URL> classes = bundle.findEntries("/org/ceportal", "*.class", true);
        while (classes != null && classes.hasMoreElements()) {
            String entry = classes.nextElement().getPath();
            String name = entry.substring(1, entry.length() - ".class".length()).replace('/', '.');
            if (name.contains("$")) {
                continue;
            }
            Class<?> type;
            try {
                type = bundle.loadClass(name);
            } catch (ClassNotFoundException | LinkageError e) {
                continue; // a class of an optional wiring that is absent
            }
            String base = path(type.getAnnotations());
            if (base == null || type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
                continue;
            }
            for (Method method : type.getMethods()) {
                String verb = verb(method.getAnnotations());
                if (verb != null) {
                    String sub = path(method.getAnnotations());
                    found.add(verb + " " + join(base, sub));
                }
            }
        }
        return found;
    }

    /** The value of a {@code jakarta.ws.rs.Path} among the annotations, or null (compared by name: any class loader). */
    private static String path(Annotation[] annotations) throws Exception {
        for (Annotation a : annotations) {
            if (a.annotationType().getName().equals("jakarta.ws.rs.Path")) {
                return (String) a.annotationType().getMethod("value").invoke(a);
            }
        }
        return null;
    }

    private static String verb(Annotation[] annotations) {
        for (Annotation a : annotations) {
            String name = a.annotationType().getName();
            if (name.startsWith("jakarta.ws.rs.") && METHODS.contains(a.annotationType().getSimpleName())) {
                return a.annotationType().getSimpleName();
            }
        }
        return null;
    }

    /** {@code /base/sub}, with {@code {name: regex}} parameters written {@code {name}} as OpenAPI does. */
    static String join(String base, String sub) {
        StringBuilder path = new StringBuilder();
        for (String part : new String[] {base, sub}) {
            if (part != null && !part.isBlank()) {
                String trimmed = part.replaceAll("^/+|/+$", "");
                if (!trimmed.isEmpty()) {
                    path.append('/').append(trimmed);
                }
            }
        }
        return (path.length() == 0 ? "/" : path.toString()).replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}");
    }
}
