package org.ceportal.declarations.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.ceportal.learningform.api.Field;
import org.ceportal.learningform.api.FormDescription;
import org.ceportal.learningform.api.SubjectCategory;

/**
 * The JSON shape of a learning form's description: what {@code GET /learning-forms/{id}}
 * answers, and the snapshot every declaration keeps so it stays readable after the
 * form bundle is gone or upgraded.
 */
final class Schemas {
    private Schemas() {
    }

    /** A form as the 学习形式 list shows it. */
    record FormSummary(String id, String version, String name, String kind, String kindName, String unit, String category,
                       String categoryName, String help, BigDecimal maxPerItem, BigDecimal maxPerYear) {
    }

    /** A choice of a field. */
    record OptionView(String value, String label) {
    }

    /** A field of a form, as the page renders it. */
    record FieldView(String key, String label, String type, boolean required, BigDecimal min, BigDecimal max,
                     Integer maxLength, String pattern, String help, List<OptionView> options) {
    }

    /**
     * A form with its fields: the answer of {@code GET /learning-forms/{id}} and every declaration's snapshot;
     * {@code yearField} the field whose date decides the 计入年度, or null.
     */
    record FormSchema(@JsonUnwrapped FormSummary summary, List<FieldView> fields, String yearField) {
    }

    static FormSummary summary(FormDescription d) {
        return new FormSummary(d.id(), d.version(), d.name(), d.kind().name(), d.kind().label(), d.kind().unit(),
                d.category().name(), d.category().label(), d.help(), d.maxPerItem(), d.maxPerYear());
    }

    static FormSchema full(FormDescription d) {
        List<FieldView> fields = new ArrayList<>();
        for (Field f : d.fields()) {
            List<OptionView> options = f.options() == null ? List.of()
                    : f.options().stream().map(o -> new OptionView(o.value(), o.label())).toList();
            fields.add(new FieldView(f.key(), f.label(), f.type().name().toLowerCase(Locale.ROOT), f.required(), f.min(),
                    f.max(), f.maxLength(), f.pattern(), f.help(), options));
        }
        return new FormSchema(summary(d), fields, d.yearField());
    }

    /** A figure of a stored schema snapshot ({@code maxPerItem}, {@code maxPerYear}), or null. */
    static BigDecimal amount(java.util.Map<String, Object> schema, String key) {
        Object v = schema.get(key);
        return v == null ? null : new BigDecimal(String.valueOf(v));
    }

    static String categoryName(String category) {
        try {
            return SubjectCategory.valueOf(category).label();
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }
}
