package org.ceportal.platform.security;

import java.util.Objects;

/**
 * An authenticated caller.
 *
 * @param accountId the account's id
 * @param name      the display name
 * @param role      the role the caller logged in with
 * @param unitId    the caller's unit, or {@code null} for provincial ops and base admins
 * @param baseId    a base admin's 继续教育基地, else {@code null} (since 1.5)
 */
public record Caller(long accountId, String name, Role role, Long unitId, Long baseId) {
    public Caller {
        Objects.requireNonNull(role, "role");
    }

    /** A caller of no base. */
    public Caller(long accountId, String name, Role role, Long unitId) {
        this(accountId, name, role, unitId, null);
    }
}
