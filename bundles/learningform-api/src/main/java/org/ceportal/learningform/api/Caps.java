package org.ceportal.learningform.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Rounding, capping and writing amounts, so every form explains them the same way.
 * Amounts carry at most two decimal places.
 */
public final class Caps {

    private Caps() {
    }

    /**
     * The outcome of {@link Caps#apply}.
     *
     * @param value  the amount to propose: the raw amount, or the cap if that is lower
     * @param capped whether the cap lowered the amount
     */
    public record Result(BigDecimal value, boolean capped) {
        /** @throws NullPointerException if value is null */
        public Result {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * Caps an amount.
     *
     * @param raw        the amount the rule gives, not null
     * @param maxPerItem the cap, or null for none
     * @return the raw amount if it does not exceed the cap, else the cap
     */
    public static Result apply(BigDecimal raw, BigDecimal maxPerItem) {
        Objects.requireNonNull(raw, "raw amount");
        if (maxPerItem != null && raw.compareTo(maxPerItem) > 0) {
            return new Result(maxPerItem, true);
        }
        return new Result(raw, false);
    }

    /**
     * A valid evaluation for a raw amount: rounded to two decimals, capped at the form's
     * {@link FormDescription#maxPerItem()}, and with the cap explained when it applies,
     * e.g. 「150 天 × 8 学时/天 = 1200 学时；超过单项上限 90 学时，按 90 学时计」.
     *
     * @param description the form's description (its cap and unit are used)
     * @param raw         the amount the rule gives, zero or more
     * @param calculation how the raw amount was reached, zh-CN, e.g. 「3 天 × 8 学时/天 = 24 学时」
     * @throws IllegalArgumentException if raw is negative or the calculation is blank
     */
    public static Evaluation propose(FormDescription description, BigDecimal raw, String calculation) {
        Objects.requireNonNull(description, "description");
        BigDecimal rounded = round(raw);
        if (rounded.signum() < 0) {
            throw new IllegalArgumentException("a rule gave a negative amount: " + raw);
        }
        Result r = apply(rounded, description.maxPerItem());
        if (!r.capped()) {
            return Evaluation.of(r.value(), calculation);
        }
        String unit = description.kind().unit();
        return Evaluation.of(r.value(), calculation + "；超过单项上限 " + format(description.maxPerItem()) + " " + unit
                + "，按 " + format(r.value()) + " " + unit + "计");
    }

    /**
     * @return the amount rounded half-up to at most two decimals, without trailing zeros
     *         and never in exponent form ({@code 24.00} gives {@code 24}, {@code 8.888} gives {@code 8.89})
     */
    public static BigDecimal round(BigDecimal amount) {
        Objects.requireNonNull(amount, "amount");
        BigDecimal r = amount.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return r.scale() < 0 ? r.setScale(0) : r;
    }

    /** @return the amount as people write it: {@code 24}, {@code 2.5}, no exponent, no trailing zeros */
    public static String format(BigDecimal amount) {
        Objects.requireNonNull(amount, "amount");
        return amount.stripTrailingZeros().toPlainString();
    }
}
