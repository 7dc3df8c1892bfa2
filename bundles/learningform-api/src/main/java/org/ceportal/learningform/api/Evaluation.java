package org.ceportal.learningform.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What a form makes of a declaration's values: either a proposed amount with a zh-CN
 * explanation of how it was reached, or the field errors that stop it.
 *
 * @param proposed    the hours (or credits) the values earn, already capped at the
 *                    form's {@link FormDescription#maxPerItem()}: zero or more, at
 *                    most two decimals; null when invalid
 * @param explanation how the amount was reached, in zh-CN, shown to the declarant and
 *                    the reviewer, e.g. 「3 天 × 8 学时/天 = 24 学时」; mentions the cap
 *                    when one was applied; null when invalid
 * @param errors      the field errors; empty when valid (never null)
 */
public record Evaluation(BigDecimal proposed, String explanation, List<FieldError> errors) {

    /**
     * @throws IllegalArgumentException if a valid evaluation lacks an amount or an
     *                                  explanation, has a negative amount or more than
     *                                  two decimals, or an invalid one has an amount
     */
    public Evaluation {
        errors = errors == null ? List.of() : List.copyOf(errors);
        if (errors.isEmpty()) {
            Objects.requireNonNull(proposed, "a valid evaluation needs a proposed amount");
            if (proposed.signum() < 0 || proposed.stripTrailingZeros().scale() > 2) {
                throw new IllegalArgumentException("proposed amount must be zero or more with at most two decimals: " + proposed);
            }
            if (explanation == null || explanation.isBlank()) {
                throw new IllegalArgumentException("a valid evaluation needs an explanation");
            }
        } else if (proposed != null) {
            throw new IllegalArgumentException("an evaluation with errors proposes no amount");
        }
    }

    /**
     * A valid evaluation. {@link Caps#propose} builds one with the cap applied and
     * explained; use this directly only when the amount cannot exceed the cap.
     *
     * @param proposed    the amount, zero or more, at most two decimals (see {@link Caps#round})
     * @param explanation how it was reached, zh-CN
     */
    public static Evaluation of(BigDecimal proposed, String explanation) {
        return new Evaluation(proposed, explanation, List.of());
    }

    /**
     * An invalid evaluation.
     *
     * @param errors at least one error
     * @throws IllegalArgumentException if errors is empty
     */
    public static Evaluation invalid(List<FieldError> errors) {
        if (errors == null || errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid evaluation needs at least one error");
        }
        return new Evaluation(null, null, errors);
    }

    /**
     * An invalid evaluation.
     *
     * @param errors at least one error
     * @throws IllegalArgumentException if no error is given
     */
    public static Evaluation invalid(FieldError... errors) {
        return invalid(List.of(errors));
    }

    /** @return true if the values were accepted and {@link #proposed()} is set */
    public boolean isValid() {
        return errors.isEmpty();
    }
}
