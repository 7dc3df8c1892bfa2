package org.ceportal.learningform.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One choice of a {@link FieldType#CHOICE} field.
 *
 * @param value what is stored and sent: 1 to 40 characters of {@code A-Z a-z 0-9 _ -},
 *              starting with a letter or digit; stable across versions of the form
 * @param label the zh-CN text shown to the user, e.g. 「国家级」
 */
public record Option(String value, String label) {
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,39}");

    /**
     * @throws IllegalArgumentException if the value does not match the pattern above or
     *                                  the label is blank
     */
    public Option {
        Objects.requireNonNull(value, "option value");
        if (!VALUE.matcher(value).matches()) {
            throw new IllegalArgumentException("option value must match " + VALUE + ": " + value);
        }
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("option " + value + " needs a label");
        }
    }
}
