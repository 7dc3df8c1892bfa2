package org.ceportal.itests;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The heap this JVM uses while something runs — the server's, as the benchmarks run inside the
 * container: a baseline after a GC, then a sample every 20 ms until {@link #close()}.
 */
final class HeapSampler implements AutoCloseable {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final long baseline;
    private final Thread sampler;
    private volatile long peak;

    HeapSampler() throws InterruptedException {
        System.gc();
        Thread.sleep(500);
        baseline = memory.getHeapMemoryUsage().getUsed();
        peak = baseline;
        sampler = new Thread(() -> {
            while (running.get()) {
                peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
    }

    long baseline() {
        return baseline;
    }

    /** The highest heap used so far. */
    long peak() {
        return peak;
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        sampler.join();
    }
}
