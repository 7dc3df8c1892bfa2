package org.ceportal.platform.audit;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Records audit events. Inside a transaction of any module's store (see
 * {@link org.ceportal.platform.persistence.Store#inTransaction}) the record joins it;
 * otherwise it is written at once. Texts are clipped to their columns; secrets never
 * belong in a record.
 */
@ProviderType
public interface AuditLog {

    /**
     * @param actorId the account that acted, or {@code null} (anonymous, console)
     * @param action  what was done, e.g. {@code declaration_delete} (at most 32 characters)
     * @param subject what it was done to, e.g. {@code declaration:42} (at most 64)
     * @param outcome e.g. {@code deleted}, {@code refused} (at most 32)
     * @param address the client address ({@link org.ceportal.platform.security.Access#clientAddress}), or {@code null}
     */
    void record(Long actorId, String action, String subject, String outcome, String address);
}
