package org.ceportal.platform.health;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/** One part of the portal's readiness, e.g. the database. */
@ConsumerType
public interface HealthCheck {

    /** A short stable name, e.g. {@code database}. */
    String name();

    /** Checks now; must not throw and should answer within a few seconds. */
    Result check();

    /**
     * @param up     whether this part is ready
     * @param detail facts for operators (no secrets)
     */
    record Result(boolean up, Map<String, Object> detail) {
        public Result {
            detail = detail == null ? Map.of() : detail;
        }
    }
}
