package org.ceportal.declarations.api;

/**
 * A state code and its zh-CN label, for pages that name states before they have a
 * declaration in that state (filter tabs, empty lists).
 *
 * @param state the code, e.g. {@code pending}
 * @param name  the label, e.g. 待审核
 */
public record StateName(String state, String name) {
}
