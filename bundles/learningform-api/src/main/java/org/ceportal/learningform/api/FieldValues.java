package org.ceportal.learningform.api;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The values of one evaluation, checked against a {@link FormDescription}, with typed
 * getters. {@link #check} applies every generic constraint of the description:
 * required values, JSON types, number and year bounds, two decimals at most, text
 * length, pattern, control characters, option membership, date format, the order of
 * a date range, and the number of attachments. Each problem becomes a zh-CN
 * {@link FieldError} on the field's key, e.g. 「请填写主办单位」, 「天数不能大于 365」,
 * 「培训日期的开始日期格式应为 年-月-日」, 「结束日期不能早于开始日期」. Keys the description
 * does not know are ignored.
 *
 * <p>A form then codes only its own rule:
 *
 * <pre>
 * FieldValues v = FieldValues.check(description, values);
 * BigDecimal days = v.decimal("days");
 * if (!v.isValid()) {
 *     return v.invalid();
 * }
 * </pre>
 *
 * <p>A getter returns null when the value is absent or was rejected, and throws
 * {@link IllegalArgumentException} when the key is not a field of the description or
 * the getter does not fit the field's type; both are bugs in the form, not bad input.
 * {@link #integer} may add an error (a NUMBER that is not whole), so read the values
 * first and test {@link #isValid()} after. {@link #reject} adds a rule's own errors.
 *
 * <p>Not thread-safe: make one per evaluation (it is cheap).
 */
public final class FieldValues {
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final int MAX_NUMBER_TEXT = 40;
    private static final BigDecimal NUMBER_LIMIT = BigDecimal.TEN.pow(12);
    private static final int MAX_ATTACHMENT_ID = 100;

    private final FormDescription description;
    private final Map<String, Object> parsed = new HashMap<>();
    private final Set<String> failed = new HashSet<>();
    private final List<FieldError> errors = new ArrayList<>();

    private FieldValues(FormDescription description) {
        this.description = description;
    }

    /**
     * Checks values against every field of a description.
     *
     * @param description the form's description
     * @param values      the values keyed by field key, as parsed from JSON; null means none
     * @return the checked values; never throws for any content of values
     */
    public static FieldValues check(FormDescription description, Map<String, ?> values) {
        Objects.requireNonNull(description, "description");
        FieldValues v = new FieldValues(description);
        for (Field f : description.fields()) {
            v.read(f, values == null ? null : values.get(f.key()));
        }
        return v;
    }

    /** @return true while no error has been found or added */
    public boolean isValid() {
        return errors.isEmpty();
    }

    /** @return the errors found so far, in field order, then rule errors in the order added */
    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    /**
     * Adds a rule's error, e.g. {@code v.reject("rank", "仅前三名作者可申报")}.
     *
     * @param key     a field of the description
     * @param message zh-CN message
     * @return this, so that {@code return v.reject(...).invalid();} reads well
     */
    public FieldValues reject(String key, String message) {
        field(key);
        fail(key, message);
        return this;
    }

    /**
     * @return an invalid evaluation carrying the errors
     * @throws IllegalStateException if there is no error
     */
    public Evaluation invalid() {
        if (errors.isEmpty()) {
            throw new IllegalStateException("no errors to report");
        }
        return Evaluation.invalid(errors);
    }

    /** @return true if the field has an accepted value */
    public boolean has(String key) {
        field(key);
        return parsed.containsKey(key);
    }

    /** @return the stripped text of a TEXT or LONG_TEXT field */
    public String text(String key) {
        return (String) get(key, FieldType.TEXT, FieldType.LONG_TEXT);
    }

    /** @return the chosen option value of a CHOICE field */
    public String choice(String key) {
        return (String) get(key, FieldType.CHOICE);
    }

    /** @return the number of a NUMBER field */
    public BigDecimal decimal(String key) {
        return (BigDecimal) get(key, FieldType.NUMBER);
    }

    /**
     * @return the year of a YEAR field, or the number of a NUMBER field that must be
     *         whole; a NUMBER with a fraction adds the error 「…应为整数」 and gives null
     */
    public Integer integer(String key) {
        Object value = get(key, FieldType.NUMBER, FieldType.YEAR);
        if (value instanceof BigDecimal d) {
            BigDecimal whole = d.stripTrailingZeros();
            if (whole.scale() > 0 || whole.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
                parsed.remove(key);
                fail(key, field(key).label() + "应为整数");
                return null;
            }
            return whole.intValueExact();
        }
        return (Integer) value;
    }

    /** @return the date of a DATE field */
    public LocalDate date(String key) {
        return (LocalDate) get(key, FieldType.DATE);
    }

    /** @return the first day of a DATE_RANGE field */
    public LocalDate dateFrom(String key) {
        LocalDate[] range = (LocalDate[]) get(key, FieldType.DATE_RANGE);
        return range == null ? null : range[0];
    }

    /** @return the last day of a DATE_RANGE field (not before the first) */
    public LocalDate dateTo(String key) {
        LocalDate[] range = (LocalDate[]) get(key, FieldType.DATE_RANGE);
        return range == null ? null : range[1];
    }

    /** @return the attachment ids of an ATTACHMENT field, distinct, in the order given; empty when none */
    @SuppressWarnings("unchecked")
    public List<String> attachments(String key) {
        List<String> ids = (List<String>) get(key, FieldType.ATTACHMENT);
        return ids == null ? List.of() : ids;
    }

    private Field field(String key) {
        return description.field(key).orElseThrow(
                () -> new IllegalArgumentException("form " + description.id() + " has no field " + key));
    }

    private Object get(String key, FieldType... types) {
        Field f = field(key);
        for (FieldType t : types) {
            if (f.type() == t) {
                return parsed.get(key);
            }
        }
        throw new IllegalArgumentException("field " + key + " of form " + description.id() + " is " + f.type());
    }

    private void fail(String key, String message) {
        failed.add(key);
        errors.add(new FieldError(key, message));
    }

    private void read(Field f, Object raw) {
        if (absent(f, raw)) {
            if (f.required()) {
                fail(f.key(), switch (f.type()) {
                    case CHOICE -> "请选择" + f.label();
                    case ATTACHMENT -> "请上传" + f.label();
                    default -> "请填写" + f.label();
                });
            }
            return;
        }
        Object value = switch (f.type()) {
            case TEXT, LONG_TEXT -> readText(f, raw);
            case NUMBER -> readNumber(f, raw);
            case YEAR -> readYear(f, raw);
            case DATE -> readDate(f, raw, f.label());
            case DATE_RANGE -> readRange(f, raw);
            case CHOICE -> readChoice(f, raw);
            case ATTACHMENT -> readAttachments(f, raw);
        };
        if (value != null && !failed.contains(f.key())) {
            parsed.put(f.key(), value);
        }
    }

    /** No value: null or a blank string; for attachments an empty array, for a range one with neither date. */
    private static boolean absent(Field f, Object raw) {
        return absent(raw)
                || f.type() == FieldType.ATTACHMENT && raw instanceof Collection<?> c && c.isEmpty()
                || f.type() == FieldType.DATE_RANGE && raw instanceof Map<?, ?> m && absent(m.get("from")) && absent(m.get("to"));
    }

    private static boolean absent(Object raw) {
        return raw == null || raw instanceof String s && s.isBlank();
    }

    /**
     * Characters that hide or reorder what a reviewer sees: C0 and C1 controls, bidi
     * embeddings, overrides, isolates and marks, line and paragraph separators, the
     * byte-order mark.
     */
    private static boolean hidden(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')
                || c == '\u200e' || c == '\u200f' || c == '\u061c' || c == '\u2028' || c == '\u2029' || c == '\ufeff';
    }

    private String readText(Field f, Object raw) {
        if (!(raw instanceof String s)) {
            fail(f.key(), f.label() + "应为文本");
            return null;
        }
        String text = s.strip();
        boolean multiLine = f.type() == FieldType.LONG_TEXT;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = multiLine && (c == '\n' || c == '\r' || c == '\t');
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                i++;
            } else if ((hidden(c) || Character.isSurrogate(c)) && !allowed) {
                fail(f.key(), multiLine ? f.label() + "不能包含控制字符或不可见的方向控制字符"
                        : f.label() + "不能包含换行、控制字符或不可见的方向控制字符");
                return null;
            }
        }
        if (text.codePointCount(0, text.length()) > f.maxLength()) {
            fail(f.key(), f.label() + "不能超过 " + f.maxLength() + " 个字");
            return null;
        }
        if (f.pattern() != null && !text.matches(f.pattern())) {
            fail(f.key(), f.label() + "格式不正确");
            return null;
        }
        return text;
    }

    private BigDecimal readNumber(Field f, Object raw) {
        BigDecimal n = toDecimal(raw);
        if (n == null) {
            fail(f.key(), f.label() + "应为数字");
            return null;
        }
        if (n.abs().compareTo(NUMBER_LIMIT) >= 0) {
            fail(f.key(), f.label() + "超出允许范围");
            return null;
        }
        if (n.stripTrailingZeros().scale() > 2) {
            fail(f.key(), f.label() + "最多保留两位小数");
            return null;
        }
        return inBounds(f, n) ? n : null;
    }

    private Integer readYear(Field f, Object raw) {
        BigDecimal n = toDecimal(raw);
        if (n == null || n.stripTrailingZeros().scale() > 0
                || n.compareTo(BigDecimal.valueOf(1000)) < 0 || n.compareTo(BigDecimal.valueOf(9999)) > 0) {
            fail(f.key(), f.label() + "应为四位年份");
            return null;
        }
        return inBounds(f, n) ? n.intValueExact() : null;
    }

    private boolean inBounds(Field f, BigDecimal n) {
        if (f.min() != null && n.compareTo(f.min()) < 0) {
            fail(f.key(), f.label() + "不能小于 " + Caps.format(f.min()));
            return false;
        }
        if (f.max() != null && n.compareTo(f.max()) > 0) {
            fail(f.key(), f.label() + "不能大于 " + Caps.format(f.max()));
            return false;
        }
        return true;
    }

    /** A JSON number or a plain decimal string as a BigDecimal, or null if it is neither. */
    private static BigDecimal toDecimal(Object raw) {
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Byte) {
            return BigDecimal.valueOf(((Number) raw).longValue());
        }
        if (raw instanceof BigDecimal d) {
            return d;
        }
        if (raw instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (raw instanceof Double || raw instanceof Float) {
            double d = ((Number) raw).doubleValue();
            return Double.isFinite(d) ? new BigDecimal(Double.toString(d)) : null;
        }
        if (raw instanceof String s) {
            String t = s.strip();
            return t.length() <= MAX_NUMBER_TEXT && NUMBER.matcher(t).matches() ? new BigDecimal(t) : null;
        }
        return null;
    }

    private LocalDate readDate(Field f, Object raw, String what) {
        if (!(raw instanceof String s) || !DATE.matcher(s.strip()).matches()) {
            fail(f.key(), what + "格式应为 年-月-日");
            return null;
        }
        try {
            return LocalDate.parse(s.strip(), DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
            fail(f.key(), what + "不是有效的日期");
            return null;
        }
    }

    private LocalDate[] readRange(Field f, Object raw) {
        if (!(raw instanceof Map<?, ?> m)) {
            fail(f.key(), f.label() + "格式不正确");
            return null;
        }
        Object rawFrom = m.get("from");
        Object rawTo = m.get("to");
        if (absent(rawFrom)) {
            fail(f.key(), "请填写" + f.label() + "的开始日期");
            return null;
        }
        if (absent(rawTo)) {
            fail(f.key(), "请填写" + f.label() + "的结束日期");
            return null;
        }
        LocalDate from = readDate(f, rawFrom, f.label() + "的开始日期");
        LocalDate to = readDate(f, rawTo, f.label() + "的结束日期");
        if (from == null || to == null) {
            return null;
        }
        if (to.isBefore(from)) {
            fail(f.key(), "结束日期不能早于开始日期");
            return null;
        }
        return new LocalDate[] {from, to};
    }

    private String readChoice(Field f, Object raw) {
        if (raw instanceof String s) {
            String value = s.strip();
            for (Option o : f.options()) {
                if (o.value().equals(value)) {
                    return value;
                }
            }
        }
        fail(f.key(), "请从列表中选择" + f.label());
        return null;
    }

    private List<String> readAttachments(Field f, Object raw) {
        if (!(raw instanceof Collection<?> c)) {
            fail(f.key(), f.label() + "格式不正确");
            return null;
        }
        Set<String> ids = new LinkedHashSet<>();
        for (Object item : c) {
            String id = attachmentId(item);
            if (id == null) {
                fail(f.key(), f.label() + "格式不正确");
                return null;
            }
            if (!ids.add(id)) {
                fail(f.key(), f.label() + "包含重复的文件");
                return null;
            }
        }
        BigDecimal count = BigDecimal.valueOf(ids.size());
        if (f.min() != null && count.compareTo(f.min()) < 0) {
            fail(f.key(), f.label() + "至少需要 " + Caps.format(f.min()) + " 个文件");
            return null;
        }
        if (f.max() != null && count.compareTo(f.max()) > 0) {
            fail(f.key(), f.label() + "最多 " + Caps.format(f.max()) + " 个文件");
            return null;
        }
        return List.copyOf(ids);
    }

    private static String attachmentId(Object item) {
        if (item instanceof String s && !s.isBlank() && s.strip().length() <= MAX_ATTACHMENT_ID) {
            return s.strip();
        }
        if (item instanceof Integer || item instanceof Long) {
            return item.toString();
        }
        return null;
    }
}
