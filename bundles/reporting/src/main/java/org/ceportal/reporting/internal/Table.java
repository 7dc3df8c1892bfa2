package org.ceportal.reporting.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.ceportal.platform.api.Downloads;
import org.ceportal.platform.api.ProblemException;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * A report's rows written as they come, to CSV (UTF-8 with a BOM, so Excel opens it) or to an
 * Excel workbook (.xlsx, by fastexcel): numbers stay numbers in the workbook, texts are inline
 * strings (no shared-string table growing with the rows) and rows are flushed every
 * {@value #FLUSH_EVERY}, so memory does not grow with the report.
 */
abstract class Table implements AutoCloseable {
    static final int FLUSH_EVERY = 500;

    /** The two formats a report downloads in. */
    enum Format {
        CSV("csv", "text/csv; charset=UTF-8"),
        XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        final String extension;
        final String mediaType;

        Format(String extension, String mediaType) {
            this.extension = extension;
            this.mediaType = mediaType;
        }

        /** {@code csv} or {@code xlsx}; anything else is a 404, like an unknown path. */
        static Format of(String extension) {
            for (Format f : values()) {
                if (f.extension.equals(extension == null ? null : extension.toLowerCase(Locale.ROOT))) {
                    return f;
                }
            }
            throw ProblemException.notFound("unknown_format", "只能导出 CSV 或 Excel（.xlsx）文件");
        }
    }

    /** Writes one table. */
    @FunctionalInterface
    interface Body {
        void write(Table table) throws IOException;
    }

    /** A download of {@code name} (without extension) written by {@code body} while it is sent. */
    static Response download(Format format, String name, String sheet, Body body) {
        return Response.ok(writer(format, sheet, body), format.mediaType)
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.disposition("attachment", name + "." + format.extension))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    /** The file's bytes as {@code body} writes them, when the container asks. */
    static StreamingOutput writer(Format format, String sheet, Body body) {
        return stream -> {
            try (Table t = format == Format.CSV ? new Csv(stream) : new Xlsx(stream, sheet)) {
                body.write(t);
            }
        };
    }

    /** One row; a cell is a text, a number ({@link BigDecimal}, {@link Integer}, {@link Long}) or null (empty). */
    abstract void row(Object... cells) throws IOException;

    @Override
    public abstract void close() throws IOException;

    private static final class Csv extends Table {
        private final CSVPrinter printer;

        Csv(OutputStream out) throws IOException {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write('\uFEFF');
            printer = new CSVPrinter(w, CSVFormat.EXCEL);
        }

        @Override
        void row(Object... cells) throws IOException {
            Object[] values = new Object[cells.length];
            for (int i = 0; i < cells.length; i++) {
                Object c = cells[i];
                values[i] = c == null ? "" : c instanceof BigDecimal b ? Completion.plain(b, "")
                        : c instanceof Number ? c.toString() : Downloads.spreadsheetCell(c.toString());
            }
            printer.printRecord(values);
        }

        @Override
        public void close() throws IOException {
            printer.close(true);
        }
    }

    private static final class Xlsx extends Table {
        private final Workbook workbook;
        private final Worksheet sheet;
        private int row;

        Xlsx(OutputStream out, String sheetName) {
            workbook = new Workbook(out, "ceportal", "1.0");
            sheet = workbook.newWorksheet(sheetName);
        }

        @Override
        void row(Object... cells) throws IOException {
            for (int c = 0; c < cells.length; c++) {
                Object v = cells[c];
                if (v instanceof Number n) {
                    sheet.value(row, c, n);
                } else if (v != null) {
                    sheet.inlineString(row, c, v.toString());
                }
            }
            if (++row % FLUSH_EVERY == 0) {
                sheet.flush();
            }
        }

        @Override
        public void close() throws IOException {
            workbook.finish();
        }
    }
}
