package org.ceportal.bases.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.ceportal.platform.api.ProblemException;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * An attendance list as a base admin uploads it: .xlsx (its first sheet, streamed by
 * fastexcel-reader) or .csv (UTF-8, or GB18030 as Excel saves it on Chinese Windows), told apart by
 * content. A header row names the columns 身份证号 and 姓名, optionally 学时, in any order. A file
 * that is not what it claims, holds a formula, has more rows than allowed or unpacks to more than
 * allowed (a zip bomb) is refused as a whole: nothing of it is used.
 */
final class AttendanceFile {
    static final String XLSX = "xlsx";
    static final String CSV = "csv";
    private static final int MAX_CELL = 200;
    private static final int MAX_ZIP_ENTRIES = 1000;
    private static final Charset GB18030 = Charset.forName("GB18030");
    /** What every .xlsx (a zip) and every old .xls (OLE2) starts with. */
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    /** PDF, PNG, JPEG, GIF, RAR, 7z: files people pick by mistake, refused by name rather than as a CSV without a header. */
    private static final byte[][] OTHER_FILES = {{'%', 'P', 'D', 'F'}, {(byte) 0x89, 'P', 'N', 'G'},
        {(byte) 0xff, (byte) 0xd8, (byte) 0xff}, {'G', 'I', 'F', '8'}, {'R', 'a', 'r', '!'}, {'7', 'z', (byte) 0xbc, (byte) 0xaf}};
    private static final byte[] OLE2 = {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1, 0x1a, (byte) 0xe1};

    /**
     * A line of the list, as written.
     *
     * @param row    its row number in the sheet (the header is usually row 1)
     * @param idNumber the 身份证号 cell
     * @param name   the 姓名 cell
     * @param hours  the 学时 cell, or blank when there is no such column or it is empty
     */
    record Line(int row, String idNumber, String name, String hours) {
    }

    /** What was read: the type and the lines after the header. */
    record Read(String type, List<Line> lines) {
    }

    /** How much a file may hold. */
    record Limits(int maxRows, long maxUnzippedBytes) {
    }

    private AttendanceFile() {
    }

    static Read read(byte[] content, Limits limits) {
        if (content.length == 0) {
            throw refused("empty_file", "文件是空的");
        }
        if (starts(content, OLE2)) {
            throw refused("unsupported_file", "不支持旧版 Excel（.xls）文件，请在 Excel 中「另存为」.xlsx 或 .csv 后再导入");
        }
        if (starts(content, ZIP)) {
            return new Read(XLSX, xlsx(content, limits));
        }
        return new Read(CSV, csv(content, limits));
    }

    private static boolean starts(byte[] content, byte[] magic) {
        return content.length >= magic.length && java.util.Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }

    private static List<Line> xlsx(byte[] content, Limits limits) {
        checkUnzipped(content, limits.maxUnzippedBytes());
        Table table = new Table(limits.maxRows());
        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(content));
             Stream<Row> rows = book.getFirstSheet().openStream()) {
            Iterator<Row> it = rows.iterator();
            while (it.hasNext()) {
                Row r = it.next();
                List<String> cells = new ArrayList<>();
                for (Cell c : r) {
                    if (c == null) {
                        cells.add("");
                        continue;
                    }
                    if (c.getType() == CellType.FORMULA || c.getFormula() != null) {
                        throw formula(r.getRowNum());
                    }
                    cells.add(text(c));
                }
                table.add(r.getRowNum(), cells);
            }
        } catch (ProblemException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw refused("unreadable_file", "无法读取该 Excel 文件，请确认它是 .xlsx 格式且未损坏（可在 Excel 中重新保存后再试）");
        }
        return table.lines();
    }

    /** A cell's text: numbers as written (an ID number kept as a number lost its last digits: said later). */
    private static String text(Cell c) {
        if (c.getType() == CellType.NUMBER) {
            String raw = c.getRawValue();
            return raw == null ? "" : raw.strip();
        }
        String t = c.getText();
        return t == null ? "" : t;
    }

    /**
     * Unpacks every entry once, counting: more than {@code max} bytes in all, or more entries than
     * any workbook has, is refused before the reader parses anything (a zip bomb disguised as .xlsx).
     */
    private static void checkUnzipped(byte[] content, long max) {
        long total = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(content)).get()) {
            for (Enumeration<ZipArchiveEntry> e = zip.getEntries(); e.hasMoreElements();) {
                ZipArchiveEntry entry = e.nextElement();
                if (++entries > MAX_ZIP_ENTRIES) {
                    throw bomb();
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    for (int n; (n = in.read(buffer)) > 0;) {
                        total += n;
                        if (total > max) {
                            throw bomb();
                        }
                    }
                }
            }
        } catch (ProblemException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw refused("unreadable_file", "无法读取该 Excel 文件，请确认它是 .xlsx 格式且未损坏（可在 Excel 中重新保存后再试）");
        }
    }

    private static List<Line> csv(byte[] content, Limits limits) {
        String text = decode(content);
        if (!looksLikeText(content, text)) {
            throw refused("unsupported_file", "只能导入 .xlsx 或 .csv 文件（Excel 的「另存为」可以存成这两种格式）");
        }
        Table table = new Table(limits.maxRows());
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).get();
        try (Reader in = new StringReader(text); CSVParser parser = CSVParser.parse(in, format)) {
            for (CSVRecord r : parser) {
                int row = Math.toIntExact(r.getRecordNumber());
                List<String> cells = new ArrayList<>(r.size());
                for (String v : r) {
                    if (isFormula(v)) {
                        throw formula(row);
                    }
                    cells.add(v);
                }
                table.add(row, cells);
            }
        } catch (ProblemException e) {
            throw e;
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw refused("unreadable_file", "无法读取该 CSV 文件：引号不配对或格式有误，请在 Excel 中重新保存为 CSV 后再试");
        }
        return table.lines();
    }

    /** Text a person could have typed: no other file's signature, no control characters but tab and line breaks. */
    private static boolean looksLikeText(byte[] content, String text) {
        for (byte[] magic : OTHER_FILES) {
            if (starts(content, magic)) {
                return false;
            }
        }
        return text.chars().noneMatch(c -> c < 0x20 && c != '\t' && c != '\r' && c != '\n' || c == 0x7f || c == 0xfffd);
    }

    /** UTF-8 (with or without a BOM) when the bytes are UTF-8, else GB18030 (Excel's CSV on Chinese Windows). */
    static String decode(byte[] content) {
        int start = content.length >= 3 && (content[0] & 0xff) == 0xef && (content[1] & 0xff) == 0xbb
                && (content[2] & 0xff) == 0xbf ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content, start, content.length - start)).toString();
        } catch (CharacterCodingException e) {
            return new String(content, GB18030);
        }
    }

    /** A cell a spreadsheet would run: {@code =…}, {@code @…}, or {@code +}/{@code -} not followed by a number. */
    static boolean isFormula(String v) {
        String s = v.strip();
        if (s.isEmpty()) {
            return false;
        }
        char c = s.charAt(0);
        if (c == '=' || c == '@') {
            return s.length() > 1;
        }
        return (c == '+' || c == '-') && s.length() > 1 && !s.substring(1).strip().matches("[0-9.]+");
    }

    /** Finds the header, then collects the lines, counting rows against the limit. */
    private static final class Table {
        private final int maxRows;
        private final List<Line> lines = new ArrayList<>();
        private int idColumn = -1;
        private int nameColumn = -1;
        private int hoursColumn = -1;
        private int rows;

        Table(int maxRows) {
            this.maxRows = maxRows;
        }

        void add(int row, List<String> cells) {
            if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                return;
            }
            if (idColumn < 0) {
                header(cells);
                return;
            }
            if (++rows > maxRows) {
                throw refused("too_many_rows", "文件超过 " + maxRows + " 行，请分成几个文件分别导入");
            }
            lines.add(new Line(row, cell(cells, idColumn), cell(cells, nameColumn), cell(cells, hoursColumn)));
        }

        private void header(List<String> cells) {
            for (int i = 0; i < cells.size(); i++) {
                String h = cells.get(i) == null ? "" : cells.get(i).replaceAll("[\\s*（）()]", "").toLowerCase(Locale.ROOT);
                if (idColumn < 0 && (h.startsWith("身份证") || h.equals("证件号码") || h.equals("公民身份号码"))) {
                    idColumn = i;
                } else if (nameColumn < 0 && h.equals("姓名")) {
                    nameColumn = i;
                } else if (hoursColumn < 0 && h.contains("学时")) {
                    hoursColumn = i;
                }
            }
            if (idColumn < 0 || nameColumn < 0) {
                throw refused("no_header", "第一行应是表头，含「身份证号」和「姓名」两列（可选「学时」列），请使用页面提供的模板");
            }
        }

        private static String cell(List<String> cells, int column) {
            if (column < 0 || column >= cells.size() || cells.get(column) == null) {
                return "";
            }
            String v = cells.get(column).strip();
            return v.length() > MAX_CELL ? v.substring(0, MAX_CELL) : v;
        }

        List<Line> lines() {
            if (idColumn < 0) {
                throw refused("no_header", "文件中没有内容：第一行应是表头，含「身份证号」和「姓名」两列（可选「学时」列）");
            }
            return lines;
        }
    }

    private static ProblemException formula(int row) {
        return refused("formula", "第 " + row + " 行含有公式。为安全起见不导入含公式的文件，请在 Excel 中复制后「选择性粘贴 → 数值」再导入");
    }

    private static ProblemException bomb() {
        return refused("file_too_large", "该 Excel 文件解压后过大，不像是一份学员名单，已拒绝导入");
    }

    static ProblemException refused(String code, String message) {
        return new ProblemException(422, code, message);
    }
}
