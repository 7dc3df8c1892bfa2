package org.ceportal.ops.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ceportal.learningform.api.Caps;
import org.ceportal.learningform.api.DeclarationKind;
import org.ceportal.learningform.api.Evaluation;
import org.ceportal.learningform.api.Field;
import org.ceportal.learningform.api.FieldValues;
import org.ceportal.learningform.api.FormDescription;
import org.ceportal.learningform.api.LearningForm;
import org.ceportal.learningform.api.Option;
import org.ceportal.learningform.api.SubjectCategory;

/**
 * A learning form made from a {@link FormDefinition} that {@link FormDefinitions#check} passed: the SPI's generic
 * checks, then the definition's rule. Immutable, hence thread-safe.
 */
final class DefinedForm implements LearningForm {
    private final FormDefinition definition;
    private final FormDescription description;
    private final String unit;

    /** @param version the form's version, e.g. {@code 1.2.0} for its second revision */
    DefinedForm(FormDefinition d, String version) {
        this.definition = d;
        DeclarationKind kind = DeclarationKind.valueOf(d.kind());
        this.unit = kind.unit();
        List<Field> fields = new ArrayList<>();
        for (FormDefinition.FieldDefinition f : d.fields()) {
            fields.add(field(f));
        }
        String yearField = d.yearField() != null ? d.yearField() : d.fields().stream()
                .filter(f -> f.type().equals("date") || f.type().equals("date_range")).map(FormDefinition.FieldDefinition::key)
                .findFirst().orElse(null);
        this.description = new FormDescription(d.id(), version, d.name(), kind, SubjectCategory.valueOf(d.category()),
                d.help(), fields, maxPerItem(d), d.maxPerYear() == null || d.maxPerYear().signum() == 0 ? null : d.maxPerYear(),
                yearField);
    }

    /**
     * The most one declaration earns: the definition's, else what the rule can give at most (its fixed hours, the
     * table's largest); {@link FormDefinitions#check} asks for it when the rule multiplies an amount.
     */
    private static BigDecimal maxPerItem(FormDefinition d) {
        if (d.maxPerItem() != null) {
            return d.maxPerItem();
        }
        FormDefinition.Rule rule = d.rule();
        return switch (rule.type()) {
            case "per_item" -> rule.hours();
            case "table" -> rule.table().values().stream().flatMap(line -> line.values().stream())
                    .max(BigDecimal::compareTo).orElseThrow();
            default -> throw new IllegalArgumentException("maxPerItem of form " + d.id());
        };
    }

    private static Field field(FormDefinition.FieldDefinition f) {
        Field.Builder b = switch (f.type()) {
            case "text" -> Field.text(f.key(), f.label());
            case "long_text" -> Field.longText(f.key(), f.label());
            case "number" -> Field.number(f.key(), f.label());
            case "date" -> Field.date(f.key(), f.label());
            case "date_range" -> Field.dateRange(f.key(), f.label());
            case "year" -> Field.year(f.key(), f.label());
            case "choice" -> Field.choice(f.key(), f.label(),
                    f.options().stream().map(o -> new Option(o.value(), o.label())).toList());
            case "attachment" -> Field.attachment(f.key(), f.label());
            default -> throw new IllegalArgumentException("field type " + f.type());
        };
        if (Boolean.TRUE.equals(f.required())) {
            b.required();
        }
        if (f.min() != null) {
            b.min(f.min());
        }
        if (f.max() != null) {
            b.max(f.max());
        }
        if (f.maxLength() != null) {
            b.maxLength(f.maxLength());
        }
        if (f.help() != null && !f.help().isBlank()) {
            b.help(f.help());
        }
        return b.build();
    }

    FormDefinition definition() {
        return definition;
    }

    @Override
    public FormDescription description() {
        return description;
    }

    @Override
    public Evaluation evaluate(Map<String, Object> values) {
        FieldValues v = FieldValues.check(description, values);
        FormDefinition.Rule rule = definition.rule();
        BigDecimal amount = rule.type().equals("per_amount") ? v.decimal(rule.field()) : null;
        if (!v.isValid()) {
            return v.invalid();
        }
        switch (rule.type().toLowerCase(Locale.ROOT)) {
            case "per_item":
                return Caps.propose(description, rule.hours(), "每项 " + Caps.format(rule.hours()) + " " + unit);
            case "per_amount": {
                if (amount == null) {
                    return Evaluation.invalid(new org.ceportal.learningform.api.FieldError(rule.field(),
                            "请填写" + label(rule.field())));
                }
                BigDecimal raw = amount.multiply(rule.hoursPerUnit());
                return Caps.propose(description, raw, Caps.format(amount) + " × " + Caps.format(rule.hoursPerUnit()) + " " + unit
                        + " = " + Caps.format(raw) + " " + unit);
            }
            default: { // table
                String row = v.choice(rule.rows());
                String column = rule.columns() == null ? "-" : v.choice(rule.columns());
                Map<String, BigDecimal> line = rule.table().get(row);
                BigDecimal hours = line == null ? null : line.get(column);
                if (hours == null) { // FormDefinitions.check asks for every combination; a hand-edited file may lack one
                    return Evaluation.invalid(new org.ceportal.learningform.api.FieldError(rule.rows(), "该组合没有规定" + unit));
                }
                String what = optionLabel(rule.rows(), row) + (rule.columns() == null ? "" : "，" + optionLabel(rule.columns(), column));
                return Caps.propose(description, hours, what + "：" + Caps.format(hours) + " " + unit);
            }
        }
    }

    private String label(String key) {
        return description.field(key).map(Field::label).orElse(key);
    }

    private String optionLabel(String key, String value) {
        return description.field(key).orElseThrow().options().stream().filter(o -> o.value().equals(value)).map(Option::label)
                .findFirst().orElse(value);
    }
}
