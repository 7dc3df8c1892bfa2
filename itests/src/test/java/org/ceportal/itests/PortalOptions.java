package org.ceportal.itests;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;

import org.ops4j.pax.exam.CoreOptions;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;

/**
 * The Pax Exam set-up shared by the in-container tests and benchmarks: the assembled
 * distribution on a free port, the test-only captcha installed and configured, the
 * per-address limits lifted.
 */
final class PortalOptions {
    /** The filter that names the test-only known-answer captcha as the portal's captcha provider. */
    static final String TEST_CAPTCHA = "(ceportal.captcha.provider=known-answer)";

    private PortalOptions() {
    }

    static Option[] options(String unpackName) throws IOException {
        String port = String.valueOf(freePort());
        String repo = System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository");
        String karaf = System.getProperty("karaf.version");
        File distribution = new File(System.getProperty("ceportal.distribution"));
        return new Option[] {
            karafDistributionConfiguration()
                .frameworkUrl(distribution.toURI().toString())
                .karafVersion(karaf)
                .name("ceportal")
                .unpackDirectory(new File(System.getProperty("ceportal.itest.dir", "target"), unpackName))
                .useDeployFolder(false),
            configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
            logLevel(LogLevel.INFO),
            editConfigurationFilePut("etc/custom.properties", "org.osgi.service.http.port", port),
            editConfigurationFilePut("etc/org.apache.felix.http.cfg", "org.osgi.service.http.port", port),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(freePort())),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository", repo),
            // our bundles come from the distribution's system folder (what was just assembled);
            // Pax Exam's own bundles from the build's local repository
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.defaultRepositories",
                    "${karaf.home.uri}system@id=system.repository@snapshots,"
                    + new File(repo).toURI() + "@snapshots@id=local"),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.repositories",
                    "https://repo1.maven.org/maven2@id=central"),
            // the tests log in far more often than one person: lift the per-address login and captcha limits
            editConfigurationFilePut("etc/org.ceportal.accounts.throttle.cfg", "loginAttempts", "100000"),
            editConfigurationFilePut("etc/org.ceportal.captcha.cfg", "issuesPerMinute", "100000"),
            // TEST ONLY: the login checks the known-answer captcha (installed below) because this names it
            editConfigurationFilePut("etc/org.ceportal.captcha.cfg", "provider.target", TEST_CAPTCHA),
            systemProperty("ceportal.test.port").value(port),
            systemProperty("ceportal.database").value(database()),
            // The probe's invoker service appears only once the boot features have started, and our bundles
            // migrate their schemas while they start: on a busy two-core machine that can take longer than the
            // 10 s Pax Exam waits by default, after which the test hangs instead of failing.
            systemProperty("org.ops4j.pax.swissbox.tracker.ServiceLookup.DEFAULT_TIMEOUT").value("180000"),
            systemProperty("pax.exam.service.timeout").value("180000"),
            systemProperty("ceportal.version").value(System.getProperty("ceportal.version", "0.1.0-SNAPSHOT")),
            systemProperty("ceportal.itest.dir").value(new File(System.getProperty("ceportal.itest.dir", "target")).getAbsolutePath()),
            // TEST ONLY: a captcha service with a known answer
            CoreOptions.bundle(new File(System.getProperty("ceportal.testCaptcha")).toURI().toString()).start(),
            // TEST ONLY: an SMTP server in the container for the 忘记密码 mail (MailResetChecks)
            CoreOptions.bundle(new File(System.getProperty("ceportal.greenmail")).toURI().toString()).start(),
            CoreOptions.vmOptions(
                "--add-reads=java.xml=java.logging",
                "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
                "--patch-module", "java.base=lib/endorsed/org.apache.karaf.specs.locator-" + karaf + ".jar",
                "--patch-module", "java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + karaf + ".jar",
                "--add-opens", "java.base/java.security=ALL-UNNAMED",
                "--add-opens", "java.base/java.net=ALL-UNNAMED",
                "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "--add-opens", "java.base/java.util=ALL-UNNAMED",
                "--add-opens", "java.naming/javax.naming.spi=ALL-UNNAMED",
                "--add-opens", "java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.content.text=ALL-UNNAMED",
                "--add-exports=jdk.xml.dom/org.w3c.dom.html=ALL-UNNAMED",
                "--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED",
                "-Xmx512m"),
        };
    }


    /** The database the suite runs on: {@code derby} (the distribution's default) or {@code postgresql}. */
    static String database() {
        return System.getProperty("ceportal.database", "derby");
    }

    /**
     * On PostgreSQL, the DataSource configuration pointed at this run's private cluster: the
     * one file an operator changes (docs/POSTGRESQL.md); nothing else differs.
     */
    static Option[] databaseOptions() throws IOException {
        if ("derby".equals(database())) {
            return new Option[0];
        }
        if (!"postgresql".equals(database())) {
            throw new IllegalArgumentException("ceportal.database must be derby or postgresql, not " + database());
        }
        PostgresServer server = PostgresServer.shared();
        String cfg = "etc/org.ops4j.datasource-ceportal.cfg";
        return new Option[] {
            editConfigurationFilePut(cfg, "osgi.jdbc.driver.name", "PostgreSQL JDBC Driver"),
            editConfigurationFilePut(cfg, "url", server.jdbcUrl()),
            editConfigurationFilePut(cfg, "user", PostgresServer.USER),
            editConfigurationFilePut(cfg, "password", "unused-trust-on-loopback"),
            // as docs/POSTGRESQL.md: no pooled statements (a cursor's statement would come back closed)
            editConfigurationFilePut(cfg, "jdbc.factory.poolStatements", "false"),
        };
    }

    /** On Derby, an empty PostgreSQL database that DatabaseCopyChecks moves the suite's database into. */
    static Option[] copyTarget() throws IOException {
        if (!"derby".equals(database())) {
            return new Option[0];
        }
        return new Option[] {systemProperty("ceportal.test.copyTarget").value(PostgresServer.shared().createDatabase("copy_target"))};
    }

    /** The options plus the given system properties of the Maven command line (e.g. a benchmark's settings), passed into the container. */
    static Option[] withProperties(String unpackName, String... keys) throws IOException {
        java.util.List<Option> options = new java.util.ArrayList<>(java.util.List.of(options(unpackName)));
        options.addAll(java.util.List.of(databaseOptions()));
        if (Boolean.getBoolean("ceportal.keepRuntime")) {
            // -Dceportal.keepRuntime=true: the container's folder (its data/log/karaf.log) stays after the run
            options.add(org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder());
        }
        for (String key : keys) {
            if (System.getProperty(key) != null) {
                options.add(systemProperty(key).value(System.getProperty(key)));
            }
        }
        return options.toArray(new Option[0]);
    }

    /**
     * A benchmark's options: {@link #withProperties} and the memory limits of the
     * distribution's {@code bin/setenv} (its default {@code CEPORTAL_JAVA_MEMORY}, read from
     * the source tree, so a bench runs with what the start command runs with), the heap
     * replaced by {@code bench.xmx} when it is given; not the suite's 512 MB (the last -Xmx wins).
     */
    static Option[] forBench(String... keys) throws IOException {
        java.util.List<Option> options = new java.util.ArrayList<>(java.util.List.of(withProperties("bench", keys)));
        for (String flag : distributionMemory()) {
            String heap = System.getProperty("bench.xmx");
            options.add(org.ops4j.pax.exam.CoreOptions.vmOption(flag.startsWith("-Xmx") && heap != null ? "-Xmx" + heap : flag));
        }
        return options.toArray(new Option[0]);
    }

    /** The flags of {@code : "${CEPORTAL_JAVA_MEMORY:=...}"} in the distribution's {@code bin/setenv}. */
    static java.util.List<String> distributionMemory() throws IOException {
        java.nio.file.Path setenv = java.nio.file.Path.of(System.getProperty("basedir", "."))
                .resolve("../karaf-distribution/src/main/resources/bin/setenv");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$\\{CEPORTAL_JAVA_MEMORY:=([^}]*)}")
                .matcher(java.nio.file.Files.readString(setenv));
        if (!m.find()) {
            throw new IllegalStateException(setenv + " has no default CEPORTAL_JAVA_MEMORY");
        }
        return java.util.List.of(m.group(1).strip().split("\\s+"));
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
