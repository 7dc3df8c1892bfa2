package org.ceportal.platform.security;

import java.time.Duration;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Attempt limits that hold across nodes: every node of the portal counts a key's
 * attempts together (in the shared database), so a client that spreads its attempts over
 * several nodes behind a proxy gets no more than one node would give it. Each node
 * also keeps a {@link Throttle} of the same limit, which refuses a flood without asking
 * the database. On embedded Derby (one node) only that one counts.
 *
 * @since 1.6
 */
@ProviderType
public interface Throttles {

    /**
     * A limit of {@code limit} attempts per key in each window of {@code window}, counted
     * under {@code scope} (e.g. {@code login}); keys as {@link ClientAddresses#throttleKey} gives them.
     */
    Limit limit(String scope, int limit, Duration window);

    /** One limit. */
    interface Limit {
        /**
         * Records an attempt under {@code key}; when it is refused and it is the first refusal
         * of the key's run, {@code onFirstRefusal} runs (a flood is reported once).
         *
         * @return zero when allowed, otherwise the seconds until the next attempt may be allowed
         */
        long acquire(String key, Runnable onFirstRefusal);
    }
}
