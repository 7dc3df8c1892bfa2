package org.ceportal.accounts.api;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The names of the 继续教育基地, which the bases bundle keeps: the accounts ask it whether a base
 * admin's base exists and what it is called. Absent (no bases bundle), no base exists.
 *
 * @since 1.3
 */
@ConsumerType
public interface BaseNames {

    /** The base's name, or empty when there is no such base. */
    Optional<String> nameOf(long baseId);
}
