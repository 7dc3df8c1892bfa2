package org.ceportal.itests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** For tests running inside Karaf: what the container logged, to explain a failure. */
final class KarafLog {
    private KarafLog() {
    }

    /** Prints every WARN/ERROR entry of this Karaf's log with the lines that follow it. */
    static void printProblems(String prefix) {
        Path log = Path.of(System.getProperty("karaf.data", "data"), "log", "karaf.log");
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i);
                if ((l.contains("| ERROR |") || l.contains("| WARN  |")) && !l.contains("WadlFeature") && !l.contains("| Providers ")) {
                    int end = Math.min(lines.size(), i + 15);
                    lines.subList(i, end).forEach(x -> System.out.println(prefix + x));
                    i = end - 1;
                }
            }
        } catch (IOException e) {
            System.out.println(prefix + "no log at " + log + ": " + e);
        }
    }

    /** Runs the check; on failure prints the log's problems first. */
    static void explaining(String prefix, ThrowingRunnable check) throws Exception {
        try {
            check.run();
        } catch (Exception | AssertionError e) {
            printProblems(prefix);
            throw e;
        }
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }
}
