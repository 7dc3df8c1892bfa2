package org.ceportal.accounts.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Sessions this node read from the database in the last {@code seconds}, for reads
 * (GET, HEAD): a page that reads five answers looks its session up once, not five
 * times. State-changing requests read the database, unless this node is the only one
 * (embedded Derby), where every change of a session is forgotten here as it commits.
 *
 * <p>A session ended or changed on this node (logout, password change or reset) is
 * forgotten once that commits; a read that began before such a change keeps nothing
 * (a generation counter, as in the platform's shared answers). A session ended through
 * another node still reads here for at most {@code seconds}: the stated bound.
 */
final class RecentSessions {
    /** Most sessions kept; beyond that Caffeine drops the least used. */
    private static final int MAX_SESSIONS = 20_000;

    /** A session as read, and the last_seen_at it had then. */
    record Kept(Sessions.Current current, Instant lastSeen) {
    }

    private final Cache<String, Kept> kept;
    private final AtomicLong generation = new AtomicLong();
    private final boolean soleNode;

    /** @param seconds how long a session read is used again, by {@code clock}; 0 keeps none */
    RecentSessions(int seconds, Clock clock) {
        this(seconds, clock, false);
    }

    /**
     * @param seconds  how long a session read is used again, by {@code clock}; 0 keeps none
     * @param soleNode true when no other node can change sessions (embedded Derby: one JVM owns the database), so
     *                 every change of a session passes through this node's {@code forget} and a kept session may
     *                 serve state-changing requests too
     */
    RecentSessions(int seconds, Clock clock, boolean soleNode) {
        this.soleNode = soleNode;
        this.kept = seconds <= 0 ? null
                : Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(seconds)).maximumSize(MAX_SESSIONS)
                        .ticker(() -> clock.millis() * 1_000_000L).build();
    }

    /** Whether a kept session serves state-changing requests as well as reads. */
    boolean servesWrites() {
        return soleNode;
    }

    /** The generation now: read it before reading a session from the database. */
    long generation() {
        return generation.get();
    }

    /** The session of a token hash read lately, or null. */
    Kept get(String tokenHash) {
        return kept == null ? null : kept.getIfPresent(tokenHash);
    }

    /** Keeps a session read from the database, unless something was forgotten since {@code readIn} began. */
    void keep(String tokenHash, Sessions.Current current, Instant lastSeen, long readIn) {
        if (kept != null && generation.get() == readIn) {
            kept.put(tokenHash, new Kept(current, lastSeen));
            if (generation.get() != readIn) {
                kept.invalidate(tokenHash); // forgotten meanwhile
            }
        }
    }

    /**
     * Drops a session the database no longer has (ended through another node, or expired). No
     * new generation: an unknown cookie must not stop this node from keeping the others.
     */
    void drop(String tokenHash) {
        if (kept != null) {
            kept.invalidate(tokenHash);
        }
    }

    /** Forgets one session (its logout). */
    void forget(String tokenHash) {
        generation.incrementAndGet();
        if (kept != null) {
            kept.invalidate(tokenHash);
        }
    }

    /** Forgets every session of an account (a password changed or reset). */
    void forgetAccount(long accountId) {
        generation.incrementAndGet();
        if (kept != null) {
            kept.asMap().values().removeIf(k -> k.current().caller().accountId() == accountId);
        }
    }
}
