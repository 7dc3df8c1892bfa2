package org.ceportal.reporting.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.ceportal.accounts.api.Profile;
import org.ceportal.directory.api.DirectoryService;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** Every configured requirement, followed as configurations come and go; picks the one for a year. */
@Component(service = Requirements.class)
public final class Requirements {

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<RequirementComponent> rules = new ArrayList<>();

    List<Rule> all() {
        return rules.stream().map(RequirementComponent::rule)
                .sorted(Comparator.comparing((Rule r) -> r.titleSeries() == null ? "" : r.titleSeries())
                        .thenComparingInt(Rule::fromYear))
                .toList();
    }

    /** The series of the person's title in force now (which rule applies), or null. */
    static String seriesOf(Profile p, DirectoryService directory) {
        return p.titleCode() == null ? null : directory.title(p.titleCode()).map(t -> t.seriesCode).orElse(null);
    }

    /** The rule of a year for a series: the series' own latest rule from that year or before, else the general one. */
    static Optional<Rule> pick(List<Rule> rules, int year, String series) {
        Comparator<Rule> latest = Comparator.comparingInt(Rule::fromYear);
        Optional<Rule> own = series == null ? Optional.empty()
                : rules.stream().filter(r -> series.equals(r.titleSeries()) && r.fromYear() <= year).max(latest);
        return own.or(() -> rules.stream().filter(r -> r.titleSeries() == null && r.fromYear() <= year).max(latest));
    }
}
