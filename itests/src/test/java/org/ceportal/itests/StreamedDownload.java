package org.ceportal.itests;

/** A large download timed, with the server's heap sampled while it runs (for the benchmarks, which run in the server's JVM). */
final class StreamedDownload {
    private StreamedDownload() {
    }

    /**
     * Downloads {@code path} (reading the body as it comes, never holding it) while sampling the
     * heap used by this JVM (the server's: the bench runs inside the container) every 20 ms.
     *
     * @return millis, bytes, heap used after a GC before it started, peak heap used while it ran
     */
    static long[] measure(Http client, String path) throws Exception {
        java.lang.management.MemoryMXBean memory = java.lang.management.ManagementFactory.getMemoryMXBean();
        System.gc();
        Thread.sleep(500);
        long baseline = memory.getHeapMemoryUsage().getUsed();
        long[] peak = {baseline};
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                peak[0] = Math.max(peak[0], memory.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        long t0 = System.nanoTime();
        long bytes = client.drain(path);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        running.set(false);
        sampler.join();
        return new long[] {millis, bytes, baseline, peak[0]};
    }
}
