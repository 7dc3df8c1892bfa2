package org.ceportal.learningform.api;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A learning form (学习形式): one way a professional earns hours or credits, such as a
 * training course, a paper or a patent. Any bundle may register an implementation as
 * an OSGi service under this interface; the portal tracks the services dynamically,
 * shows a form's fields on the declaration page and asks the form to evaluate what
 * the user entered.
 *
 * <p>The portal keeps, with every declaration, the values and a snapshot of the
 * {@link #description() description} they were made with, so removing or upgrading a
 * form bundle never makes an old declaration unreadable.
 *
 * <p>The fields every declaration has whatever its form (计入年度, claimed hours,
 * subject category, attachments) belong to the portal: a form describes only its
 * own fields.
 *
 * <p>See the {@linkplain org.ceportal.learningform.api package documentation} for the
 * value conventions and a complete example.
 */
@ConsumerType
public interface LearningForm {

    /**
     * What this form is and which fields it has. Called often (every page that lists
     * forms): it must be cheap, ideally a field set once at activation, and it must
     * not change while the service is registered. Whenever fields or rules change
     * in code, raise {@link FormDescription#version()}; figures that an operator
     * configures may change the description of a running version, which is why the
     * portal stores a snapshot with each declaration.
     *
     * @return the description, never null
     */
    FormDescription description();

    /**
     * Judges the values a user entered and proposes the hours (or credits) they earn.
     *
     * <p>Must be thread-safe and free of side effects: the portal calls it from any
     * thread, several times for one declaration (while typing, on save, on submit,
     * when a reviewer opens it). Must never throw for bad input, however malformed:
     * missing, mistyped or out-of-range values are answered with
     * {@link Evaluation#invalid(java.util.List) field errors}. An exception means a
     * bug in the form.
     *
     * <p>{@link FieldValues#check(FormDescription, Map)} performs every generic check
     * the description implies and gives typed getters, so an implementation only
     * codes its own rule.
     *
     * @param values the user's values keyed by {@link Field#key()}, as parsed from
     *               JSON (see the package documentation); keys the form does not
     *               know are ignored; may be null, meaning no values
     * @return a valid evaluation with the proposed amount, already capped at
     *         {@link FormDescription#maxPerItem()}, or an invalid one with field errors
     */
    Evaluation evaluate(Map<String, Object> values);

    /**
     * This form as it would be with other figures, so that provincial ops see what a change of its configuration
     * does before they save it (学习形式管理 › 数值配置). This form itself does not change; the portal saves the
     * figures into the form's configuration (PID {@code org.ceportal.learningform.<id>}, described by the
     * bundle's metatype) only after ops confirm. A form whose figures are a configuration annotation answers
     * {@code Optional.of(new MyForm(FigureConfigs.of(MyForm.Config.class, figures)))}.
     *
     * @param figures the configuration's properties as they would be saved (values as the page sends them:
     *                strings, or numbers); keys the form does not know are ignored
     * @return the form with those figures, or empty (the default) when the form cannot say, in which case the
     *         console offers no preview
     * @throws IllegalArgumentException when the figures cannot make a form (e.g. a malformed table); the console
     *                                  shows the message as an error of the figures
     * @since 1.2
     */
    default java.util.Optional<LearningForm> withFigures(Map<String, Object> figures) {
        return java.util.Optional.empty();
    }
}
