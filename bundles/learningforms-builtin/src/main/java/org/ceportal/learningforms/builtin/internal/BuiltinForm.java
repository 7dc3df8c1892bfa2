package org.ceportal.learningforms.builtin.internal;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Optional;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

import org.ceportal.learningform.api.Caps;
import org.ceportal.learningform.api.Evaluation;
import org.ceportal.learningform.api.FieldValues;
import org.ceportal.learningform.api.FigureConfigs;
import org.ceportal.learningform.api.FormDescription;
import org.ceportal.learningform.api.LearningForm;
import org.ceportal.learningform.api.Option;

/**
 * The frame every built-in form shares: the description is built once from the
 * configuration at activation, the generic checks of {@link FieldValues} run first,
 * and only values that pass them reach the form's {@link #rule}. Instances are
 * immutable, hence thread-safe.
 */
abstract class BuiltinForm implements LearningForm {
    /** Version of every built-in form's fields and rule. */
    static final String VERSION = "1.0.0";
    /** Configuration PIDs are this prefix plus the form id. */
    static final String PID_PREFIX = "org.ceportal.learningform.";

    private final FormDescription description;

    BuiltinForm(FormDescription description) {
        this.description = Objects.requireNonNull(description, "description");
    }

    @Override
    public final FormDescription description() {
        return description;
    }

    @Override
    public final Evaluation evaluate(Map<String, Object> values) {
        FieldValues v = FieldValues.check(description, values);
        if (!v.isValid()) {
            return v.invalid();
        }
        return rule(v);
    }

    /**
     * The same form made from other figures: every built-in form has one public constructor taking its nested
     * {@code Config} annotation, as Declarative Services calls it, so the preview builds it the same way.
     */
    @Override
    public final Optional<LearningForm> withFigures(Map<String, Object> figures) {
        for (Constructor<?> c : getClass().getConstructors()) {
            Class<?>[] types = c.getParameterTypes();
            if (types.length == 1 && types[0].isAnnotation()) {
                try {
                    return Optional.of((LearningForm) c.newInstance(FigureConfigs.of(types[0], figures)));
                } catch (InvocationTargetException e) {
                    if (e.getCause() instanceof IllegalArgumentException bad) {
                        throw bad;
                    }
                    throw new IllegalStateException("form " + description.id() + " cannot be made from figures", e.getCause());
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("form " + description.id() + " cannot be made from figures", e);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The form's own rule.
     *
     * @param values values that passed every generic check: required ones are present
     * @return the proposed amount (see {@link #propose}) or the rule's field errors
     */
    abstract Evaluation rule(FieldValues values);

    /** The amount, capped at the form's maximum per item, with the cap explained when applied. */
    final Evaluation propose(BigDecimal raw, String calculation) {
        return Caps.propose(description, raw, calculation);
    }

    /** The zh-CN label of a CHOICE field's option. */
    final String optionLabel(String key, String value) {
        return description.field(key).orElseThrow().options().stream()
                .filter(o -> o.value().equals(value))
                .map(Option::label)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("field " + key + " has no option " + value));
    }

    /** An amount as people write it, e.g. {@code 24} or {@code 2.5}. */
    static String fmt(BigDecimal amount) {
        return Caps.format(amount);
    }
}
