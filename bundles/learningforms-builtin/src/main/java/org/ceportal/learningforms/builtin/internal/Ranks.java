package org.ceportal.learningforms.builtin.internal;

import java.math.BigDecimal;
import java.util.List;

/** Rank tables: who may declare, and how messages name the limit. */
final class Ranks {
    private static final String NUMERALS = "一两三四五六七八九十";

    private Ranks() {
    }

    /** The figure for a rank (1-based), or null if the table stops before it. */
    static BigDecimal figure(List<BigDecimal> table, int rank) {
        return rank >= 1 && rank <= table.size() ? table.get(rank - 1) : null;
    }

    /** 「前三名」 for 3, 「前两名」 for 2: the zh-CN phrase for the first n ranks. */
    static String top(int n) {
        return "前" + (n >= 1 && n <= NUMERALS.length() ? String.valueOf(NUMERALS.charAt(n - 1)) : String.valueOf(n)) + "名";
    }
}
