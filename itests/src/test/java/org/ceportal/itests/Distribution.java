package org.ceportal.itests;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The assembled distribution, unpacked and started with its own {@code bin/karaf},
 * exactly as an operator runs it.
 */
public final class Distribution implements AutoCloseable {
    private final Path home;
    private final int port;
    private Process process;

    private Distribution(Path home, int port) {
        this.home = home;
        this.port = port;
    }

    /** Unpacks the tar.gz into a fresh folder under target/ and moves it to a free port. */
    public static Distribution unpack(String name) throws IOException, InterruptedException {
        File tarball = new File(System.getProperty("ceportal.distribution"));
        Path dir = Path.of(System.getProperty("ceportal.itest.dir", "target"), name);
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
        Files.createDirectories(dir);
        Process tar = new ProcessBuilder("tar", "xzf", tarball.getAbsolutePath(), "-C", dir.toString())
                .inheritIO().start();
        if (tar.waitFor() != 0) {
            throw new IOException("tar failed on " + tarball);
        }
        Path home;
        try (Stream<Path> list = Files.list(dir)) {
            home = list.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Distribution d = new Distribution(home, port);
        d.replaceLine("etc/custom.properties", "org.osgi.service.http.port=", "org.osgi.service.http.port=" + port);
        d.replaceLine("etc/org.apache.felix.http.cfg", "org.osgi.service.http.port", "org.osgi.service.http.port = " + port);
        return d;
    }

    /** Replaces the line that starts with {@code prefix} in a file of the distribution. */
    public void replaceLine(String file, String prefix, String line) throws IOException {
        Path p = home.resolve(file);
        StringBuilder out = new StringBuilder();
        boolean found = false;
        for (String l : Files.readAllLines(p, StandardCharsets.ISO_8859_1)) {
            if (l.startsWith(prefix)) {
                out.append(line).append('\n');
                found = true;
            } else {
                out.append(l).append('\n');
            }
        }
        if (!found) {
            out.append(line).append('\n');
        }
        Files.writeString(p, out, StandardCharsets.ISO_8859_1);
    }

    public int port() {
        return port;
    }

    public Path home() {
        return home;
    }

    /**
     * Starts {@code bin/karaf} with its local console reading from a pipe (as an
     * operator at a terminal), and waits until {@code /api/health} answers 200.
     */
    public Duration start() throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        process = new ProcessBuilder(home.resolve("bin/karaf").toString())
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()))
                .start();
        new Http(port).awaitOk("/api/health", Duration.ofSeconds(120));
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    /**
     * Types a command into the Karaf console, then the given lines (e.g. a password
     * asked twice), and waits until the console has printed {@code expect}.
     */
    public String console(String command, String input, String expect) throws IOException, InterruptedException {
        Path log = home.resolve("console.log");
        long before = Files.size(log);
        java.io.OutputStream in = process.getOutputStream();
        in.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
        Thread.sleep(1000);
        for (String line : input.split("\n")) {
            in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
            Thread.sleep(500);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String out = "";
        while (System.nanoTime() < deadline) {
            byte[] all = Files.readAllBytes(log);
            out = new String(all, (int) Math.min(before, all.length), (int) (all.length - Math.min(before, all.length)),
                    StandardCharsets.UTF_8);
            if (out.contains(expect)) {
                return out;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the console did not print " + expect + ": " + out);
    }

    /** Stops Karaf the way an operator does and waits for the process to end. */
    public void stop() throws IOException, InterruptedException {
        if (process == null) {
            return;
        }
        new ProcessBuilder(home.resolve("bin/stop").toString()).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(home.resolve("stop.log").toFile()).start()
                .waitFor(30, TimeUnit.SECONDS);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        process = null;
    }

    /** Stops Karaf and makes sure no process of it outlives the test (bin/karaf forks java). */
    @Override
    public void close() throws Exception {
        if (process == null) {
            return;
        }
        Process p = process;
        java.util.List<ProcessHandle> all = new java.util.ArrayList<>(p.descendants().toList());
        try {
            stop();
        } finally {
            all.add(p.toHandle());
            for (ProcessHandle h : all) {
                h.destroy();
            }
            for (ProcessHandle h : all) {
                try {
                    h.onExit().get(20, TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    h.destroyForcibly();
                }
            }
        }
    }
}
