package org.ceportal.learningforms.builtin.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Lengths of date ranges whose both ends count. */
final class Periods {

    private Periods() {
    }

    /** Calendar days from the first to the last day, both included: 15 to 17 March is 3 days. */
    static long days(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** Whole months from the first to the last day, both included: 1 January to 31 December is 12. */
    static long fullMonths(LocalDate from, LocalDate to) {
        return ChronoUnit.MONTHS.between(from, to.plusDays(1));
    }
}
