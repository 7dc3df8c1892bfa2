package org.ceportal.learningform.api;

/**
 * One problem with the values of a form.
 *
 * @param field   the {@link Field#key() key} of the field the problem belongs to
 * @param message what is wrong, in zh-CN, fit to show next to the field,
 *                e.g. 「请填写主办单位」
 */
public record FieldError(String field, String message) {

    /** @throws IllegalArgumentException if field or message is blank */
    public FieldError {
        if (field == null || field.isBlank()) {
            throw new IllegalArgumentException("a field error needs the field key");
        }
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("a field error needs a message");
        }
    }
}
