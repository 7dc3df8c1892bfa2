package org.ceportal.ops.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.ceportal.learningform.api.DeclarationKind;
import org.ceportal.learningform.api.SubjectCategory;
import org.ceportal.platform.api.FieldError;

/**
 * What a {@link FormDefinition} must satisfy to become a learning form: each problem is a field error named after
 * where it is ({@code id}, {@code fields[2].type}, {@code rule.table}, …), so the page shows it beside its input.
 * The rules are a small safe set: no expression, no script, every rule bounded.
 */
public final class FormDefinitions {
    static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1,39}");
    private static final Pattern KEY = Pattern.compile("[a-zA-Z][a-zA-Z0-9]{0,29}");
    /** The field types a definition may use (the SPI's), with their names on the page. */
    private static final Map<String, String> TYPES = names("text", "文本", "long_text", "多行文本", "number", "数字", "date", "日期",
            "date_range", "起止日期", "year", "年度", "choice", "单选", "attachment", "附件");
    /** The rules, with their names on the page. */
    private static final Map<String, String> RULES = names("per_item", "每项固定", "per_amount", "按数量折算（天、小时、分钟、篇……）",
            "table", "按级别查表");
    private static final Set<String> KINDS = Set.of(DeclarationKind.HOURS.name(), DeclarationKind.CREDITS.name());
    private static final int MAX_FIELDS = 20;
    private static final int MAX_OPTIONS = 30;
    private static final BigDecimal MOST = new BigDecimal("1000");

    private FormDefinitions() {
    }

    /**
     * What the page offers when ops define a form: the codes a definition takes and their names.
     *
     * @param fieldTypes the field types
     * @param ruleTypes  the rules
     * @param kinds      学时 or 学分
     * @param categories the subject categories
     */
    public record Choices(List<Choice> fieldTypes, List<Choice> ruleTypes, List<Choice> kinds, List<Choice> categories) {
    }

    /** A code and its zh-CN name. */
    public record Choice(String code, String name) {
    }

    static Choices choices() {
        return new Choices(list(TYPES), list(RULES),
                java.util.stream.Stream.of(DeclarationKind.HOURS, DeclarationKind.CREDITS).map(k -> new Choice(k.name(), k.label())).toList(),
                java.util.Arrays.stream(SubjectCategory.values()).map(c -> new Choice(c.name(), c.label())).toList());
    }

    private static List<Choice> list(Map<String, String> names) {
        return names.entrySet().stream().map(e -> new Choice(e.getKey(), e.getValue())).toList();
    }

    private static Map<String, String> names(String... codeAndName) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < codeAndName.length; i += 2) {
            m.put(codeAndName[i], codeAndName[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Every problem of the definition; empty when it makes a form. */
    static List<FieldError> check(FormDefinition d) {
        List<FieldError> errors = new ArrayList<>();
        if (d == null) {
            errors.add(new FieldError("id", "请填写学习形式的定义"));
            return errors;
        }
        if (d.id() == null || !ID.matcher(d.id()).matches()) {
            errors.add(new FieldError("id", "编号应为 2 至 40 位小写字母、数字或连字符，以字母开头，例如 reading-club"));
        }
        text(errors, "name", d.name(), "名称", 30, true);
        if (d.kind() == null || !KINDS.contains(d.kind())) {
            errors.add(new FieldError("kind", "请选择计学时或计学分"));
        }
        if (d.category() == null || java.util.Arrays.stream(SubjectCategory.values()).noneMatch(c -> c.name().equals(d.category()))) {
            errors.add(new FieldError("category", "请选择科目类别"));
        }
        text(errors, "help", d.help(), "说明", 500, false);
        Map<String, FormDefinition.FieldDefinition> byKey = fields(errors, d.fields());
        rule(errors, d, byKey);
        amount(errors, "maxPerItem", d.maxPerItem(), "每项最多", false);
        amount(errors, "maxPerYear", d.maxPerYear(), "每年最多", true);
        if (d.yearField() != null) {
            FormDefinition.FieldDefinition y = byKey.get(d.yearField());
            if (y == null || !List.of("date", "date_range", "year").contains(y.type())) {
                errors.add(new FieldError("yearField", "计入年度应取自一个日期、起止日期或年度字段"));
            }
        }
        return errors;
    }

    private static Map<String, FormDefinition.FieldDefinition> fields(List<FieldError> errors,
            List<FormDefinition.FieldDefinition> fields) {
        Map<String, FormDefinition.FieldDefinition> byKey = new java.util.LinkedHashMap<>();
        if (fields == null || fields.isEmpty() || fields.size() > MAX_FIELDS) {
            errors.add(new FieldError("fields", "请设置 1 至 " + MAX_FIELDS + " 个填写项"));
            return byKey;
        }
        for (int i = 0; i < fields.size(); i++) {
            String at = "fields[" + i + "]";
            FormDefinition.FieldDefinition f = fields.get(i);
            if (f == null) {
                errors.add(new FieldError(at, "填写项不能为空"));
                continue;
            }
            if (f.key() == null || !KEY.matcher(f.key()).matches()) {
                errors.add(new FieldError(at + ".key", "字段名应为字母开头的字母或数字，最多 30 位"));
            } else if (byKey.putIfAbsent(f.key(), f) != null) {
                errors.add(new FieldError(at + ".key", "字段名重复：" + f.key()));
            }
            text(errors, at + ".label", f.label(), "填写项名称", 30, true);
            text(errors, at + ".help", f.help(), "填写说明", 200, false);
            if (f.type() == null || !TYPES.containsKey(f.type())) {
                errors.add(new FieldError(at + ".type", "不支持的填写项类型：" + (f.type() == null ? "未选择" : shorten(f.type()))
                        + "（可选：" + String.join("、", TYPES.values()) + "）"));
                continue;
            }
            boolean bounded = f.type().equals("number") || f.type().equals("year") || f.type().equals("attachment");
            if (!bounded && (f.min() != null || f.max() != null)) {
                errors.add(new FieldError(at + ".min", "只有数字、年度和附件（文件个数）可以设置最小值和最大值"));
            }
            boolean whole = !f.type().equals("number");
            for (BigDecimal bound : new BigDecimal[] {f.min(), f.max()}) {
                if (bounded && bound != null && (whole ? bound.stripTrailingZeros().scale() > 0
                        || f.type().equals("attachment") && bound.signum() < 0 : bound.scale() > 2)) {
                    errors.add(new FieldError(at + (bound == f.min() ? ".min" : ".max"), whole
                            ? "年度和文件个数的最小值、最大值应为整数，文件个数不能为负" : "最小值、最大值最多两位小数"));
                }
            }
            if (bounded && f.min() != null && f.max() != null && f.min().compareTo(f.max()) > 0) {
                errors.add(new FieldError(at + ".max", "最大值不能小于最小值"));
            }
            if (f.maxLength() != null && (!f.type().equals("text") && !f.type().equals("long_text")
                    || f.maxLength() < 1 || f.maxLength() > 2000)) {
                errors.add(new FieldError(at + ".maxLength", "只有文本可以限制长度，1 至 2000 个字"));
            }
            options(errors, at, f);
        }
        return byKey;
    }

    private static void options(List<FieldError> errors, String at, FormDefinition.FieldDefinition f) {
        boolean choice = f.type().equals("choice");
        List<FormDefinition.OptionDefinition> options = f.options() == null ? List.of() : f.options();
        if (!choice) {
            if (!options.isEmpty()) {
                errors.add(new FieldError(at + ".options", "只有单选项可以设置选项"));
            }
            return;
        }
        if (options.isEmpty() || options.size() > MAX_OPTIONS) {
            errors.add(new FieldError(at + ".options", "单选项应有 1 至 " + MAX_OPTIONS + " 个选项"));
            return;
        }
        Set<String> values = new HashSet<>();
        for (int j = 0; j < options.size(); j++) {
            FormDefinition.OptionDefinition o = options.get(j);
            if (o == null || o.value() == null || !KEY.matcher(o.value()).matches() || o.label() == null || o.label().isBlank()
                    || o.label().length() > 30) {
                errors.add(new FieldError(at + ".options[" + j + "]", "每个选项应有代码（字母或数字）和名称（最多 30 个字）"));
            } else if (!values.add(o.value())) {
                errors.add(new FieldError(at + ".options[" + j + "]", "选项代码重复：" + o.value()));
            }
        }
    }

    private static void rule(List<FieldError> errors, FormDefinition d, Map<String, FormDefinition.FieldDefinition> byKey) {
        FormDefinition.Rule r = d.rule();
        String type = r == null ? null : r.type();
        if (type == null || !RULES.containsKey(type)) {
            errors.add(new FieldError("rule.type", "请选择计算规则：" + String.join("、", RULES.values())));
            return;
        }
        switch (type) {
            case "per_item" -> amount(errors, "rule.hours", r.hours(), "每项学时", false);
            case "per_amount" -> {
                FormDefinition.FieldDefinition f = r.field() == null ? null : byKey.get(r.field());
                if (f == null || !f.type().equals("number")) {
                    errors.add(new FieldError("rule.field", "按数量折算须指定一个数字填写项"));
                }
                amount(errors, "rule.hoursPerUnit", r.hoursPerUnit(), "每单位折算", false);
                if (d.maxPerItem() == null) { // a rule with no bound: an amount times a figure can be anything
                    errors.add(new FieldError("maxPerItem", "按数量折算的规则必须设置每项最多学时（学分）"));
                }
            }
            default -> table(errors, r, byKey);
        }
    }

    private static void table(List<FieldError> errors, FormDefinition.Rule r, Map<String, FormDefinition.FieldDefinition> byKey) {
        FormDefinition.FieldDefinition rows = r.rows() == null ? null : byKey.get(r.rows());
        FormDefinition.FieldDefinition columns = r.columns() == null ? null : byKey.get(r.columns());
        if (rows == null || !rows.type().equals("choice") || rows.options() == null) {
            errors.add(new FieldError("rule.rows", "查表须指定一个单选项作为行（例如级别）"));
            return;
        }
        if (r.columns() != null && (columns == null || !columns.type().equals("choice") || columns.options() == null
                || r.columns().equals(r.rows()))) {
            errors.add(new FieldError("rule.columns", "列应为另一个单选项（例如名次），或不设"));
            return;
        }
        Map<String, Map<String, BigDecimal>> table = r.table() == null ? Map.of() : r.table();
        for (FormDefinition.OptionDefinition row : rows.options()) {
            List<String> cols = columns == null ? List.of("-")
                    : columns.options().stream().map(FormDefinition.OptionDefinition::value).toList();
            for (String col : cols) {
                BigDecimal v = table.getOrDefault(row.value(), Map.of()).get(col);
                if (v == null || v.signum() < 0 || v.compareTo(MOST) > 0 || v.scale() > 2) {
                    errors.add(new FieldError("rule.table", "表中每个组合都要填写 0 至 1000 的学时（最多两位小数），缺：" + row.label()
                            + (columns == null ? "" : "，" + col)));
                    return;
                }
            }
        }
    }

    private static void amount(List<FieldError> errors, String field, BigDecimal v, String what, boolean zeroAllowed) {
        if (v == null) {
            if (field.startsWith("rule.")) {
                errors.add(new FieldError(field, "请填写" + what));
            }
            return;
        }
        if ((zeroAllowed ? v.signum() < 0 : v.signum() <= 0) || v.compareTo(MOST) > 0 || v.scale() > 2) {
            errors.add(new FieldError(field, what + "应为" + (zeroAllowed ? "0" : "大于 0") + "至 1000 的数，最多两位小数"));
        }
    }

    private static void text(List<FieldError> errors, String field, String v, String what, int most, boolean required) {
        if (v == null || v.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "请填写" + what));
            }
        } else if (v.strip().length() > most) {
            errors.add(new FieldError(field, what + "不能超过 " + most + " 个字"));
        }
    }

    private static String shorten(String s) {
        return s.length() > 20 ? s.substring(0, 20) + "…" : s;
    }
}
