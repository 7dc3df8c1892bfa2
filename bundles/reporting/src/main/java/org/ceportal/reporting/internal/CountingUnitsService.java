package org.ceportal.reporting.internal;

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
        String series = profiles.profile(accountId).map(p -> Requirements.seriesOf(p, directory)).orElse(null);
        return Requirements.pick(requirements.all(), year, series).map(Rule::kind).orElse("HOURS");
    }
}
