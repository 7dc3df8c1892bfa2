package org.ceportal.learningform.api;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One input of a learning form. The portal renders it from this record, and
 * {@link FieldValues} checks a value against it.
 *
 * <p>Build fields with the static factories, which name the type, and the fluent
 * {@link Builder}:
 *
 * <pre>
 * Field.text("organiser", "主办单位").required().maxLength(100).help("证书上的主办单位全称").build()
 * Field.number("days", "天数").required().min(1).max(365).build()
 * Field.choice("level", "级别", new Option("national", "国家级"), new Option("provincial", "省级")).required().build()
 * </pre>
 *
 * <p>Which constraints apply to which type:
 * <table>
 * <caption>constraints by type</caption>
 * <tr><th>constraint</th><th>types</th><th>when null</th></tr>
 * <tr><td>min, max</td><td>NUMBER (value), YEAR (value, whole), ATTACHMENT (number of files, whole)</td><td>no bound</td></tr>
 * <tr><td>maxLength (Unicode code points)</td><td>TEXT, LONG_TEXT</td><td>{@value #DEFAULT_TEXT_LENGTH} for TEXT, {@value #DEFAULT_LONG_TEXT_LENGTH} for LONG_TEXT</td></tr>
 * <tr><td>pattern (Java regex, must match the whole stripped value)</td><td>TEXT</td><td>any text</td></tr>
 * <tr><td>options (at least one, distinct values)</td><td>CHOICE</td><td>-</td></tr>
 * </table>
 * A constraint given for a type it does not apply to is rejected.
 *
 * @param key       identifies the value in the values map: a letter a-z, then up to
 *                  39 letters or digits (camelCase), e.g. {@code certificateNo}
 * @param label     zh-CN label shown next to the input and used in error messages,
 *                  e.g. 「主办单位」 (at most 50 characters)
 * @param type      the kind of input
 * @param required  whether a value must be given
 * @param min       lower bound, inclusive, or null
 * @param max       upper bound, inclusive, or null
 * @param maxLength longest text in code points; filled with the type's default when null
 * @param pattern   regular expression the whole text must match, or null
 * @param help      zh-CN hint shown under the input, or null
 * @param options   the choices of a CHOICE field, empty for other types (never null)
 */
public record Field(String key, String label, FieldType type, boolean required, BigDecimal min, BigDecimal max,
        Integer maxLength, String pattern, String help, List<Option> options) {

    /** Longest text of a TEXT field that does not give its own maxLength. */
    public static final int DEFAULT_TEXT_LENGTH = 200;
    /** Longest text of a LONG_TEXT field that does not give its own maxLength. */
    public static final int DEFAULT_LONG_TEXT_LENGTH = 2000;
    /** The largest maxLength a field may declare. */
    public static final int MAX_TEXT_LENGTH = 10000;

    private static final Pattern KEY = Pattern.compile("[a-z][a-zA-Z0-9]{0,39}");
    private static final int MAX_LABEL_LENGTH = 50;

    /**
     * Validates the field and fills defaults.
     *
     * @throws IllegalArgumentException if any rule of this record is broken (the message
     *                                  names the field)
     * @throws NullPointerException     if key or type is null
     */
    public Field {
        Objects.requireNonNull(key, "field key");
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("field key must match " + KEY + ": " + key);
        }
        if (label == null || label.isBlank() || label.length() > MAX_LABEL_LENGTH) {
            throw new IllegalArgumentException("field " + key + " needs a label of 1 to " + MAX_LABEL_LENGTH + " characters");
        }
        Objects.requireNonNull(type, "type of field " + key);

        options = options == null ? List.of() : List.copyOf(options);
        if (type == FieldType.CHOICE) {
            if (options.isEmpty()) {
                throw new IllegalArgumentException("choice field " + key + " needs options");
            }
            Set<String> values = new HashSet<>();
            for (Option o : options) {
                if (!values.add(o.value())) {
                    throw new IllegalArgumentException("choice field " + key + " repeats option " + o.value());
                }
            }
        } else if (!options.isEmpty()) {
            throw new IllegalArgumentException("only a choice field has options: " + key);
        }

        boolean bounded = type == FieldType.NUMBER || type == FieldType.YEAR || type == FieldType.ATTACHMENT;
        if (!bounded && (min != null || max != null)) {
            throw new IllegalArgumentException("min and max apply to number, year and attachment fields only: " + key);
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw new IllegalArgumentException("field " + key + " has min " + min + " above max " + max);
        }
        if (type == FieldType.NUMBER) {
            requireTwoDecimals(key, min);
            requireTwoDecimals(key, max);
        } else {
            requireWhole(key, min);
            requireWhole(key, max);
        }
        if (type == FieldType.ATTACHMENT && min != null && min.signum() < 0) {
            throw new IllegalArgumentException("attachment field " + key + " cannot require a negative number of files");
        }

        if (type == FieldType.TEXT || type == FieldType.LONG_TEXT) {
            if (maxLength == null) {
                maxLength = type == FieldType.TEXT ? DEFAULT_TEXT_LENGTH : DEFAULT_LONG_TEXT_LENGTH;
            }
            if (maxLength < 1 || maxLength > MAX_TEXT_LENGTH) {
                throw new IllegalArgumentException("field " + key + " has maxLength outside 1.." + MAX_TEXT_LENGTH);
            }
        } else if (maxLength != null) {
            throw new IllegalArgumentException("maxLength applies to text fields only: " + key);
        }

        if (pattern != null) {
            if (type != FieldType.TEXT) {
                throw new IllegalArgumentException("pattern applies to single-line text fields only: " + key);
            }
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("field " + key + " has an invalid pattern: " + e.getDescription(), e);
            }
        }
        if (help != null && help.isBlank()) {
            help = null;
        }
    }

    private static void requireWhole(String key, BigDecimal bound) {
        if (bound != null && bound.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("bounds of field " + key + " must be whole numbers: " + bound);
        }
    }

    private static void requireTwoDecimals(String key, BigDecimal bound) {
        if (bound != null && bound.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("bounds of field " + key + " have more than two decimals: " + bound);
        }
    }

    /** @return a builder of a single-line text field */
    public static Builder text(String key, String label) {
        return new Builder(key, label, FieldType.TEXT, List.of());
    }

    /** @return a builder of a multi-line text field */
    public static Builder longText(String key, String label) {
        return new Builder(key, label, FieldType.LONG_TEXT, List.of());
    }

    /** @return a builder of a decimal number field */
    public static Builder number(String key, String label) {
        return new Builder(key, label, FieldType.NUMBER, List.of());
    }

    /** @return a builder of a date field */
    public static Builder date(String key, String label) {
        return new Builder(key, label, FieldType.DATE, List.of());
    }

    /** @return a builder of a from-to date field */
    public static Builder dateRange(String key, String label) {
        return new Builder(key, label, FieldType.DATE_RANGE, List.of());
    }

    /** @return a builder of a year field */
    public static Builder year(String key, String label) {
        return new Builder(key, label, FieldType.YEAR, List.of());
    }

    /** @return a builder of a single-choice field with the given options, in display order */
    public static Builder choice(String key, String label, Option... options) {
        return new Builder(key, label, FieldType.CHOICE, List.of(options));
    }

    /** @return a builder of a single-choice field with the given options, in display order */
    public static Builder choice(String key, String label, List<Option> options) {
        return new Builder(key, label, FieldType.CHOICE, List.copyOf(options));
    }

    /** @return a builder of a file field (the portal stores files; the form sees their ids) */
    public static Builder attachment(String key, String label) {
        return new Builder(key, label, FieldType.ATTACHMENT, List.of());
    }

    /**
     * Collects the optional parts of a field; {@link #build()} validates the whole. Not
     * thread-safe; meant to be used in one expression.
     */
    public static final class Builder {
        private final String key;
        private final String label;
        private final FieldType type;
        private final List<Option> options;
        private boolean required;
        private BigDecimal min;
        private BigDecimal max;
        private Integer maxLength;
        private String pattern;
        private String help;

        private Builder(String key, String label, FieldType type, List<Option> options) {
            this.key = key;
            this.label = label;
            this.type = type;
            this.options = options;
        }

        /** The user must give a value. */
        public Builder required() {
            this.required = true;
            return this;
        }

        /** Inclusive lower bound (value, or number of files). */
        public Builder min(long min) {
            return min(BigDecimal.valueOf(min));
        }

        /** Inclusive lower bound (value, or number of files). */
        public Builder min(BigDecimal min) {
            this.min = Objects.requireNonNull(min, "min");
            return this;
        }

        /** Inclusive upper bound (value, or number of files). */
        public Builder max(long max) {
            return max(BigDecimal.valueOf(max));
        }

        /** Inclusive upper bound (value, or number of files). */
        public Builder max(BigDecimal max) {
            this.max = Objects.requireNonNull(max, "max");
            return this;
        }

        /** Longest text, in Unicode code points. */
        public Builder maxLength(int maxLength) {
            this.maxLength = maxLength;
            return this;
        }

        /** A Java regular expression the whole (stripped) text must match; explain the format in {@link #help}. */
        public Builder pattern(String regex) {
            this.pattern = Objects.requireNonNull(regex, "pattern");
            return this;
        }

        /** zh-CN hint shown under the input. */
        public Builder help(String help) {
            this.help = help;
            return this;
        }

        /**
         * @return the field
         * @throws IllegalArgumentException if the parts do not make a valid field
         */
        public Field build() {
            return new Field(key, label, type, required, min, max, maxLength, pattern, help, options);
        }
    }
}
