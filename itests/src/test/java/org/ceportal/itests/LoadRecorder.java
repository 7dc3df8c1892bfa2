package org.ceportal.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The client side of a load run ({@link MixedBench}): the clients run at once on a pool, one thread
 * each, and each records its calls in its own recorder, without locks — the latencies of the 2xx
 * answers, the errors and the conflicts, by the call's enum constant, of the calls that started
 * inside the measured window; the recorders are merged afterwards. {@link Rss} samples the JVM's
 * resident set meanwhile.
 */
final class LoadRecorder {
    /** The kinds of error already printed (one benchmark runs in a JVM). */
    private static final Set<String> PRINTED = ConcurrentHashMap.newKeySet();

    private final long from;
    private final long to;
    private final long[][] nanos;
    private final int[] counts;
    private final long[] errors;
    private final long[] conflicts;

    /** A call's figures over all clients: 2xx answers, latency percentiles of those, the others. */
    record Stats(long count, double p50Ms, double p99Ms, long errors, long conflicts) {
    }

    /** A task per client, by its number. */
    @FunctionalInterface
    interface PerClient<T> {
        T run(int client) throws Exception;
    }

    /**
     * @param calls how many calls there are (the enum's constants)
     * @param from  {@link System#nanoTime()} of the window's start: calls that start earlier are not recorded
     * @param to    its end: calls that start then or later are not recorded
     */
    LoadRecorder(int calls, long from, long to) {
        this.from = from;
        this.to = to;
        this.nanos = new long[calls][64];
        this.counts = new int[calls];
        this.errors = new long[calls];
        this.conflicts = new long[calls];
    }

    /** Records every call, whenever it starts. */
    static LoadRecorder always(int calls) {
        return new LoadRecorder(calls, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** Sends the request and records it; a 409 is an error. The answer, or null when none came. */
    Http.Answer call(Enum<?> call, Callable<Http.Answer> request) throws InterruptedException {
        return call(call, false, request);
    }

    /**
     * Sends the request and records it: a 2xx answer with its latency; a 409 as a conflict when
     * {@code conflictsExpected} (another client changed the same item first); any other answer, or
     * none, as an error, the first of each kind printed with what the server said. The answer, or
     * null when none came.
     */
    Http.Answer call(Enum<?> call, boolean conflictsExpected, Callable<Http.Answer> request) throws InterruptedException {
        long t0 = System.nanoTime();
        try {
            Http.Answer a = request.call();
            if (a.status() / 100 == 2) {
                ok(call, t0, System.nanoTime() - t0);
            } else if (a.status() == 409 && conflictsExpected) {
                conflict(call, t0);
            } else {
                error(call, t0);
                printFirst(call + " " + a.status(), a.body());
            }
            return a;
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            error(call, t0);
            printFirst(call + " " + e.getClass().getSimpleName(), e.toString());
            return null;
        }
    }

    private static void printFirst(String kind, String detail) {
        if (PRINTED.add(kind)) {
            System.out.println("LOAD-BENCH first error " + kind + ": " + detail);
        }
    }

    /** A 2xx answer to a call that started at {@code start} and took {@code took} ns. */
    private void ok(Enum<?> call, long start, long took) {
        if (inWindow(start)) {
            int i = call.ordinal();
            if (counts[i] == nanos[i].length) {
                nanos[i] = Arrays.copyOf(nanos[i], counts[i] * 2);
            }
            nanos[i][counts[i]++] = took;
        }
    }

    /** Any other answer, or none (a connection error, a time-out). */
    void error(Enum<?> call, long start) {
        if (inWindow(start)) {
            errors[call.ordinal()]++;
        }
    }

    /** An expected 409: another client changed the same item first. */
    private void conflict(Enum<?> call, long start) {
        if (inWindow(start)) {
            conflicts[call.ordinal()]++;
        }
    }

    private boolean inWindow(long start) {
        return start >= from && start < to;
    }

    /** The call's figures over all these recorders (percentiles by nearest rank; 0 when no call succeeded). */
    static Stats stats(List<LoadRecorder> recorders, Enum<?> call) {
        int i = call.ordinal();
        int n = 0;
        long errors = 0;
        long conflicts = 0;
        for (LoadRecorder r : recorders) {
            n += r.counts[i];
            errors += r.errors[i];
            conflicts += r.conflicts[i];
        }
        long[] all = new long[n];
        int at = 0;
        for (LoadRecorder r : recorders) {
            System.arraycopy(r.nanos[i], 0, all, at, r.counts[i]);
            at += r.counts[i];
        }
        Arrays.sort(all);
        return new Stats(n, percentileMs(all, 50), percentileMs(all, 99), errors, conflicts);
    }

    /** Runs the task for every client at once on the pool (one thread each); their results in the clients' order. */
    static <T> List<T> perClient(ExecutorService pool, int clients, PerClient<T> task) throws Exception {
        List<Future<T>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            running.add(pool.submit(() -> task.run(client)));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> f : running) {
            results.add(f.get());
        }
        return results;
    }

    private static double percentileMs(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    /**
     * The largest resident set of this JVM ({@code VmRSS} of {@code /proc/self/status}) while it is
     * open, sampled every 200 ms on a daemon thread. Inside the container that is the portal's JVM,
     * with the benchmark's own clients in it.
     */
    static final class Rss implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread sampler;
        private volatile long maxKb = current();

        Rss() {
            sampler = new Thread(() -> {
                while (running.get()) {
                    maxKb = Math.max(maxKb, current());
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "rss-sampler");
            sampler.setDaemon(true);
            sampler.start();
        }

        /** The largest RSS seen so far, in MB; -1 when {@code /proc/self/status} cannot be read (not Linux). */
        double maxMb() {
            return maxKb < 0 ? -1 : maxKb / 1024.0;
        }

        /** This JVM's RSS now in kB, or -1. */
        private static long current() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException | NumberFormatException e) {
                return -1;
            }
            return -1;
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            sampler.interrupt();
            sampler.join();
            maxKb = Math.max(maxKb, current());
        }
    }
}
