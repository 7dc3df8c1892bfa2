package org.ceportal.declarations.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ceportal.learningform.api.Field;
import org.ceportal.learningform.api.FormDescription;
import org.ceportal.learningform.api.Option;
import org.ceportal.learningform.api.SubjectCategory;

/**
 * The JSON shape of a learning form's description: what {@code GET /learning-forms/{id}}
 * answers, and the snapshot every declaration keeps so it stays readable after the
 * form bundle is gone or upgraded.
 */
final class Schemas {
    private Schemas() {
    }

    static Map<String, Object> summary(FormDescription d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("version", d.version());
        m.put("name", d.name());
        m.put("kind", d.kind().name());
        m.put("kindName", d.kind().label());
        m.put("unit", d.kind().unit());
        m.put("category", d.category().name());
        m.put("categoryName", d.category().label());
        m.put("help", d.help());
        m.put("maxPerItem", d.maxPerItem());
        m.put("maxPerYear", d.maxPerYear());
        return m;
    }

    static Map<String, Object> full(FormDescription d) {
        Map<String, Object> m = summary(d);
        List<Map<String, Object>> fields = new ArrayList<>();
        for (Field f : d.fields()) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("key", f.key());
            v.put("label", f.label());
            v.put("type", f.type().name().toLowerCase(Locale.ROOT));
            v.put("required", f.required());
            v.put("min", f.min());
            v.put("max", f.max());
            v.put("maxLength", f.maxLength());
            v.put("pattern", f.pattern());
            v.put("help", f.help());
            List<Map<String, Object>> options = new ArrayList<>();
            if (f.options() != null) {
                for (Option o : f.options()) {
                    options.add(Map.of("value", o.value(), "label", o.label()));
                }
            }
            v.put("options", options);
            fields.add(v);
        }
        m.put("fields", fields);
        return m;
    }

    static String categoryName(String category) {
        try {
            return SubjectCategory.valueOf(category).label();
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }
}
