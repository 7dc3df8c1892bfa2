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
        try (HeapSampler heap = new HeapSampler()) {
            long t0 = System.nanoTime();
            long bytes = client.drain(path);
            long millis = (System.nanoTime() - t0) / 1_000_000;
            heap.close();
            return new long[] {millis, bytes, heap.baseline(), heap.peak()};
        }
    }
}
