package org.ceportal.review.internal;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

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
import org.ceportal.platform.api.FieldError;
import org.ceportal.platform.api.ItemList;
import org.ceportal.platform.api.Page;
import org.ceportal.platform.api.PageRequest;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.audit.AuditSearch;
import org.ceportal.platform.security.Access;
import org.ceportal.platform.security.Caller;
import org.ceportal.platform.security.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code /api/review/audit}: the audit log for reviewers. A unit admin sees the records
 * of their unit's accounts (their own decisions, their people's logins, declarations,
 * uploads); ops see everything. Searchable by person, action and date range, and
 * exported as CSV (UTF-8 with a byte-order mark, so that Excel reads the Chinese).
 */
@Component(service = AuditResource.class)
@JakartarsResource
@JSONRequired
@Path("review/audit")
@Produces(MediaType.APPLICATION_JSON)
public final class AuditResource {
    private static final int EXPORT_PAGE = 1000;
    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final AuditSearch audit;
    private final int maxExportRows;
    private final ZoneId zone;

    @Activate
    public AuditResource(@Reference ReviewComponent review, @Reference AuditSearch audit) {
        this.audit = audit;
        this.maxExportRows = review.maxExportRows();
        this.zone = review.zone();
    }

    @GET
    public Page<AuditSearch.Entry> search(@Context ContainerRequestContext request, @QueryParam("person") String person,
            @QueryParam("action") String action, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        return audit.search(query(reviewer(request), person, action, from, to), PageRequest.parse(page, size, 20, 200));
    }

    /** The actions with their zh-CN names, for the filter. */
    @GET
    @Path("actions")
    public ItemList<AuditSearch.Action> actions(@Context ContainerRequestContext request) {
        reviewer(request);
        return ItemList.of(audit.actions());
    }

    @GET
    @Path("export")
    @Produces("text/csv")
    public Response export(@Context ContainerRequestContext request, @QueryParam("person") String person,
            @QueryParam("action") String action, @QueryParam("from") String from, @QueryParam("to") String to) {
        AuditSearch.Query q = query(reviewer(request), person, action, from, to);
        long total = audit.search(q, new PageRequest(0, 1)).getTotal();
        if (total > maxExportRows) {
            throw ProblemException.invalid("from", "符合条件的记录有 " + total + " 条，超过一次导出的上限 " + maxExportRows
                    + " 条，请缩小日期范围");
        }
        StreamingOutput csv = out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write('\uFEFF');
            try (CSVPrinter p = new CSVPrinter(w, CSVFormat.EXCEL.builder()
                    .setHeader("时间", "姓名", "账号", "操作", "对象", "结果", "IP 地址").get())) {
                for (int page = 0; (long) page * EXPORT_PAGE < total; page++) {
                    for (AuditSearch.Entry e : audit.search(q, new PageRequest(page, EXPORT_PAGE)).getItems()) {
                        p.printRecord(CSV_TIME.format(e.at().atZone(zone)), cell(e.actorName()), cell(e.actorLogin()),
                                cell(e.actionName()), cell(e.subject()), cell(e.outcomeName()), cell(e.address()));
                    }
                }
            }
        };
        String name = "audit-" + LocalDate.now(zone) + ".csv";
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    /** A text as a spreadsheet cell: one that a spreadsheet would take for a formula gets a leading apostrophe. */
    static String cell(String text) {
        return org.ceportal.platform.api.Downloads.spreadsheetCell(text);
    }

    private AuditSearch.Query query(Caller reviewer, String person, String action, String from, String to) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate f = date("from", from, errors);
        LocalDate t = date("to", to, errors);
        if (f != null && t != null && t.isBefore(f)) {
            errors.add(new FieldError("to", "结束日期不能早于开始日期"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Instant start = f == null ? null : f.atStartOfDay(zone).toInstant();
        Instant end = t == null ? null : t.plusDays(1).atStartOfDay(zone).toInstant();
        // a unit admin's view is their unit's, whatever the request says
        Long unit = reviewer.role() == Role.OPS ? null : reviewer.unitId();
        return new AuditSearch.Query(unit, person, action, start, end);
    }

    private static LocalDate date(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "日期格式应为 YYYY-MM-DD"));
            return null;
        }
    }

    private static Caller reviewer(ContainerRequestContext request) {
        Caller c = Access.require(request, Role.UNIT_ADMIN, Role.OPS);
        if (c.role() == Role.UNIT_ADMIN && c.unitId() == null) {
            throw ProblemException.forbidden();
        }
        return c;
    }
}
