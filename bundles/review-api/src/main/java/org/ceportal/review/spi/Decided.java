package org.ceportal.review.spi;

/**
 * An item after a decision.
 *
 * @param id        the item
 * @param state     its state code now, e.g. {@code approved}
 * @param stateName the zh-CN label of that state
 */
public record Decided(long id, String state, String stateName) {
}
