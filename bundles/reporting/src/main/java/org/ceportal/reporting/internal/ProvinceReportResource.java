package org.ceportal.reporting.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.ceportal.declarations.api.YearActivity;
import org.ceportal.directory.api.DirectoryService;
import org.ceportal.directory.api.Region;
import org.ceportal.directory.api.Unit;
import org.ceportal.platform.api.FieldError;
import org.ceportal.platform.api.Page;
import org.ceportal.platform.api.PageRequest;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.security.Access;
import org.ceportal.platform.security.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code /api/ops/reports/...}: the province's statistics for provincial ops. The dashboard of a
 * year (by region, unit kind, month and learning form), a region's units, any unit's report
 * (the unit admin's, for ops), each as CSV or Excel too, and every person of the province (or of
 * a region) as a download written while it is read.
 */
@Component(service = ProvinceReportResource.class)
@JakartarsResource
@JSONRequired
@Path("ops/reports")
public final class ProvinceReportResource {
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ProvinceReports province;
    private final UnitReports units;
    private final DirectoryService directory;

    @Activate
    public ProvinceReportResource(@Reference ProvinceReports province, @Reference UnitReports units,
            @Reference DirectoryService directory) {
        this.province = province;
        this.units = units;
        this.directory = directory;
    }

    /** The province dashboard; {@code summary.pendingReviews} counts the year's declarations still waiting. */
    public record Dashboard(int year, List<Integer> years, Instant generatedAt, UnitReports.Summary summary,
                            List<UnitReports.Share> regions, List<UnitReports.Share> unitKinds,
                            List<YearActivity.Month> months, List<YearActivity.FormUse> forms) {
    }

    /** A region's units. */
    public record RegionUnits(int year, List<Integer> years, Instant generatedAt, String regionCode, String regionName,
                              UnitReports.Share summary, Page<ProvinceReports.UnitShare> units) {
    }

    @GET
    @Path("regions")
    @Produces(MediaType.APPLICATION_JSON)
    public Dashboard regions(@Context ContainerRequestContext request, @QueryParam("year") String year) {
        ops(request);
        ProvinceReports.Computed c = province.year(year(year));
        return new Dashboard(c.year(), units.years(), c.generatedAt(), c.summary(), c.regions(), c.unitKinds(),
                c.activity().months(), c.activity().forms());
    }

    @GET
    @Path("regions.{format}")
    @Produces({"text/csv", XLSX})
    public Response regionsDownload(@Context ContainerRequestContext request, @PathParam("format") String format,
            @QueryParam("year") String year) {
        ops(request);
        Table.Format as = Table.Format.of(format);
        ProvinceReports.Computed c = province.year(year(year));
        return Table.download(as, c.year() + "年度全省统计", "全省统计", t -> {
            heading(t, "全省", c.year(), c.generatedAt());
            t.row("地区", "人数", "达标", "未达标", "达标率（%）");
            for (UnitReports.Share s : c.regions()) {
                t.row(s.name(), s.people(), s.met(), s.notMet(), percent(s.metRate()));
            }
            UnitReports.Share all = new UnitReports.Share("", "全省", c.summary().people(), c.summary().met(),
                    c.summary().notMet(), c.summary().metRate());
            t.row(all.name(), all.people(), all.met(), all.notMet(), percent(all.metRate()));
        });
    }

    @GET
    @Path("regions/{code}/units")
    @Produces(MediaType.APPLICATION_JSON)
    public RegionUnits regionUnits(@Context ContainerRequestContext request, @PathParam("code") String code,
            @QueryParam("year") String year, @QueryParam("q") String q, @QueryParam("sort") String sort,
            @QueryParam("dir") String dir, @QueryParam("page") String page, @QueryParam("size") String size) {
        ops(request);
        Region region = region(code);
        UnitQuery query = unitQuery(year, q, sort, dir);
        PageRequest paging = PageRequest.parse(page, size, 20, 200);
        ProvinceReports.Computed c = province.year(query.year());
        List<ProvinceReports.UnitShare> list = unitsOf(c, region, query);
        int from = (int) Math.min(paging.offset(), list.size());
        int to = Math.min(from + paging.size(), list.size());
        return new RegionUnits(c.year(), units.years(), c.generatedAt(), region.code, region.name,
                regionShare(c, region), new Page<>(List.copyOf(list.subList(from, to)), list.size(), paging));
    }

    @GET
    @Path("regions/{code}/units.{format}")
    @Produces({"text/csv", XLSX})
    public Response regionUnitsDownload(@Context ContainerRequestContext request, @PathParam("code") String code,
            @PathParam("format") String format, @QueryParam("year") String year, @QueryParam("q") String q,
            @QueryParam("sort") String sort, @QueryParam("dir") String dir) {
        ops(request);
        Region region = region(code);
        Table.Format as = Table.Format.of(format);
        UnitQuery query = unitQuery(year, q, sort, dir);
        ProvinceReports.Computed c = province.year(query.year());
        List<ProvinceReports.UnitShare> list = unitsOf(c, region, query);
        return Table.download(as, c.year() + "年度单位统计-" + region.name, "单位统计", t -> {
            heading(t, region.name, c.year(), c.generatedAt());
            t.row("单位", "单位性质", "人数", "达标", "未达标", "达标率（%）");
            for (ProvinceReports.UnitShare u : list) {
                t.row(u.name(), u.kindName(), u.people(), u.met(), u.notMet(), percent(u.metRate()));
            }
        });
    }

    /** Any unit's report, as its admin sees it. */
    @GET
    @Path("units/{id}/completion")
    @Produces(MediaType.APPLICATION_JSON)
    public UnitReportViews.Report unit(@Context ContainerRequestContext request, @PathParam("id") String id,
            @QueryParam("year") String year, @QueryParam("departmentId") String departmentId,
            @QueryParam("met") String met, @QueryParam("q") String q, @QueryParam("sort") String sort,
            @QueryParam("dir") String dir, @QueryParam("page") String page, @QueryParam("size") String size) {
        ops(request);
        long unitId = unitId(id);
        UnitReportViews.Filter f = UnitReportViews.filter(units, year, departmentId, met, q, sort, dir);
        return UnitReportViews.report(units, unitId, f, PageRequest.parse(page, size, 20, 200));
    }

    @GET
    @Path("units/{id}/completion.{format}")
    @Produces({"text/csv", XLSX})
    public Response unitDownload(@Context ContainerRequestContext request, @PathParam("id") String id,
            @PathParam("format") String format, @QueryParam("year") String year,
            @QueryParam("departmentId") String departmentId, @QueryParam("met") String met, @QueryParam("q") String q,
            @QueryParam("sort") String sort, @QueryParam("dir") String dir) {
        ops(request);
        long unitId = unitId(id);
        Table.Format as = Table.Format.of(format);
        UnitReportViews.Filter f = UnitReportViews.filter(units, year, departmentId, met, q, sort, dir);
        return UnitReportViews.download(units, unitId, f, as);
    }

    /**
     * Every approved professional of the province (or of {@code regionCode}) and their year, in
     * account order, written while it is read: the heap does not grow with the province.
     */
    @GET
    @Path("people.{format}")
    @Produces({"text/csv", XLSX})
    public Response people(@Context ContainerRequestContext request, @PathParam("format") String format,
            @QueryParam("year") String year, @QueryParam("regionCode") String regionCode) {
        ops(request);
        Table.Format as = Table.Format.of(format);
        int y = year(year);
        Region region = regionCode == null || regionCode.isBlank() ? null : region(regionCode.strip());
        String where = region == null ? "全省" : region.name;
        Map<Long, Unit> all = province.units();
        Map<Long, String> departments = new java.util.HashMap<>();
        return Table.download(as, y + "年度人员完成情况-" + where, "人员完成情况", t -> {
            heading(t, where, y, Instant.now());
            t.row("姓名", "地区", "单位", "部门", "职称", "单位（学时/学分）", "公需科目", "专业科目", "合计", "要求合计", "要求公需",
                    "要求专业", "是否达标");
            java.io.IOException[] failed = {null};
            province.eachPerson(y, region == null ? null : region.code, all, line -> {
                if (failed[0] != null) {
                    return;
                }
                Completion.Year c = line.year();
                Long dept = line.person().departmentId();
                try {
                    t.row(line.person().name(), line.unit() == null ? null : line.unit().regionName,
                            line.unit() == null ? null : line.unit().name,
                            dept == null ? null : departments.computeIfAbsent(dept,
                                    d -> directory.department(d).map(x -> x.name).orElse(null)),
                            line.title().map(x -> x.name).orElse(null), c.unit(), c.approved().general(),
                            c.approved().professional(), c.approved().total(),
                            c.required() == null ? null : c.required().total(),
                            c.required() == null ? null : c.required().general(),
                            c.required() == null ? null : c.required().professional(), c.metName());
                } catch (java.io.IOException e) {
                    failed[0] = e; // the client went away: stop writing, the cursors close on the way out
                }
            });
            if (failed[0] != null) {
                throw failed[0];
            }
        });
    }

    private static void heading(Table t, String where, int year, Instant at) throws java.io.IOException {
        t.row("范围", where, "年度", year, "生成时间", UnitReportViews.WHEN.format(at.atZone(CompletionService.CHINA)));
        t.row("达标规则", UnitReportViews.RULE_TEXT);
    }

    /** A rate as the percentage people read (81.25), or null. */
    private static BigDecimal percent(BigDecimal rate) {
        return rate == null ? null : rate.movePointRight(2).stripTrailingZeros();
    }

    private UnitReports.Share regionShare(ProvinceReports.Computed c, Region region) {
        return c.regions().stream().filter(s -> s.key().equals(region.code)).findFirst()
                .orElse(new Tally().share(region.code, region.name));
    }

    /** Sort keys of a region's units. */
    enum UnitSort {
        NAME(() -> Comparator.comparing(ProvinceReports.UnitShare::name, UnitReports.names())),
        KIND(() -> Comparator.comparing(ProvinceReports.UnitShare::kindName, UnitReports.names())),
        PEOPLE(() -> Comparator.comparingInt(ProvinceReports.UnitShare::people)),
        MET(() -> Comparator.comparingInt(ProvinceReports.UnitShare::met)),
        NOT_MET(() -> Comparator.comparingInt(ProvinceReports.UnitShare::notMet)),
        MET_RATE(() -> Comparator.comparing(ProvinceReports.UnitShare::metRate,
                Comparator.nullsFirst(Comparator.naturalOrder())));

        private final Supplier<Comparator<ProvinceReports.UnitShare>> order;

        UnitSort(Supplier<Comparator<ProvinceReports.UnitShare>> order) {
            this.order = order;
        }

        /** A new comparator, ties broken by unit id. */
        Comparator<ProvinceReports.UnitShare> order() {
            return order.get().thenComparingLong(ProvinceReports.UnitShare::unitId);
        }
    }

    private record UnitQuery(int year, String q, UnitSort sort, boolean descending) {
    }

    private UnitQuery unitQuery(String year, String q, String sort, String dir) {
        List<FieldError> errors = new ArrayList<>();
        int y = UnitReportViews.year(units.years(), year, errors);
        String query = UnitReportViews.query(q, errors);
        UnitSort by = UnitSort.NAME;
        if (sort != null && !sort.isBlank()) {
            try {
                by = UnitSort.valueOf(sort.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("sort", "不能按该列排序"));
            }
        }
        boolean descending = UnitReportViews.descending(dir, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new UnitQuery(y, query, by, descending);
    }

    private static List<ProvinceReports.UnitShare> unitsOf(ProvinceReports.Computed c, Region region, UnitQuery q) {
        List<ProvinceReports.UnitShare> out = new ArrayList<>();
        for (ProvinceReports.UnitShare u : c.units()) {
            if (region.code.equals(u.regionCode()) && (q.q() == null || u.name().contains(q.q()))) {
                out.add(u);
            }
        }
        Comparator<ProvinceReports.UnitShare> order = q.sort().order();
        out.sort(q.descending() ? order.reversed() : order);
        return out;
    }

    private int year(String year) {
        List<FieldError> errors = new ArrayList<>();
        int y = UnitReportViews.year(units.years(), year, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return y;
    }

    private Region region(String code) {
        return directory.region(code).orElseThrow(() -> ProblemException.notFound("region_not_found", "所选地区不存在"));
    }

    private long unitId(String id) {
        Function<String, ProblemException> missing = x -> ProblemException.notFound("unit_not_found", "未找到该单位");
        try {
            long unitId = Long.parseLong(id.strip());
            if (directory.unit(unitId).isEmpty()) {
                throw missing.apply(id);
            }
            return unitId;
        } catch (NumberFormatException e) {
            throw missing.apply(id);
        }
    }

    private static void ops(ContainerRequestContext request) {
        Access.require(request, Role.OPS);
    }
}
