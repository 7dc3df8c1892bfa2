package org.ceportal.reporting.internal;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.ceportal.platform.api.Downloads;
import org.ceportal.platform.api.FieldError;
import org.ceportal.platform.api.Page;
import org.ceportal.platform.api.PageRequest;
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

/**
 * {@code /api/unit/reports/completion[.csv]}: 单位统计报表 of the unit admin's own unit (the
 * unit comes from the caller, never from the request), its people list with filters, sorting
 * and paging, and the whole filtered list as CSV (UTF-8 with a BOM, so Excel opens it).
 */
@Component(service = UnitReportResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JSONRequired
@Path("unit/reports")
public final class UnitReportResource {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final int MAX_QUERY = 30;

    private final UnitReports reports;

    @Activate
    public UnitReportResource(@Reference UnitReports reports) {
        this.reports = reports;
    }

    /** The report with one page of people. */
    public record Report(int year, long unitId, String unitName, Instant generatedAt, List<Integer> years,
                         UnitReports.Summary summary, List<UnitReports.Share> byDepartment,
                         List<UnitReports.Share> byTitleLevel, Page<UnitReports.Line> people) {
    }

    /** What the list is filtered and sorted by. */
    private record Filter(int year, Long departmentId, Boolean met, String q, UnitReports.Sort sort, boolean descending) {
    }

    @GET
    @Path("completion")
    @Produces(MediaType.APPLICATION_JSON)
    public Report completion(@Context ContainerRequestContext request, @QueryParam("year") String year,
            @QueryParam("departmentId") String departmentId, @QueryParam("met") String met, @QueryParam("q") String q,
            @QueryParam("sort") String sort, @QueryParam("dir") String dir, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        Caller admin = admin(request);
        Filter f = filter(year, departmentId, met, q, sort, dir);
        PageRequest paging = PageRequest.parse(page, size, 20, 200);
        UnitReports.Computed c = reports.compute(admin.unitId(), f.year());
        List<UnitReports.Line> lines = select(c.lines(), f);
        int from = (int) Math.min(paging.offset(), lines.size());
        int to = Math.min(from + paging.size(), lines.size());
        return new Report(c.year(), c.unitId(), c.unitName(), c.generatedAt(), c.years(), c.summary(), c.byDepartment(),
                c.byTitleLevel(), new Page<>(List.copyOf(lines.subList(from, to)), lines.size(), paging));
    }

    /** The whole filtered list; the first lines say which unit, year and rules, and when it was made. */
    @GET
    @Path("completion.csv")
    @Produces("text/csv")
    public Response csv(@Context ContainerRequestContext request, @QueryParam("year") String year,
            @QueryParam("departmentId") String departmentId, @QueryParam("met") String met, @QueryParam("q") String q,
            @QueryParam("sort") String sort, @QueryParam("dir") String dir) {
        Caller admin = admin(request);
        Filter f = filter(year, departmentId, met, q, sort, dir);
        UnitReports.Computed c = reports.compute(admin.unitId(), f.year());
        List<UnitReports.Line> lines = select(c.lines(), f);
        StreamingOutput body = out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write('\uFEFF');
            try (CSVPrinter p = new CSVPrinter(w, CSVFormat.EXCEL)) {
                p.printRecord("单位", Downloads.spreadsheetCell(c.unitName()), "年度", c.year(), "生成时间",
                        WHEN.format(c.generatedAt().atZone(CompletionService.CHINA)));
                p.printRecord("达标规则", "每人按其职称系列当年适用的学时（学分）要求：合计、公需科目、专业科目均达到要求为达标");
                p.printRecord("姓名", "部门", "职称", "单位", "公需科目", "专业科目", "合计", "要求合计", "要求公需", "要求专业", "是否达标");
                for (UnitReports.Line l : lines) {
                    p.printRecord(Downloads.spreadsheetCell(l.name()), Downloads.spreadsheetCell(l.departmentName()),
                            Downloads.spreadsheetCell(l.titleName()), l.unit(), plain(l.approved().general()),
                            plain(l.approved().professional()), plain(l.approved().total()),
                            l.required() == null ? "" : plain(l.required().total()),
                            l.required() == null ? "" : plain(l.required().general()),
                            l.required() == null ? "" : plain(l.required().professional()),
                            l.metName());
                }
            }
        };
        String name = c.year() + "年度单位统计-" + (c.unitName() == null ? c.unitId() : c.unitName()) + ".csv";
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.disposition("attachment", name))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    private static List<UnitReports.Line> select(List<UnitReports.Line> all, Filter f) {
        List<UnitReports.Line> out = new ArrayList<>();
        for (UnitReports.Line l : all) {
            if (f.departmentId() != null && !f.departmentId().equals(l.departmentId())) {
                continue;
            }
            if (f.met() != null && !f.met().equals(l.met())) {
                continue;
            }
            if (f.q() != null && (l.name() == null || !l.name().contains(f.q()))) {
                continue;
            }
            out.add(l);
        }
        Comparator<UnitReports.Line> order = f.sort().order;
        out.sort(f.descending() ? order.reversed() : order);
        return out;
    }

    private Filter filter(String year, String departmentId, String met, String q, String sort, String dir) {
        List<FieldError> errors = new ArrayList<>();
        List<Integer> years = reports.years();
        int y = year == null || year.isBlank() ? years.get(0) : Years.parse(year);
        if (!years.contains(y)) {
            errors.add(new FieldError("year", "年度只能是 " + years.get(years.size() - 1) + " 至 " + years.get(0) + " 年"));
        }
        Long department = null;
        if (departmentId != null && !departmentId.isBlank()) {
            try {
                department = Long.valueOf(departmentId.strip());
            } catch (NumberFormatException e) {
                errors.add(new FieldError("departmentId", "请选择部门"));
            }
        }
        Boolean metFilter = null;
        if (met != null && !met.isBlank()) {
            if ("true".equals(met.strip()) || "false".equals(met.strip())) {
                metFilter = Boolean.valueOf(met.strip());
            } else {
                errors.add(new FieldError("met", "达标筛选只能是 true 或 false"));
            }
        }
        String query = q == null || q.isBlank() ? null : q.strip();
        if (query != null && query.length() > MAX_QUERY) {
            errors.add(new FieldError("q", "姓名不能超过 " + MAX_QUERY + " 个字"));
        }
        UnitReports.Sort by = UnitReports.Sort.of(sort).orElse(null);
        if (by == null) {
            errors.add(new FieldError("sort", "不能按该列排序"));
        }
        boolean descending = dir != null && "desc".equals(dir.strip().toLowerCase(Locale.ROOT));
        if (dir != null && !dir.isBlank() && !descending && !"asc".equals(dir.strip().toLowerCase(Locale.ROOT))) {
            errors.add(new FieldError("dir", "排序方向只能是 asc 或 desc"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new Filter(y, department, metFilter, query, by, descending);
    }

    private static String plain(java.math.BigDecimal b) {
        return Completion.plain(b, "");
    }

    private static Caller admin(ContainerRequestContext request) {
        Caller c = Access.require(request, Role.UNIT_ADMIN);
        if (c.unitId() == null) {
            throw ProblemException.forbidden();
        }
        return c;
    }
}
