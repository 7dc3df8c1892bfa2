package org.ceportal.reporting.internal;

import java.math.BigDecimal;

/**
 * A yearly requirement: from {@code fromYear} on (until a later rule), for people of a
 * title series (or everyone when {@code titleSeries} is null), so many hours or credits
 * in total, of which at least {@code general} 公需科目 and {@code professional} 专业科目.
 *
 * @param id           the configuration's PID (ops change a rule by it)
 * @param kind         HOURS (学时) or CREDITS (学分): only declarations of this kind count
 */
record Rule(String id, int fromYear, String titleSeries, String kind, BigDecimal total, BigDecimal general,
            BigDecimal professional) {

    String unit() {
        return "CREDITS".equals(kind) ? "学分" : "学时";
    }
}
