package org.ceportal.platform.api;

/**
 * One invalid input field: the field name as the client sent it and a zh-CN message.
 *
 * @param field   the field (JSON property or query parameter) that is wrong
 * @param message what is wrong, in Simplified Chinese, fit to show next to the field
 */
public record FieldError(String field, String message) {
}
