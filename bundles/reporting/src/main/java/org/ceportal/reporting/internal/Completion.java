package org.ceportal.reporting.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import org.ceportal.declarations.api.CountedDeclaration;

/**
 * The yearly completion of one person, computed from their approved declarations: each
 * counts only in its 计入年度 (nothing carries over), only when of the kind the year's
 * rule counts (学时 — 继续教育基地学时 included — or 学分), and a learning form's yearly cap cuts what goes beyond it.
 * Pending hours are reported beside, never counted.
 */
final class Completion {

    private Completion() {
    }

    /** Hours by category. */
    record Hours(BigDecimal total, BigDecimal general, BigDecimal professional) {
        static final Hours NONE = new Hours(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** One year: what the rule asks, what was approved and counted, what still waits; {@code metName} for the pages. */
    record Year(int year, String unit, Hours required, Hours approved, BigDecimal pending, Boolean met, String metName) {
        Year(int year, String unit, Hours required, Hours approved, BigDecimal pending, Boolean met) {
            this(year, unit, required, approved, pending, met, Completion.metName(met));
        }
    }

    /** 达标, 未达标, or 无要求 when no rule applies to the year. */
    static String metName(Boolean met) {
        return met == null ? "无要求" : met ? "达标" : "未达标";
    }

    /** 继续历程明细: one counted declaration. */
    record Item(long declarationId, Instant decidedAt, String formName, String title, String category, String categoryName,
                BigDecimal approvedHours, BigDecimal countedHours, String capNote) {
    }

    /** A year in detail. */
    record Detail(Year year, List<Item> items) {
    }

    /**
     * @param years    the years to report, oldest first
     * @param rules    the rule of a year, or null when none applies
     * @param approved the person's approved declarations
     * @param pending  hours waiting for review by year and kind
     */
    static List<Detail> of(List<Integer> years, IntFunction<Rule> rules, List<CountedDeclaration> approved,
            Map<Integer, Map<String, BigDecimal>> pending) {
        List<Detail> out = new ArrayList<>();
        for (int year : years) {
            Rule rule = rules.apply(year);
            String kind = rule == null ? "HOURS" : rule.kind();
            Map<String, BigDecimal> usedOfForm = new HashMap<>();
            List<Item> items = new ArrayList<>();
            BigDecimal general = BigDecimal.ZERO;
            BigDecimal professional = BigDecimal.ZERO;
            for (CountedDeclaration d : approved) {
                if (d.year() != year || !kind.equals(family(d.kind()))) {
                    continue;
                }
                BigDecimal counted = d.approvedHours();
                String note = null;
                if (d.maxPerYear() != null) {
                    BigDecimal used = usedOfForm.getOrDefault(d.formId(), BigDecimal.ZERO);
                    BigDecimal room = d.maxPerYear().subtract(used).max(BigDecimal.ZERO);
                    if (counted.compareTo(room) > 0) {
                        note = "「" + d.formName() + "」每年最多计 " + plain(d.maxPerYear()) + " " + unit(kind) + "，超出的 "
                                + plain(counted.subtract(room)) + " " + unit(kind) + "不计入";
                        counted = room;
                    }
                    usedOfForm.put(d.formId(), used.add(counted));
                }
                if ("GENERAL".equals(d.category())) {
                    general = general.add(counted);
                } else {
                    professional = professional.add(counted);
                }
                items.add(new Item(d.id(), d.decidedAt(), d.formName(), d.title(), d.category(), d.categoryName(),
                        d.approvedHours(), counted, note));
            }
            Hours got = new Hours(general.add(professional), general, professional);
            Hours required = rule == null ? null : new Hours(rule.total(), rule.general(), rule.professional());
            Boolean met = required == null ? null
                    : got.total().compareTo(required.total()) >= 0 && got.general().compareTo(required.general()) >= 0
                            && got.professional().compareTo(required.professional()) >= 0;
            BigDecimal waiting = BigDecimal.ZERO;
            for (Map.Entry<String, BigDecimal> p : pending.getOrDefault(year, Map.of()).entrySet()) {
                if (kind.equals(family(p.getKey()))) {
                    waiting = waiting.add(p.getValue());
                }
            }
            out.add(new Detail(new Year(year, unit(kind), required, got, waiting, met), items));
        }
        return out;
    }

    /** 继续教育基地学时 are 学时: they count towards an HOURS requirement like any other approved hours. */
    static String family(String kind) {
        return "CREDITS".equals(kind) ? "CREDITS" : "HOURS";
    }

    private static String unit(String kind) {
        return "CREDITS".equals(kind) ? "学分" : "学时";
    }

    /** An amount as people write it (24, 12.5), or {@code none} when there is no amount. */
    static String plain(BigDecimal b, String none) {
        return b == null ? none : b.stripTrailingZeros().toPlainString();
    }

    private static String plain(BigDecimal b) {
        return plain(b, "");
    }
}
