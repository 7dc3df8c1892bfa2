package org.ceportal.reporting.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.ceportal.accounts.api.Person;
import org.ceportal.accounts.api.Profiles;
import org.ceportal.declarations.api.CountedDeclaration;
import org.ceportal.declarations.api.DeclarationRecords;
import org.ceportal.directory.api.DirectoryService;
import org.ceportal.directory.api.Title;
import org.ceportal.platform.api.PageRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * 单位统计: a unit's people and their completion of a year, computed on the fly with the same
 * rules and the same {@link Completion} as each person's own page (a person counted 达标 here
 * is 达标 there). One read of the unit's people and one of its approved declarations.
 */
@Component(service = UnitReports.class)
public final class UnitReports {
    /** How many years back a report may look. */
    static final int YEARS = 5;
    private static final int MAX_PEOPLE = 100_000;

    /** A person's line. */
    public record Line(long accountId, String name, Long departmentId, String departmentName, String titleName,
                       String level, String levelName, String unit, Completion.Hours required, Completion.Hours approved,
                       Boolean met, String metName) {

        /** The line as a {@link Completion.Year} (pending left out), for tallies. */
        Completion.Year year() {
            return new Completion.Year(0, unit, required, approved, BigDecimal.ZERO, met, metName);
        }
    }

    /** Approved hours of one unit (学时 or 学分): never summed across units. */
    public record Totals(String unit, BigDecimal general, BigDecimal professional, BigDecimal total) {
    }

    /** The unit's year in numbers. */
    public record Summary(int people, int met, int notMet, int noRule, BigDecimal metRate, int pendingReviews,
                          List<Totals> totals) {
    }

    /** 达标 by department, title level, region or unit kind ({@code metRate} over the people with a rule). */
    public record Share(String key, String name, int people, int met, int notMet, BigDecimal metRate) {
    }

    /** Everything about a unit's year, before filtering the people list. */
    record Computed(int year, long unitId, String unitName, Instant generatedAt, List<Integer> years, Summary summary,
                    List<Share> byDepartment, List<Share> byTitleLevel, List<Line> lines) {
    }

    private final Requirements requirements;
    private final DeclarationRecords records;
    private final Profiles profiles;
    private final DirectoryService directory;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public UnitReports(@Reference Requirements requirements, @Reference DeclarationRecords records,
            @Reference Profiles profiles, @Reference DirectoryService directory) {
        this.requirements = requirements;
        this.records = records;
        this.profiles = profiles;
        this.directory = directory;
    }

    /** The years a report can be asked for, newest first. */
    List<Integer> years() {
        int now = LocalDate.now(clock.withZone(CompletionService.CHINA)).getYear();
        List<Integer> years = new ArrayList<>();
        for (int y = now; y > now - YEARS; y--) {
            years.add(y);
        }
        return years;
    }

    Computed compute(long unitId, int year) {
        List<Person> people = profiles.ofUnit(unitId, null, null, null, new PageRequest(0, MAX_PEOPLE)).getItems();
        Map<Long, List<CountedDeclaration>> approved = records.approvedInUnit(unitId, year);
        List<Rule> rules = requirements.all();
        Map<String, Optional<Title>> titles = new HashMap<>();
        List<Line> lines = new ArrayList<>(people.size());
        for (Person p : people) {
            Optional<Title> title = p.titleCode() == null ? Optional.empty()
                    : titles.computeIfAbsent(p.titleCode(), directory::title);
            Completion.Year y = yearOf(year, rules, title, approved.getOrDefault(p.accountId(), List.of()));
            lines.add(new Line(p.accountId(), p.name(), p.departmentId(), p.departmentName(), p.titleName(),
                    title.map(t -> t.level).orElse(null), title.map(t -> t.levelName).orElse("未评职称"), y.unit(),
                    y.required(), y.approved(), y.met(), y.metName()));
        }
        String unitName = directory.unit(unitId).map(u -> u.name).orElse(null);
        return new Computed(year, unitId, unitName, clock.instant(), years(), summary(lines, records.waitingInUnit(unitId)),
                shares(lines, l -> l.departmentId() == null ? "" : String.valueOf(l.departmentId()),
                        l -> l.departmentName() == null ? "未分部门" : l.departmentName()),
                shares(lines, l -> l.level() == null ? "" : l.level(), Line::levelName), lines);
    }

    /** A person's year by the rule of their title's series: the same {@link Completion} as their own page. */
    static Completion.Year yearOf(int year, List<Rule> rules, Optional<Title> title, List<CountedDeclaration> approved) {
        Rule rule = Requirements.pick(rules, year, title.map(t -> t.seriesCode).orElse(null)).orElse(null);
        return Completion.of(List.of(year), any -> rule, approved, Map.of()).get(0).year();
    }

    private static Summary summary(List<Line> lines, int pendingReviews) {
        Tally all = new Tally();
        lines.forEach(l -> all.add(l.year()));
        return all.summary(pendingReviews);
    }

    private static List<Share> shares(List<Line> lines, java.util.function.Function<Line, String> key,
            java.util.function.Function<Line, String> name) {
        Map<String, Tally> tallies = new LinkedHashMap<>();
        Map<String, String> names = new HashMap<>();
        for (Line l : lines) {
            String k = key.apply(l);
            names.putIfAbsent(k, name.apply(l));
            tallies.computeIfAbsent(k, x -> new Tally()).add(l.year());
        }
        List<Share> out = new ArrayList<>();
        tallies.forEach((k, t) -> out.add(t.share(k, names.get(k))));
        out.sort(Comparator.comparing(Share::name, names()));
        return out;
    }

    /** met / ruled to four decimals (a share: 0.8125 is 81.25 %), or null when nobody has a rule. */
    static BigDecimal rate(int met, int ruled) {
        return ruled == 0 ? null : BigDecimal.valueOf(met).divide(BigDecimal.valueOf(ruled), 4, RoundingMode.HALF_UP);
    }

    /**
     * Chinese names in pinyin order (nulls last), as people look them up; each distinct name's
     * collation key is made once, so sorting 10 000 names does not compare through the collator
     * 140 000 times. A new one for each sort: it keeps its keys and is not for sharing between threads.
     */
    static Comparator<String> names() {
        java.text.Collator collator = java.text.Collator.getInstance(Locale.CHINA);
        Map<String, java.text.CollationKey> keys = new HashMap<>();
        Comparator<String> order = Comparator.comparing(n -> keys.computeIfAbsent(n, collator::getCollationKey));
        return Comparator.nullsLast(order);
    }

    /** Sort keys of the people list. */
    enum Sort {
        NAME(() -> Comparator.comparing(Line::name, names())),
        DEPARTMENT(() -> Comparator.comparing(Line::departmentName, names())),
        TITLE(() -> Comparator.comparing(Line::titleName, names())),
        GENERAL(() -> Comparator.comparing(l -> l.approved().general())),
        PROFESSIONAL(() -> Comparator.comparing(l -> l.approved().professional())),
        TOTAL(() -> Comparator.comparing(l -> l.approved().total())),
        MET(() -> Comparator.comparing(l -> l.met() == null ? -1 : l.met() ? 1 : 0));

        private final java.util.function.Supplier<Comparator<Line>> order;

        Sort(java.util.function.Supplier<Comparator<Line>> order) {
            this.order = order;
        }

        /** A new comparator (text ones keep collation keys: one per sort). */
        Comparator<Line> order() {
            return order.get();
        }

        static Optional<Sort> of(String name) {
            try {
                return Optional.of(name == null || name.isBlank() ? NAME : valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }
}
