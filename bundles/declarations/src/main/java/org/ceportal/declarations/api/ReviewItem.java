package org.ceportal.declarations.api;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A line of the reviewer's list.
 *
 * @param summary   the declaration's list fields (flat in JSON)
 * @param ownerId   whose it is
 * @param decidedAt when it was decided, or {@code null}
 * @param decidedBy who decided it, or {@code null}
 */
public record ReviewItem(@JsonUnwrapped DeclarationSummary summary, long ownerId, Instant decidedAt, Long decidedBy) {
}
