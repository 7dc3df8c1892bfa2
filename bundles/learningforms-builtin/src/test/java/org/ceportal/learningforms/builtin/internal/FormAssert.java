package org.ceportal.learningforms.builtin.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ceportal.learningform.api.Evaluation;
import org.ceportal.learningform.api.Field;
import org.ceportal.learningform.api.FieldError;
import org.ceportal.learningform.api.FormDescription;
import org.ceportal.learningform.api.LearningForm;

/** Assertions and value builders shared by the form tests. */
final class FormAssert {

    private FormAssert() {
    }

    /** A mutable values map from key, value pairs. */
    static Map<String, Object> values(Object... keysAndValues) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /** A copy of base with some values replaced (a null value removes the key). */
    static Map<String, Object> with(Map<String, Object> base, Object... keysAndValues) {
        Map<String, Object> m = new HashMap<>(base);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] == null) {
                m.remove((String) keysAndValues[i]);
            } else {
                m.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return m;
    }

    static Map<String, Object> range(String from, String to) {
        return Map.of("from", from, "to", to);
    }

    static Evaluation assertProposes(LearningForm form, Map<String, Object> values, String amount, String explanation) {
        Evaluation e = form.evaluate(values);
        assertTrue(e.errors().toString(), e.isValid());
        assertEquals(0, new BigDecimal(amount).compareTo(e.proposed()));
        assertEquals(explanation, e.explanation());
        assertFalse("never more than the cap", e.proposed().compareTo(form.description().maxPerItem()) > 0);
        return e;
    }

    static void assertCapped(LearningForm form, Map<String, Object> values, String raw, String calculation) {
        FormDescription d = form.description();
        String cap = BuiltinForm.fmt(d.maxPerItem());
        Evaluation e = form.evaluate(values);
        assertTrue(e.errors().toString(), e.isValid());
        assertTrue("the raw amount exceeds the cap", new BigDecimal(raw).compareTo(d.maxPerItem()) > 0);
        assertEquals(0, d.maxPerItem().compareTo(e.proposed()));
        assertEquals(calculation + "；超过单项上限 " + cap + " 学时，按 " + cap + " 学时计", e.explanation());
    }

    static void assertError(LearningForm form, Map<String, Object> values, String field, String message) {
        Evaluation e = form.evaluate(values);
        assertFalse("expected an error on " + field, e.isValid());
        assertNull(e.proposed());
        assertTrue(e.errors() + " should contain " + field + ": " + message,
                e.errors().contains(new FieldError(field, message)));
    }

    /** The description survives a round trip through the validating constructors unchanged. */
    static void assertValidDescription(LearningForm form) {
        FormDescription d = form.description();
        List<Field> fields = d.fields().stream()
                .map(f -> new Field(f.key(), f.label(), f.type(), f.required(), f.min(), f.max(), f.maxLength(),
                        f.pattern(), f.help(), f.options()))
                .toList();
        FormDescription copy = new FormDescription(d.id(), d.version(), d.name(), d.kind(), d.category(), d.help(),
                fields, d.maxPerItem(), d.maxPerYear(), d.yearField());
        assertEquals(d, copy);
        assertEquals(BuiltinForm.VERSION, d.version());
        assertTrue("a form has help text", d.help() != null && !d.help().isBlank());
        assertTrue("the same description every time", d == form.description());
    }
}
