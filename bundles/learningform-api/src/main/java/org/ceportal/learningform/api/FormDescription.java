package org.ceportal.learningform.api;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a learning form is: its identity, how its amounts count, and its fields.
 *
 * @param id         stable identifier, never reused for another form: a letter a-z,
 *                   then 1 to 39 of {@code a-z 0-9 -}, e.g. {@code training}
 * @param version    semantic version {@code major.minor.micro} of the form's fields and
 *                   rule, e.g. {@code 1.0.0}; raise it whenever they change
 * @param name       zh-CN name shown in the list of forms, e.g. 「培训/进修」 (at most 50 characters)
 * @param kind       what the amounts count (学时, 学分, 基地学时)
 * @param category   which part of the yearly requirement the amounts count towards
 * @param help       zh-CN explanation of the rule shown above the fields, or null
 * @param fields     the form's own fields in display order: at least one, distinct keys
 * @param maxPerItem the most one declaration can earn; {@link LearningForm#evaluate}
 *                   never proposes more; positive, at most two decimals
 * @param maxPerYear the most all declarations of this form can earn towards one year
 *                   (the portal enforces it across declarations), or null for no such
 *                   limit; positive, at most two decimals
 * @param yearField  the key of the field whose date decides the year the hours count in
 *                   (a DATE field: its year; a DATE_RANGE field: the year it ends; a YEAR
 *                   field: its value), or null when no field does; the portal refuses a
 *                   计入年度 that differs from it. Since 1.1.
 */
public record FormDescription(String id, String version, String name, DeclarationKind kind, SubjectCategory category,
        String help, List<Field> fields, BigDecimal maxPerItem, BigDecimal maxPerYear, String yearField) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1,39}");
    private static final Pattern VERSION = Pattern.compile("(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})");
    private static final int MAX_NAME_LENGTH = 50;

    /**
     * Validates the description.
     *
     * @throws IllegalArgumentException if any rule of this record is broken
     * @throws NullPointerException     if id, version, kind, category, fields or maxPerItem is null
     */
    public FormDescription {
        Objects.requireNonNull(id, "form id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("form id must match " + ID + ": " + id);
        }
        Objects.requireNonNull(version, "version of form " + id);
        if (!VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("version of form " + id + " must be major.minor.micro: " + version);
        }
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("form " + id + " needs a name of 1 to " + MAX_NAME_LENGTH + " characters");
        }
        Objects.requireNonNull(kind, "kind of form " + id);
        Objects.requireNonNull(category, "category of form " + id);
        if (help != null && help.isBlank()) {
            help = null;
        }
        fields = List.copyOf(Objects.requireNonNull(fields, "fields of form " + id));
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("form " + id + " needs at least one field");
        }
        Set<String> keys = new HashSet<>();
        for (Field f : fields) {
            if (!keys.add(f.key())) {
                throw new IllegalArgumentException("form " + id + " repeats field " + f.key());
            }
        }
        Objects.requireNonNull(maxPerItem, "maxPerItem of form " + id);
        requirePositiveAmount(id, "maxPerItem", maxPerItem);
        if (maxPerYear != null) {
            requirePositiveAmount(id, "maxPerYear", maxPerYear);
        }
        if (yearField != null) {
            String key = yearField;
            Field f = fields.stream().filter(x -> x.key().equals(key)).findFirst().orElseThrow(
                    () -> new IllegalArgumentException("yearField of form " + id + " names no field: " + key));
            if (f.type() != FieldType.DATE && f.type() != FieldType.DATE_RANGE && f.type() != FieldType.YEAR) {
                throw new IllegalArgumentException("yearField of form " + id + " must be a date, date range or year field: "
                        + key);
            }
        }
    }

    /** A description without a field that decides the year (as in 1.0). */
    public FormDescription(String id, String version, String name, DeclarationKind kind, SubjectCategory category,
            String help, List<Field> fields, BigDecimal maxPerItem, BigDecimal maxPerYear) {
        this(id, version, name, kind, category, help, fields, maxPerItem, maxPerYear, null);
    }

    /**
     * The same description with {@code key} as the field whose date decides the year.
     *
     * @since 1.1
     */
    public FormDescription withYearField(String key) {
        return new FormDescription(id, version, name, kind, category, help, fields, maxPerItem, maxPerYear, key);
    }

    private static void requirePositiveAmount(String id, String name, BigDecimal amount) {
        if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException(name + " of form " + id + " must be positive with at most two decimals: " + amount);
        }
    }

    /** @return the field with this key, if the form has one */
    public Optional<Field> field(String key) {
        for (Field f : fields) {
            if (f.key().equals(key)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
