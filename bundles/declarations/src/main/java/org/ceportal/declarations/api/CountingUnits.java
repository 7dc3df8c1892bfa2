package org.ceportal.declarations.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * What a person's hours count in for a year: 学时 ({@code HOURS}) or 学分 ({@code CREDITS}),
 * as the yearly requirement of their title series says. The declarations bundle asks it
 * when a declaration is saved, and converts a form's amounts when the form counts the other
 * unit (学分申报); the reporting bundle provides it. Without one, everything counts 学时.
 *
 * @since 1.2
 */
@ConsumerType
public interface CountingUnits {

    /** @return {@code HOURS} or {@code CREDITS} */
    String unitOf(long accountId, int year);
}
