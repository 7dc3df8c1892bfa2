package org.ceportal.declarations.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 学时 or 学分: what a person's declaration of a year is kept in, and how a form's amounts
 * convert into it ({@code creditsPerHour}, default 1 学时 = 1 学分). A form of 学时 (or
 * 继续教育基地学时) declared by someone whose year counts 学分 becomes a 学分申报 with its
 * amounts converted, so that one person's year never mixes the two units.
 */
final class Units {
    private static final Logger LOG = LoggerFactory.getLogger(Units.class);
    static final String HOURS = "HOURS";
    static final String CREDITS = "CREDITS";

    /** Which unit a person's year counts in. */
    interface Counting {
        String unitOf(long accountId, int year);
    }

    /** Everyone counts 学时 (no requirement rules known), 1 学时 = 1 学分. */
    static final Units HOURS_ONLY = new Units((a, y) -> HOURS, BigDecimal.ONE);

    private final Counting counting;
    private final BigDecimal creditsPerHour;

    Units(Counting counting, BigDecimal creditsPerHour) {
        this.counting = counting;
        this.creditsPerHour = creditsPerHour == null || creditsPerHour.signum() <= 0 ? BigDecimal.ONE : creditsPerHour;
    }

    /** 学分 for CREDITS; 学时 for HOURS and BASE_HOURS (继续教育基地学时 are 学时). */
    static String family(String kind) {
        return CREDITS.equals(kind) ? CREDITS : HOURS;
    }

    /** The kind a declaration of a form of {@code formKind} is kept in for this person and year. */
    String declaredKind(String formKind, long accountId, int year) {
        String countAs;
        try {
            countAs = family(counting.unitOf(accountId, year));
        } catch (RuntimeException e) {
            LOG.warn("Could not tell what account {} counts in {}; taking the form's unit", accountId, year, e);
            return formKind;
        }
        return family(formKind).equals(countAs) ? formKind : countAs;
    }

    /** An amount of {@code from} in the unit of {@code to}, to two decimals. */
    BigDecimal convert(BigDecimal amount, String from, String to) {
        if (amount == null || family(from).equals(family(to))) {
            return amount;
        }
        BigDecimal converted = CREDITS.equals(family(to)) ? amount.multiply(creditsPerHour)
                : amount.divide(creditsPerHour, 2, RoundingMode.HALF_UP);
        return converted.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    /** How a converted amount came about, for the explanation the person sees. */
    String note(String from, String to, BigDecimal converted) {
        String rate = creditsPerHour.stripTrailingZeros().toPlainString();
        return CREDITS.equals(family(to))
                ? "按 1 学时折合 " + rate + " 学分，计 " + converted.stripTrailingZeros().toPlainString() + " 学分"
                : "按 " + rate + " 学分折合 1 学时，计 " + converted.stripTrailingZeros().toPlainString() + " 学时";
    }
}
