package org.ceportal.reporting.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.ceportal.accounts.api.Profile;
import org.ceportal.accounts.api.Profiles;
import org.ceportal.declarations.api.DeclarationRecords;
import org.ceportal.directory.api.DirectoryService;
import org.ceportal.platform.api.ItemList;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.security.Access;
import org.ceportal.platform.security.Caller;
import org.ceportal.platform.security.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/** {@code /api/me/completion}: 年度完成情况 and 继续历程明细 of the logged-in professional. */
@Component(service = CompletionResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JSONRequired
@Path("me/completion")
@Produces(MediaType.APPLICATION_JSON)
public final class CompletionResource {
    /** Which year it is: in China (23:30 on 31 December in Henan is still that year). */
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Requirements requirements;
    private final DeclarationRecords records;
    private final Profiles profiles;
    private final DirectoryService directory;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public CompletionResource(@Reference Requirements requirements, @Reference DeclarationRecords records,
            @Reference Profiles profiles, @Reference DirectoryService directory) {
        this.requirements = requirements;
        this.records = records;
        this.profiles = profiles;
        this.directory = directory;
    }

    @GET
    public ItemList<Completion.Year> years(@Context ContainerRequestContext request) {
        List<Completion.Detail> all = compute(me(request), null);
        List<Completion.Year> newestFirst = new ArrayList<>(all.stream().map(Completion.Detail::year).toList());
        java.util.Collections.reverse(newestFirst);
        return ItemList.of(newestFirst);
    }

    @GET
    @Path("{year}")
    public Completion.Detail year(@Context ContainerRequestContext request, @PathParam("year") String year) {
        int y;
        try {
            y = Integer.parseInt(year);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("year_not_found", "没有该年度的记录");
        }
        List<Completion.Detail> one = compute(me(request), y);
        if (one.isEmpty()) {
            throw ProblemException.notFound("year_not_found", "没有该年度的记录");
        }
        return one.get(0);
    }

    /** Every year from registration (or the first record, if earlier) to this year; or just {@code only}. */
    private List<Completion.Detail> compute(Caller me, Integer only) {
        Profile p = profiles.profile(me.accountId())
                .orElseThrow(() -> ProblemException.notFound("profile_not_found", "未找到个人资料"));
        int thisYear = LocalDate.now(clock.withZone(CHINA)).getYear();
        int from = p.registeredOn() == null ? thisYear : Integer.parseInt(p.registeredOn().substring(0, 4));
        Integer first = records.firstYear(me.accountId());
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
        String series = p.titleCode() == null ? null : directory.title(p.titleCode()).map(t -> t.seriesCode).orElse(null);
        List<Rule> rules = requirements.all();
        return Completion.of(years, y -> Requirements.pick(rules, y, series).orElse(null),
                records.approved(me.accountId()), records.pendingByYear(me.accountId()));
    }

    private static Caller me(ContainerRequestContext request) {
        return Access.require(request, Role.PROFESSIONAL);
    }
}
