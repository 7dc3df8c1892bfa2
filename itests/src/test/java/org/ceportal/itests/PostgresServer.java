package org.ceportal.itests;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private PostgreSQL cluster for one test run, from the server binaries of Debian's
 * {@code postgresql} package ({@code .ci/run} installs it): {@code initdb} into a folder
 * under {@code target/}, started on a free loopback port, stopped when the JVM ends.
 * PostgreSQL refuses to run as root, so under root every server command runs as the
 * package's {@code postgres} user ({@code runuser}), which is given the folder. A suite that
 * used it stops it when it ends ({@link #stopShared}, from {@code @AfterClass}): a shutdown hook
 * alone was not enough, failsafe halts a fork whose exit takes more than 5 s (Karaf stopping),
 * and the server outlived the build. Durability is traded for speed ({@code fsync=off}): the cluster lives as long as a test.
 */
final class PostgresServer {
    static final String USER = "ceportal";
    static final String DATABASE = "ceportal";

    private static PostgresServer running;

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asRoot;
    private final java.util.Set<String> created = new java.util.HashSet<>();

    private PostgresServer(Path bin, Path dir, int port) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asRoot = "root".equals(System.getProperty("user.name"));
    }

    /** The cluster of this JVM, started on first use. */
    static synchronized PostgresServer shared() throws IOException {
        if (running == null) {
            Path target = Path.of(System.getProperty("ceportal.itest.dir", "target"));
            // one folder per suite (run one after another, each in its own JVM)
            PostgresServer server = new PostgresServer(binaries(),
                    target.resolve("postgresql-" + PortalOptions.database()).toAbsolutePath(), PortalOptions.freePort());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(PostgresServer::stopShared, "postgresql-stop"));
            running = server;
        }
        return running;
    }

    /** Stops this JVM's cluster, if it started one. */
    static synchronized void stopShared() {
        if (running != null) {
            running.stop();
            running = null;
        }
    }

    String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** A new empty database of the cluster (made once per name); its JDBC URL. */
    synchronized String createDatabase(String name) throws IOException {
        if (!created.add(name)) {
            return jdbcUrl(name);
        }
        run(List.of(bin.resolve("createdb").toString(), "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", USER, name),
                true);
        return jdbcUrl(name);
    }

    /** The newest {@code /usr/lib/postgresql/<major>/bin}, or {@code ceportal.postgresql.bin}. */
    static Path binaries() throws IOException {
        String configured = System.getProperty("ceportal.postgresql.bin");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (Stream<Path> majors = Files.list(root)) {
                Path newest = majors.filter(p -> Files.isExecutable(p.resolve("bin/initdb")))
                        .max(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString().replaceAll("\\D", "0"))))
                        .orElse(null);
                if (newest != null) {
                    return newest.resolve("bin");
                }
            }
        }
        throw new IllegalStateException("no PostgreSQL server binaries under /usr/lib/postgresql: install Debian's "
                + "postgresql package (.ci/run does) or set -Dceportal.postgresql.bin");
    }

    private void start() throws IOException {
        if (Files.exists(dir.resolve("data/postmaster.pid"))) { // a run that was killed before it stopped its server
            try {
                run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate",
                        "-w", "stop"), true);
            } catch (IOException stale) {
                // not running any more
            }
        }
        if (Files.exists(dir)) {
            run(List.of("rm", "-rf", dir.toString()), false);
        }
        Files.createDirectories(dir);
        Path data = dir.resolve("data");
        if (asRoot) {
            run(List.of("chown", "postgres", dir.toString()), false);
        }
        run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "--auth=trust",
                "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"), true);
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("server.log").toString(),
                "-w", "-t", "60", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1"
                        + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
                "start"), true);
        createDatabase(DATABASE);
    }

    private void stop() {
        try {
            // immediate: the data is thrown away, and failsafe gives the JVM 5 s to end
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "-w",
                    "stop"), true);
        } catch (IOException | RuntimeException e) {
            System.err.println("PostgreSQL in " + dir + " did not stop: " + e.getMessage());
        }
    }

    private void run(List<String> command, boolean asServerUser) throws IOException {
        List<String> full = new ArrayList<>();
        if (asServerUser && asRoot) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        File log = dir.resolve("commands.log").toFile();
        Process p = new ProcessBuilder(full).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.getParentFile().isDirectory() ? log : new File("/dev/null")))
                .start();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", full) + " did not finish in 120 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (p.exitValue() != 0) {
            String output = log.isFile() ? Files.readString(log.toPath(), StandardCharsets.UTF_8) : "";
            throw new IOException(String.join(" ", full) + " failed (" + p.exitValue() + "):\n"
                    + output.substring(Math.max(0, output.length() - 2000)));
        }
    }
}
