package org.ceportal.platform.internal;

import java.time.Clock;
import java.time.Duration;

import org.ceportal.platform.persistence.Database;
import org.ceportal.platform.persistence.Store;
import org.ceportal.platform.security.Throttle;
import org.ceportal.platform.security.Throttles;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Throttles}: each limit counts in this node's memory first (a flood is refused there,
 * without the database) and, on PostgreSQL, then in {@code throttle_count}, one row per scope,
 * client and fixed window, made or counted up by one statement. A client can thus get at most
 * the limit per window from all nodes together, give or take the attempts at a window's edge
 * (a fixed window, where the node's own limit slides). When the database cannot count, the
 * node's own limit still holds.
 */
@Component(service = Throttles.class, immediate = true)
public final class ThrottlesComponent implements Throttles {
    private static final Logger LOG = LoggerFactory.getLogger(ThrottlesComponent.class);

    private final Store store;
    private final boolean shared;
    private final Clock clock;

    @Activate
    public ThrottlesComponent(BundleContext context, @Reference Database database) {
        this(database.open(context.getBundle(), "throttle", ThrottleMapper.class), !"derby".equals(database.databaseId()),
                Clock.systemUTC());
    }

    ThrottlesComponent(Store store, boolean shared, Clock clock) {
        this.store = store;
        this.shared = shared;
        this.clock = clock;
    }

    @Override
    public Limit limit(String scope, int limit, Duration window) {
        Throttle local = new Throttle(limit, window, clock);
        return shared ? new SharedLimit(scope, limit, window.toMillis(), local) : local::acquire;
    }

    private final class SharedLimit implements Limit {
        private final String scope;
        private final int limit;
        private final long windowMillis;
        private final Throttle local;
        private volatile long forgotten;

        SharedLimit(String scope, int limit, long windowMillis, Throttle local) {
            this.scope = scope;
            this.limit = limit;
            this.windowMillis = windowMillis;
            this.local = local;
        }

        @Override
        public long acquire(String key, Runnable onFirstRefusal) {
            long wait = local.acquire(key, onFirstRefusal);
            if (wait > 0) {
                return wait;
            }
            long now = clock.millis();
            long slot = now / windowMillis;
            String client = key == null ? "" : key.length() > 64 ? key.substring(0, 64) : key;
            int attempts;
            try {
                attempts = store.inTransaction(s -> {
                    ThrottleMapper m = s.getMapper(ThrottleMapper.class);
                    if (forgotten < slot - 1) { // the first attempt this node counts in a new window
                        forgotten = slot - 1;
                        m.forgetBefore(scope, slot - 1);
                    }
                    return m.count(scope, client, slot);
                });
            } catch (RuntimeException e) {
                LOG.warn("The shared {} limit could not count an attempt, this node's own limit holds: {}", scope, e.toString());
                return 0;
            }
            if (attempts <= limit) {
                return 0;
            }
            if (attempts == limit + 1) {
                onFirstRefusal.run(); // once per window and client, whichever node refuses first
            }
            return Math.max(1, ((slot + 1) * windowMillis - now + 999) / 1000);
        }
    }
}
