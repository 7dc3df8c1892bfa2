package org.ceportal.platform.security;

import java.util.Objects;

/**
 * An authenticated caller.
 *
 * @param accountId the account's id
 * @param name      the display name
 * @param role      the role the caller logged in with
 * @param unitId    the caller's unit, or {@code null} for provincial ops
 */
public record Caller(long accountId, String name, Role role, Long unitId) {
    public Caller {
        Objects.requireNonNull(role, "role");
    }
}
