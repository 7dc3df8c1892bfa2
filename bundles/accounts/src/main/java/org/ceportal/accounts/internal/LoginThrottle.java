package org.ceportal.accounts.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-address limit on login attempts: at most {@code limit} attempts in any sliding
 * {@code window}. Held in memory (one node's view); the account lock-out, which is
 * in the database, is what stops a distributed guesser.
 */
final class LoginThrottle {
    private static final int MAX_TRACKED = 50_000;

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Long>> attempts = new ConcurrentHashMap<>();

    LoginThrottle(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /**
     * Records an attempt from {@code address}.
     *
     * @return zero when allowed, otherwise the seconds until the next attempt is allowed
     */
    long acquire(String address) {
        long now = clock.millis();
        long horizon = now - window.toMillis();
        if (attempts.size() > MAX_TRACKED) {
            purge(horizon);
        }
        Deque<Long> times = attempts.computeIfAbsent(address == null ? "" : address, a -> new ArrayDeque<>());
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
