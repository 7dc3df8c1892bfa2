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
    private final Map<String, Window> attempts = new ConcurrentHashMap<>();

    /** The attempts of one key within the window, and whether its current refusal was reported. */
    private static final class Window {
        final Deque<Long> times = new ArrayDeque<>();
        boolean reported;
    }

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
        return acquire(key, () -> { });
    }

    /**
     * Records an attempt under {@code key}; when it is refused and it is the first
     * refusal of the key since its last allowed attempt, {@code onFirstRefusal} runs
     * (so that a flood of refusals is reported once, not once per request).
     *
     * @return zero when allowed, otherwise the seconds until the next attempt is allowed
     * @since 1.2
     */
    public long acquire(String key, Runnable onFirstRefusal) {
        long now = clock.millis();
        long horizon = now - window.toMillis();
        if (attempts.size() > MAX_TRACKED) {
            purge(horizon);
        }
        Window w = attempts.computeIfAbsent(key == null ? "" : key, a -> new Window());
        boolean report;
        long wait;
        synchronized (w) {
            while (!w.times.isEmpty() && w.times.peekFirst() <= horizon) {
                w.times.pollFirst();
            }
            if (w.times.size() < limit) {
                w.times.addLast(now);
                w.reported = false;
                return 0;
            }
            wait = Math.max(1, (w.times.peekFirst() - horizon + 999) / 1000);
            report = !w.reported;
            w.reported = true;
        }
        if (report) {
            onFirstRefusal.run();
        }
        return wait;
    }

    private void purge(long horizon) {
        for (Iterator<Map.Entry<String, Window>> it = attempts.entrySet().iterator(); it.hasNext();) {
            Window w = it.next().getValue();
            synchronized (w) {
                if (w.times.isEmpty() || w.times.peekLast() <= horizon) {
                    it.remove();
                }
            }
        }
    }
}
