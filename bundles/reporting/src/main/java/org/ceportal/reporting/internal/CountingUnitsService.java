package org.ceportal.reporting.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.ceportal.accounts.api.Profiles;
import org.ceportal.declarations.api.CountingUnits;
import org.ceportal.directory.api.DirectoryService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * What a person's declarations of a year count in, for the declarations bundle (学分申报):
 * the unit of that year's requirement rule for the series of the person's title — the rule
 * 年度完成情况 applies. It needs nothing of the declarations bundle but this interface, so
 * the declarations bundle can bind it without a circle of services.
 */
@Component(service = CountingUnits.class)
public final class CountingUnitsService implements CountingUnits {
    private final Requirements requirements;
    private final Profiles profiles;
    private final DirectoryService directory;

    @Activate
    public CountingUnitsService(@Reference Requirements requirements, @Reference Profiles profiles,
            @Reference DirectoryService directory) {
        this.requirements = requirements;
        this.profiles = profiles;
        this.directory = directory;
    }

    @Override
    public String unitOf(long accountId, int year) {
        List<Rule> rules = requirements.all();
        String everyone = sameForEveryone(rules, year);
        if (everyone != null) {
            return everyone; // no need to read the person's title (a base's import asks for 10 000 people)
        }
        String series = profiles.profile(accountId).map(p -> Requirements.seriesOf(p, directory)).orElse(null);
        return Requirements.pick(rules, year, series).map(Rule::kind).orElse("HOURS");
    }

    /** The unit every title series counts the year in, when they all agree (the usual case); else null. */
    static String sameForEveryone(List<Rule> rules, int year) {
        Set<String> kinds = new HashSet<>();
        kinds.add(Requirements.pick(rules, year, null).map(Rule::kind).orElse("HOURS"));
        for (Rule r : rules) {
            if (r.titleSeries() != null) {
                kinds.add(Requirements.pick(rules, year, r.titleSeries()).map(Rule::kind).orElse("HOURS"));
            }
        }
        return kinds.size() == 1 ? kinds.iterator().next() : null;
    }
}
