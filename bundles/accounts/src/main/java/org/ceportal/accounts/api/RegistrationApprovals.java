package org.ceportal.accounts.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told of every approved registration, inside the approving transaction: what another bundle
 * kept for an ID number before its person registered (a base's attendance list) attaches to the
 * account in the same commit. An exception rolls the approval back, so an implementation fails
 * only when its database work fails, and records anything it cannot attach on its own side.
 *
 * @since 1.4
 */
@ConsumerType
public interface RegistrationApprovals {

    /**
     * A professional's registration was approved (not yet committed).
     *
     * @param person     the person as approved: account, name, ID number, unit
     * @param approverId the unit admin's account
     */
    void approved(Person person, long approverId);
}
