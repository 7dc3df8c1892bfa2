package org.ceportal.bases.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.ibatis.session.SqlSession;
import org.ceportal.platform.api.Downloads;
import org.ceportal.platform.api.Page;
import org.ceportal.platform.api.PageRequest;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.persistence.Store;

/**
 * 导入记录: a course's imports, each with its lines' results — a line kept for an unregistered ID
 * number says how it stands now (计入 when the registration was approved) — its file as uploaded and
 * its refused lines as a CSV to correct and upload again.
 */
final class ImportHistory {

    /** An import as its list shows it. */
    public record Summary(long id, long courseId, String fileName, String fileType, int fileSize, int rows, int declared,
                          int waiting, int refused, boolean approvedAtOnce, Instant createdAt) {
    }

    /** An import with its lines. */
    public record Detail(Summary summary, List<Imports.Line> lines, List<Imports.ResultName> results) {
    }

    private final Store store;

    ImportHistory(Store store) {
        this.store = store;
    }

    Page<Summary> list(long baseId, long courseId, PageRequest page) {
        try (SqlSession s = store.session()) {
            ImportMapper m = s.getMapper(ImportMapper.class);
            long total = m.countImports(baseId, courseId);
            List<Summary> items = page.offset() >= total ? List.of()
                    : m.imports(baseId, courseId, page.offset(), page.size()).stream().map(ImportHistory::summary).toList();
            return new Page<>(items, total, page);
        }
    }

    Detail detail(long baseId, long id) {
        try (SqlSession s = store.session()) {
            ImportMapper m = s.getMapper(ImportMapper.class);
            ImportRow row = found(m.importOf(baseId, id));
            Map<Integer, AttendeeRow> kept = new HashMap<>();
            for (AttendeeRow a : m.settledOf(id)) {
                kept.put(a.rowNo, a);
            }
            List<Imports.Line> lines = m.rowsOf(id, null).stream().map(r -> line(r, kept.get(r.rowNo))).toList();
            return new Detail(summary(row), lines, Imports.results());
        }
    }

    /** 404 unless the base has that import. */
    void requireImport(long baseId, long id) {
        try (SqlSession s = store.session()) {
            found(s.getMapper(ImportMapper.class).importOf(baseId, id));
        }
    }

    /** The file as uploaded, with its name and type. */
    ImportRow file(long baseId, long id) {
        try (SqlSession s = store.session()) {
            return found(s.getMapper(ImportMapper.class).fileOf(baseId, id));
        }
    }

    /** The refused lines as CSV (UTF-8 with a BOM, formula cells defused): the columns of the list, then why. */
    void writeRefused(long baseId, long id, OutputStream out) throws IOException {
        List<ImportLineRow> rows;
        try (SqlSession s = store.session()) {
            ImportMapper m = s.getMapper(ImportMapper.class);
            found(m.importOf(baseId, id));
            rows = m.rowsOf(id, null);
        }
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\ufeff');
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.EXCEL)) {
            p.printRecord("行号", "身份证号", "姓名", "学时", "结果", "原因");
            for (ImportLineRow r : rows) {
                AttendanceCheck.Result result = AttendanceCheck.Result.valueOf(r.result.toUpperCase(java.util.Locale.ROOT));
                if (result.refused()) {
                    p.printRecord(r.rowNo, Downloads.spreadsheetCell(r.idNumber), Downloads.spreadsheetCell(r.name),
                            Downloads.spreadsheetCell(r.hours), result.label, Downloads.spreadsheetCell(r.message));
                }
            }
        }
    }

    private static ImportRow found(ImportRow row) {
        if (row == null) {
            throw ProblemException.notFound("import_not_found", "未找到该导入记录");
        }
        return row;
    }

    private static Summary summary(ImportRow r) {
        return new Summary(r.id, r.courseId, r.fileName, r.fileType, r.fileSize, r.totalRows, r.declared, r.waiting,
                r.refused, r.approvedAtOnce, r.createdAt.toInstant());
    }

    /** A stored line; one kept for an unregistered person says what became of it since. */
    private static Imports.Line line(ImportLineRow r, AttendeeRow kept) {
        AttendanceCheck.Result result = AttendanceCheck.Result.valueOf(r.result.toUpperCase(java.util.Locale.ROOT));
        String name = result.label;
        String message = r.message;
        if (result == AttendanceCheck.Result.WAITING && kept != null && !"waiting".equals(kept.state)) {
            boolean declared = "declared".equals(kept.state);
            name = declared ? "注册后已计入" : "注册后未能计入";
            message = declared ? "已于其注册审核通过时申报，申报编号 " + kept.declarationId : kept.note;
        }
        return new Imports.Line(r.rowNo, r.idNumber, r.name, r.hours, r.result, name, message);
    }
}
