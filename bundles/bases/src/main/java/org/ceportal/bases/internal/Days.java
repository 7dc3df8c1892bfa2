package org.ceportal.bases.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.ceportal.platform.api.FieldError;

/** A day as a form sends it (2026-01-31), checked; the bases' and the courses' dates alike. */
final class Days {
    private Days() {
    }

    /** The day, or null with a field error named {@code what} added. */
    static LocalDate parse(String value, String field, String what, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "请填写" + what));
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(value.strip());
            if (d.getYear() < 1990 || d.getYear() > 2100) {
                errors.add(new FieldError(field, what + "应在 1990 年至 2100 年之间"));
                return null;
            }
            return d;
        } catch (DateTimeParseException ex) {
            errors.add(new FieldError(field, what + "格式应为 2026-01-31"));
            return null;
        }
    }
}
