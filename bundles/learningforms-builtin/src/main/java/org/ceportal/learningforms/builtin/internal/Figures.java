package org.ceportal.learningforms.builtin.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the figures of a form's configuration. A bad figure stops the form's
 * activation with a message naming the property, so the form never runs with it.
 */
final class Figures {
    private static final int MAX_TABLE_ROWS = 20;

    private Figures() {
    }

    /** A figure that may be zero (a kind of item that earns nothing). */
    static BigDecimal figure(String property, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(property + " must not be negative: " + value);
        }
        return BigDecimal.valueOf(value);
    }

    /** A figure that must be positive (a divisor or a cap). */
    static BigDecimal positive(String property, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(property + " must be positive: " + value);
        }
        return BigDecimal.valueOf(value);
    }

    /** A yearly maximum: 0 means none. */
    static BigDecimal maxPerYear(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("maxPerYear must not be negative (0 means no limit): " + value);
        }
        return value == 0 ? null : BigDecimal.valueOf(value);
    }

    /**
     * A table by rank: whole numbers separated by commas, the first for rank 1, e.g.
     * {@code "64,56,48,40,32"}. Its length is how many ranks may declare.
     */
    static List<BigDecimal> table(String property, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(property + " needs at least one figure");
        }
        String[] parts = text.split(",", -1);
        if (parts.length > MAX_TABLE_ROWS) {
            throw new IllegalArgumentException(property + " has more than " + MAX_TABLE_ROWS + " figures: " + text);
        }
        List<BigDecimal> rows = new ArrayList<>(parts.length);
        for (String part : parts) {
            try {
                rows.add(figure(property, Integer.parseInt(part.strip())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(property + " must be whole numbers separated by commas: " + text, e);
            }
        }
        return List.copyOf(rows);
    }

    /** A table as written in help texts: {@code 64/56/48}. */
    static String slashed(List<BigDecimal> table) {
        StringBuilder s = new StringBuilder();
        for (BigDecimal b : table) {
            if (s.length() > 0) {
                s.append('/');
            }
            s.append(BuiltinForm.fmt(b));
        }
        return s.toString();
    }
}
