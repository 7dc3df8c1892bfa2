package org.ceportal.reporting.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** People's years counted together: how many, how many 达标, and their approved hours per unit (学时, 学分). */
final class Tally {
    private int people;
    private int met;
    private int ruled;
    private final Map<String, BigDecimal[]> hours = new LinkedHashMap<>();

    void add(Completion.Year y) {
        people++;
        if (y.met() != null) {
            ruled++;
            if (y.met()) {
                met++;
            }
        }
        BigDecimal[] t = hours.computeIfAbsent(y.unit(), u -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        t[0] = t[0].add(y.approved().general());
        t[1] = t[1].add(y.approved().professional());
    }

    /** Adds another tally's people and hours. */
    void addAll(Tally other) {
        people += other.people;
        met += other.met;
        ruled += other.ruled;
        other.hours.forEach((unit, t) -> {
            BigDecimal[] mine = hours.computeIfAbsent(unit, u -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            mine[0] = mine[0].add(t[0]);
            mine[1] = mine[1].add(t[1]);
        });
    }

    int people() {
        return people;
    }

    UnitReports.Summary summary(int pendingReviews) {
        List<UnitReports.Totals> byUnit = new ArrayList<>();
        hours.forEach((unit, t) -> byUnit.add(new UnitReports.Totals(unit, t[0], t[1], t[0].add(t[1]))));
        return new UnitReports.Summary(people, met, ruled - met, people - ruled, UnitReports.rate(met, ruled),
                pendingReviews, byUnit);
    }

    UnitReports.Share share(String key, String name) {
        return new UnitReports.Share(key, name, people, met, ruled - met, UnitReports.rate(met, ruled));
    }
}
