package org.ceportal.directory.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.ceportal.directory.api.NewUnit;
import org.ceportal.platform.api.FieldError;
import org.ceportal.platform.api.ProblemException;

/** Reads the unit CSV format {@code region_code,name,kind,departments} with Apache Commons CSV. */
final class UnitCsv {
    static final String[] HEADER = {"region_code", "name", "kind", "departments"};
    static final int MAX_ROWS = 20_000;

    private UnitCsv() {
    }

    /** One data row and its line number in the file. */
    record Row(long line, NewUnit unit) {
    }

    static List<Row> parse(Reader reader) {
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true).get();
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new BomSkippingReader(reader), format)) {
            List<String> header = parser.getHeaderNames();
            if (!header.equals(Arrays.asList(HEADER))) {
                throw ProblemException.invalid("file", "CSV 首行必须是 " + String.join(",", HEADER));
            }
            for (CSVRecord record : parser) {
                if (rows.size() >= MAX_ROWS) {
                    throw ProblemException.invalid("file", "一次最多导入 " + MAX_ROWS + " 个单位");
                }
                if (!record.isConsistent()) {
                    String message = "第 " + (record.getRecordNumber() + 1) + " 行应有 4 列";
                    throw new ProblemException(400, "validation_failed", message, List.of(new FieldError("file", message)));
                }
                String departments = record.get("departments");
                List<String> names = departments.isBlank() ? List.of() : Arrays.asList(departments.split("\\|"));
                rows.add(new Row(record.getRecordNumber() + 1,
                        new NewUnit(record.get("region_code"), record.get("name"), record.get("kind"), names)));
            }
        } catch (IOException | UncheckedIOException e) {
            throw ProblemException.invalid("file", "CSV 文件无法读取：格式错误");
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw ProblemException.invalid("file", "CSV 文件格式错误");
        }
        return rows;
    }

    /** Drops a UTF-8 byte order mark that spreadsheet programs write. */
    private static final class BomSkippingReader extends java.io.FilterReader {
        private boolean first = true;

        BomSkippingReader(Reader in) {
            super(new java.io.PushbackReader(in, 1));
        }

        @Override
        public int read() throws IOException {
            skipBom();
            return super.read();
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            skipBom();
            return super.read(buf, off, len);
        }

        private void skipBom() throws IOException {
            if (first) {
                first = false;
                java.io.PushbackReader p = (java.io.PushbackReader) in;
                int c = p.read();
                if (c != -1 && c != '\uFEFF') {
                    p.unread(c);
                }
            }
        }
    }
}
