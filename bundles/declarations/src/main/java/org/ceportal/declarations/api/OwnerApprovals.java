package org.ceportal.declarations.api;

import java.util.List;

/**
 * One person's approved declarations counted in a year, in the order they were decided.
 *
 * @param ownerId      the person
 * @param declarations their approved declarations of the year
 * @since 1.3
 */
public record OwnerApprovals(long ownerId, List<CountedDeclaration> declarations) {
}
