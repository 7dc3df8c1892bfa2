package org.ceportal.reporting.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.core.Response;

import org.ceportal.platform.api.FieldError;
import org.ceportal.platform.api.Page;
import org.ceportal.platform.api.PageRequest;
import org.ceportal.platform.api.ProblemException;

/**
 * A unit's report as the unit admin and provincial ops read it: the query's checks, the people
 * list filtered, sorted and paged, and its download (CSV or Excel). Which unit is the caller's
 * business: the unit admin's own, or the one ops drilled down to.
 */
final class UnitReportViews {
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    static final String RULE_TEXT = "每人按其职称系列当年适用的学时（学分）要求：合计、公需科目、专业科目均达到要求为达标";
    private static final int MAX_QUERY = 30;

    private UnitReportViews() {
    }

    /** The report with one page of people. */
    public record Report(int year, long unitId, String unitName, Instant generatedAt, List<Integer> years,
                         UnitReports.Summary summary, List<UnitReports.Share> byDepartment,
                         List<UnitReports.Share> byTitleLevel, Page<UnitReports.Line> people) {
    }

    /** What the list is filtered and sorted by. */
    record Filter(int year, Long departmentId, Boolean met, String q, UnitReports.Sort sort, boolean descending) {
    }

    static Report report(UnitReports reports, long unitId, Filter f, PageRequest paging) {
        UnitReports.Computed c = reports.compute(unitId, f.year());
        List<UnitReports.Line> lines = select(c.lines(), f);
        int from = (int) Math.min(paging.offset(), lines.size());
        int to = Math.min(from + paging.size(), lines.size());
        return new Report(c.year(), c.unitId(), c.unitName(), c.generatedAt(), c.years(), c.summary(), c.byDepartment(),
                c.byTitleLevel(), new Page<>(List.copyOf(lines.subList(from, to)), lines.size(), paging));
    }

    /** The whole filtered list; the first lines say which unit, year and rules, and when it was made. */
    static Response download(UnitReports reports, long unitId, Filter f, Table.Format format) {
        UnitReports.Computed c = reports.compute(unitId, f.year());
        List<UnitReports.Line> lines = select(c.lines(), f);
        String unit = c.unitName() == null ? String.valueOf(c.unitId()) : c.unitName();
        return Table.download(format, c.year() + "年度单位统计-" + unit, "单位统计", t -> {
            t.row("单位", unit, "年度", c.year(), "生成时间", WHEN.format(c.generatedAt().atZone(CompletionService.CHINA)));
            t.row("达标规则", RULE_TEXT);
            t.row("姓名", "部门", "职称", "单位", "公需科目", "专业科目", "合计", "要求合计", "要求公需", "要求专业", "是否达标");
            for (UnitReports.Line l : lines) {
                t.row(l.name(), l.departmentName(), l.titleName(), l.unit(), l.approved().general(),
                        l.approved().professional(), l.approved().total(),
                        l.required() == null ? null : l.required().total(),
                        l.required() == null ? null : l.required().general(),
                        l.required() == null ? null : l.required().professional(), l.metName());
            }
        });
    }

    static List<UnitReports.Line> select(List<UnitReports.Line> all, Filter f) {
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
        Comparator<UnitReports.Line> order = f.sort().order();
        out.sort(f.descending() ? order.reversed() : order);
        return out;
    }

    /** The year of a report: one of the last {@link UnitReports#YEARS}, this one when not given. */
    static int year(List<Integer> years, String year, List<FieldError> errors) {
        int y = year == null || year.isBlank() ? years.get(0) : Years.parse(year);
        if (!years.contains(y)) {
            errors.add(new FieldError("year", "年度只能是 " + years.get(years.size() - 1) + " 至 " + years.get(0) + " 年"));
        }
        return y;
    }

    /** {@code asc} (or nothing) or {@code desc}. */
    static boolean descending(String dir, List<FieldError> errors) {
        String d = dir == null ? "" : dir.strip().toLowerCase(Locale.ROOT);
        if (!d.isEmpty() && !"asc".equals(d) && !"desc".equals(d)) {
            errors.add(new FieldError("dir", "排序方向只能是 asc 或 desc"));
        }
        return "desc".equals(d);
    }

    /** A search text, stripped; null when blank. */
    static String query(String q, List<FieldError> errors) {
        String query = q == null || q.isBlank() ? null : q.strip();
        if (query != null && query.length() > MAX_QUERY) {
            errors.add(new FieldError("q", "搜索内容不能超过 " + MAX_QUERY + " 个字"));
        }
        return query;
    }

    static Filter filter(UnitReports reports, String year, String departmentId, String met, String q, String sort,
            String dir) {
        List<FieldError> errors = new ArrayList<>();
        int y = year(reports.years(), year, errors);
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
        String query = query(q, errors);
        UnitReports.Sort by = UnitReports.Sort.of(sort).orElse(null);
        if (by == null) {
            errors.add(new FieldError("sort", "不能按该列排序"));
        }
        boolean descending = descending(dir, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new Filter(y, department, metFilter, query, by, descending);
    }
}
