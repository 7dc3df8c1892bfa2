package org.ceportal.learningform.api;

/**
 * The kind of input a {@link Field} takes. Each type fixes the JSON shape of its value
 * (see the package documentation) and which constraints of a field apply to it.
 */
public enum FieldType {
    /** One line of text; a JSON string. Constraints: maxLength, pattern. */
    TEXT,
    /** Several lines of text; a JSON string. Constraint: maxLength. */
    LONG_TEXT,
    /** A decimal number with at most two decimal places; a JSON number or numeric string. Constraints: min, max. */
    NUMBER,
    /** A calendar date; a string {@code yyyy-MM-dd}. */
    DATE,
    /** Two calendar dates; an object {@code {"from": "yyyy-MM-dd", "to": "yyyy-MM-dd"}} with to not before from. */
    DATE_RANGE,
    /** A four-digit year; a JSON integer or numeric string. Constraints: min, max. */
    YEAR,
    /** One of the field's options; the option's value as a JSON string. */
    CHOICE,
    /** Uploaded files; a JSON array of attachment ids. Constraints: min, max (number of files). */
    ATTACHMENT
}
