package org.ceportal.reporting.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.ceportal.accounts.api.Professional;
import org.ceportal.accounts.api.Profiles;
import org.ceportal.declarations.api.CountedDeclaration;
import org.ceportal.declarations.api.DeclarationRecords;
import org.ceportal.declarations.api.OwnerApprovals;
import org.ceportal.declarations.api.YearActivity;
import org.ceportal.directory.api.DirectoryService;
import org.ceportal.directory.api.Region;
import org.ceportal.directory.api.Title;
import org.ceportal.directory.api.Unit;
import org.ceportal.directory.api.UnitKind;
import org.ceportal.platform.api.PageRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The province's year for provincial ops: every approved professional's completion, computed
 * on the fly by the same {@link Completion} as their own page, read as two cursors merged in
 * account order (the people, and the year's approved declarations by owner), so memory does
 * not grow with the province. The tallies by region, unit kind and unit are kept for a short,
 * configured time (the page says when they were made); the people list is never kept.
 */
@Component(service = ProvinceReports.class, configurationPid = ProvinceReports.PID)
@Designate(ocd = ProvinceReports.Config.class)
public final class ProvinceReports {
    static final String PID = "org.ceportal.reporting.province";

    @ObjectClassDefinition(name = "ceportal province report", description = "The provincial ops' statistics of a year")
    @interface Config {
        @AttributeDefinition(name = "Kept for (seconds)",
                description = "How long the province's tallies of a year are reused before they are computed again "
                        + "(0 = every time); each node keeps its own", min = "0")
        int cacheSeconds() default 120;
    }

    /** A unit's 达标 in the province's year. */
    public record UnitShare(long unitId, String name, String regionCode, String regionName, String kind, String kindName,
                            int people, int met, int notMet, java.math.BigDecimal metRate) {
    }

    /** The province's year in numbers. */
    record Computed(int year, Instant generatedAt, UnitReports.Summary summary, List<UnitReports.Share> regions,
                    List<UnitReports.Share> unitKinds, List<UnitShare> units, YearActivity activity) {
    }

    /** One professional's year, with where they work. */
    record PersonLine(Professional person, Unit unit, Optional<Title> title, Completion.Year year) {
    }

    private final Requirements requirements;
    private final DeclarationRecords records;
    private final Profiles profiles;
    private final DirectoryService directory;
    private final Duration keep;
    private final Clock clock = Clock.systemUTC();
    private final Map<Integer, Computed> kept = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Integer, Object> computing = new java.util.concurrent.ConcurrentHashMap<>();

    @Activate
    public ProvinceReports(@Reference Requirements requirements, @Reference DeclarationRecords records,
            @Reference Profiles profiles, @Reference DirectoryService directory, Config config) {
        this.requirements = requirements;
        this.records = records;
        this.profiles = profiles;
        this.directory = directory;
        this.keep = Duration.ofSeconds(Math.max(0, config.cacheSeconds()));
    }

    /**
     * The year's tallies, computed at most once per {@code cacheSeconds}: while one request
     * computes a year, others asking for that year wait for it, and other years are not held up.
     */
    Computed year(int year) {
        Computed c = kept.get(year);
        if (fresh(c)) {
            return c;
        }
        synchronized (computing.computeIfAbsent(year, y -> new Object())) {
            c = kept.get(year);
            if (fresh(c)) {
                return c;
            }
            c = compute(year);
            if (!keep.isZero()) {
                kept.put(year, c);
            }
            return c;
        }
    }

    private boolean fresh(Computed c) {
        return c != null && c.generatedAt().plus(keep).isAfter(clock.instant());
    }

    /** Every unit by id, with its region's and kind's names. */
    Map<Long, Unit> units() {
        Map<Long, Unit> units = new HashMap<>();
        for (Region r : directory.regions()) {
            for (Unit u : directory.units(r.code, null, new PageRequest(0, 100_000)).getItems()) {
                units.put(u.id, u);
            }
        }
        return units;
    }

    /**
     * Every approved professional's year (of one region, or all when {@code regionCode} is null),
     * in account order, handed over one at a time.
     */
    void eachPerson(int year, String regionCode, Map<Long, Unit> units, Consumer<PersonLine> each) {
        List<Rule> rules = requirements.all();
        Map<String, Optional<Title>> titles = new HashMap<>();
        try (Stream<OwnerApprovals> approvals = records.approvedInYear(year)) {
            Iterator<OwnerApprovals> it = approvals.iterator();
            OwnerApprovals[] next = {it.hasNext() ? it.next() : null};
            profiles.eachProfessional(p -> {
                while (next[0] != null && next[0].ownerId() < p.accountId()) {
                    next[0] = it.hasNext() ? it.next() : null; // someone no longer an approved professional
                }
                List<CountedDeclaration> own = next[0] != null && next[0].ownerId() == p.accountId()
                        ? next[0].declarations() : List.of();
                Unit unit = p.unitId() == null ? null : units.get(p.unitId());
                if (regionCode != null && (unit == null || !regionCode.equals(unit.regionCode))) {
                    return;
                }
                Optional<Title> title = p.titleCode() == null ? Optional.empty()
                        : titles.computeIfAbsent(p.titleCode(), directory::title);
                each.accept(new PersonLine(p, unit, title, UnitReports.yearOf(year, rules, title, own)));
            });
        }
    }

    private Computed compute(int year) {
        Map<Long, Unit> units = units();
        Tally province = new Tally();
        Map<Long, Tally> byUnit = new HashMap<>();
        eachPerson(year, null, units, line -> {
            province.add(line.year());
            if (line.unit() != null) {
                byUnit.computeIfAbsent(line.unit().id, id -> new Tally()).add(line.year());
            }
        });
        Map<String, Tally> byRegion = new LinkedHashMap<>();
        Map<String, Tally> byKind = new LinkedHashMap<>();
        List<UnitShare> unitShares = new ArrayList<>();
        byUnit.forEach((id, t) -> {
            Unit u = units.get(id);
            byRegion.computeIfAbsent(u.regionCode, r -> new Tally()).addAll(t);
            byKind.computeIfAbsent(u.kind, k -> new Tally()).addAll(t);
            UnitReports.Share s = t.share(String.valueOf(id), u.name);
            unitShares.add(new UnitShare(id, u.name, u.regionCode, u.regionName, u.kind, u.kindName, s.people(), s.met(),
                    s.notMet(), s.metRate()));
        });
        List<UnitReports.Share> regions = new ArrayList<>();
        for (Region r : directory.regions()) {
            regions.add(byRegion.getOrDefault(r.code, new Tally()).share(r.code, r.name));
        }
        List<UnitReports.Share> kinds = new ArrayList<>();
        for (UnitKind k : UnitKind.values()) {
            Tally t = byKind.remove(k.name());
            kinds.add((t == null ? new Tally() : t).share(k.name(), k.label()));
        }
        byKind.forEach((kind, t) -> kinds.add(t.share(kind, kind))); // a kind the directory does not name (older data)
        YearActivity activity = records.activity(year);
        return new Computed(year, clock.instant(), province.summary(activity.waiting()), regions, kinds,
                List.copyOf(unitShares), activity);
    }
}
