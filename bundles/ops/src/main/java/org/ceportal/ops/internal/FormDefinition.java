package org.ceportal.ops.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A learning form defined without Java (学习形式管理 › 新建学习形式): what ops fill in on the page, what a factory
 * configuration {@code org.ceportal.ops.definedform} keeps (as JSON in {@code definition}), and what a bundle may ship
 * as a file (the extender). {@link FormDefinitions#check} says what is wrong with one, field by field.
 *
 * @param id         the form's id, e.g. {@code reading-club} (lower-case letters, digits and hyphens)
 * @param name       its name
 * @param kind       HOURS or CREDITS
 * @param category   GENERAL, PROFESSIONAL or CHOICE (the person chooses)
 * @param help       what the page says above the fields, or null
 * @param fields     the fields, in order
 * @param rule       how the fields' values make the hours
 * @param maxPerItem most one declaration can earn (required when the rule multiplies an amount)
 * @param maxPerYear most all declarations of the form can earn in a year, or null
 * @param yearField  the date, date-range or year field that decides the 计入年度, or null
 */
public record FormDefinition(String id, String name, String kind, String category, String help, List<FieldDefinition> fields,
                             Rule rule, BigDecimal maxPerItem, BigDecimal maxPerYear, String yearField) {

    /**
     * A field: the learning-form SPI's field types ({@code text}, {@code long_text}, {@code number}, {@code date},
     * {@code date_range}, {@code year}, {@code choice}, {@code attachment}: min and max are the number of files).
     */
    public record FieldDefinition(String key, String label, String type, Boolean required, BigDecimal min, BigDecimal max,
                                  Integer maxLength, List<OptionDefinition> options, String help) {
    }

    /** An option of a choice field. */
    public record OptionDefinition(String value, String label) {
    }

    /**
     * How the hours are made, one of a small safe set.
     *
     * @param type         {@code per_item}: {@code hours} for every declaration; {@code per_amount}: the number field
     *                     {@code field} times {@code hoursPerUnit} (a day, an hour, a minute … as the field's label says);
     *                     {@code table}: the hours of the chosen option of {@code rows} (and of {@code columns}) in
     *                     {@code table}
     * @param hours        per_item: the hours of one declaration
     * @param field        per_amount: the number field
     * @param hoursPerUnit per_amount: the hours of one unit of it
     * @param rows         table: the choice field of the rows (e.g. the level)
     * @param columns      table: the choice field of the columns (e.g. the rank), or null for a one-column table
     * @param table        table: hours by row option and column option ({@code "-"} as the column of a one-column table)
     */
    public record Rule(String type, BigDecimal hours, String field, BigDecimal hoursPerUnit, String rows, String columns,
                       Map<String, Map<String, BigDecimal>> table) {
    }
}
