package org.ceportal.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} attempts per key in any sliding {@code window}, held in this
 * node's memory. Keys are client addresses as {@link ClientAddresses#throttleKey}
 * gives them, so that an IPv6 client counts once per /64. The number of keys tracked
 * is bounded; under a flood of new keys the oldest idle ones are forgotten first.
 *
 * @since 1.2
 */
public final class Throttle {
    private static final int MAX_TRACKED = 50_000;

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Long>> attempts = new ConcurrentHashMap<>();

    public Throttle(int limit, Duration window, Clock clock) {
        if (limit < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("bad throttle");
        }
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /**
     * Records an attempt under {@code key}.
     *
     * @return zero when allowed, otherwise the seconds until the next attempt is allowed
     */
    public long acquire(String key) {
        long now = clock.millis();
        long horizon = now - window.toMillis();
        if (attempts.size() > MAX_TRACKED) {
            purge(horizon);
        }
        Deque<Long> times = attempts.computeIfAbsent(key == null ? "" : key, a -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() <= horizon) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                return Math.max(1, (times.peekFirst() - horizon + 999) / 1000);
            }
            times.addLast(now);
            return 0;
        }
    }

    private void purge(long horizon) {
        for (Iterator<Map.Entry<String, Deque<Long>>> it = attempts.entrySet().iterator(); it.hasNext();) {
            Deque<Long> times = it.next().getValue();
            synchronized (times) {
                if (times.isEmpty() || times.peekLast() <= horizon) {
                    it.remove();
                }
            }
        }
    }
}
