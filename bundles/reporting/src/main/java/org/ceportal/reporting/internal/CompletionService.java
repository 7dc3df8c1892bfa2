package org.ceportal.reporting.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ceportal.accounts.api.Profile;
import org.ceportal.accounts.api.Profiles;
import org.ceportal.declarations.api.DeclarationRecords;
import org.ceportal.directory.api.DirectoryService;
import org.ceportal.platform.api.ProblemException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * A person's 年度完成情况, computed from their approved declarations (read through the
 * declarations' exported API) and the requirement rule of each year for their title series.
 */
@Component(service = CompletionService.class)
public final class CompletionService {
    /** Which year it is: in China (23:30 on 31 December in Henan is still that year). */
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Requirements requirements;
    private final DeclarationRecords records;
    private final Profiles profiles;
    private final DirectoryService directory;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public CompletionService(@Reference Requirements requirements, @Reference DeclarationRecords records,
            @Reference Profiles profiles, @Reference DirectoryService directory) {
        this.requirements = requirements;
        this.records = records;
        this.profiles = profiles;
        this.directory = directory;
    }

    /** The person's registered data. */
    Profile profile(long accountId) {
        return profiles.profile(accountId)
                .orElseThrow(() -> ProblemException.notFound("profile_not_found", "未找到个人资料"));
    }

    /** Every year from registration (or the first record, if earlier) to this year, oldest first. */
    List<Completion.Detail> years(long accountId) {
        return compute(profile(accountId), null);
    }

    /** One year, if it is one of the person's. */
    Optional<Completion.Detail> year(Profile person, int year) {
        return compute(person, year).stream().findFirst();
    }

    private List<Completion.Detail> compute(Profile p, Integer only) {
        int thisYear = LocalDate.now(clock.withZone(CHINA)).getYear();
        int from = p.registeredOn() == null ? thisYear : Integer.parseInt(p.registeredOn().substring(0, 4));
        Integer first = records.firstYear(p.accountId());
        if (first != null) {
            from = Math.min(from, first);
        }
        List<Integer> years = new ArrayList<>();
        for (int y = from; y <= thisYear; y++) {
            if (only == null || only == y) {
                years.add(y);
            }
        }
        if (years.isEmpty()) {
            return List.of();
        }
        String series = Requirements.seriesOf(p, directory);
        List<Rule> rules = requirements.all();
        return Completion.of(years, y -> Requirements.pick(rules, y, series).orElse(null),
                records.approved(p.accountId()), records.pendingByYear(p.accountId()));
    }
}
