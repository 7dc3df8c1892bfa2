package org.ceportal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;

import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import org.ceportal.platform.persistence.Database;
import org.junit.Before;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.BundleContext;

/**
 * What the in-container test classes share: one boot of the assembled distribution
 * for the whole suite (each subclass is {@code @ExamReactorStrategy(PerSuite.class)}),
 * the services they reach into, and the checks they repeat.
 */
public abstract class PortalTestBase {

    @Inject
    protected BundleContext context;

    @Inject
    protected Database database;

    /** The portal's own captcha service (the configuration names the test-only one for the login). */
    @Inject
    @org.ops4j.pax.exam.util.Filter("(component.name=org.ceportal.captcha.internal.CaptchaServiceImpl)")
    protected org.ceportal.captcha.api.CaptchaService captchas;

    @Inject
    protected org.osgi.service.cm.ConfigurationAdmin configAdmin;

    @Inject
    protected org.apache.karaf.shell.api.console.SessionFactory shell;

    /** What {@code feature:install} and {@code feature:uninstall} call. */
    @Inject
    protected org.apache.karaf.features.FeaturesService features;

    protected Http http;

    @Configuration
    public Option[] config() throws IOException {
        // the hostile-input suite's size and seed come from the Maven command line (benchmarks/hostile.sh)
        return org.ops4j.pax.exam.OptionUtils.combine(PortalOptions.withProperties("exam", "hostile.seed", "hostile.requests"),
                PortalOptions.copyTarget());
    }

    @Before
    public void waitForPortal() throws Exception {
        http = new Http(Integer.parseInt(System.getProperty("ceportal.test.port")));
        KarafLog.explaining("KARAF-LOG ", () -> http.awaitOk("/api/health", Duration.ofSeconds(90)));
        http.awaitOk("/api/directory/regions", Duration.ofSeconds(30));
        boolean changed = ensure("org.ceportal.accounts.throttle", Map.of("loginAttempts", "100000"));
        changed |= ensure("org.ceportal.captcha", Map.of("issuesPerMinute", "100000", "provider.target", PortalOptions.TEST_CAPTCHA));
        if (changed) {
            Thread.sleep(2000); // the resources restart with the new settings
        }
        Accounts.awaitTestCaptcha(http);
    }

    /** Sets the values in the configuration unless it has them; true when it changed. */
    protected boolean ensure(String pid, Map<String, String> values) throws IOException {
        org.osgi.service.cm.Configuration cfg = configAdmin.getConfiguration(pid, null);
        Dictionary<String, Object> current = cfg.getProperties();
        Hashtable<String, Object> next = new Hashtable<>();
        if (current != null) {
            for (java.util.Enumeration<String> keys = current.keys(); keys.hasMoreElements();) {
                String k = keys.nextElement();
                next.put(k, current.get(k));
            }
        }
        boolean same = true;
        for (Map.Entry<String, String> e : values.entrySet()) {
            same &= e.getValue().equals(String.valueOf(next.get(e.getKey())));
            next.put(e.getKey(), e.getValue());
        }
        if (!same) {
            cfg.update(next);
        }
        return !same;
    }

    protected String execute(String command) throws Exception {
        return execute(command, "");
    }

    protected String execute(String command, String input) throws Exception {
        return Console.execute(shell, command, input);
    }

    protected Accounts accounts() {
        return new Accounts(http, this::execute);
    }

    /** A problem+json answer with that status and code and a zh-CN message. */
    protected static JsonNode assertProblem(Http.Answer a, int status, String code) {
        assertEquals(a.body(), status, a.status());
        assertTrue(a.contentType(), a.contentType().startsWith("application/problem+json"));
        JsonNode p = a.json();
        assertEquals(a.body(), code, p.path("code").asText());
        assertEquals(status, p.path("status").asInt());
        String message = p.path("message").asText();
        assertTrue("zh-CN message expected: " + message, message.codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF));
        return p;
    }
}
