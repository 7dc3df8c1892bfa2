package org.ceportal.bases.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Attendance lists as files, for the tests: CSV text, real .xlsx workbooks, hostile zips. */
final class Lists {
    private Lists() {
    }

    static byte[] csv(String... lines) {
        return ("\ufeff" + String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A workbook whose first sheet holds the rows; a cell starting with {@code =} becomes a formula. */
    static byte[] xlsx(String[]... rows) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Workbook wb = new Workbook(out, "test", "1.0");
            Worksheet ws = wb.newWorksheet("学员");
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < rows[r].length; c++) {
                    String v = rows[r][c];
                    if (v.startsWith("=")) {
                        ws.formula(r, c, v.substring(1));
                    } else if (v.matches("[0-9]{1,6}(\\.[0-9]+)?")) {
                        ws.value(r, c, new java.math.BigDecimal(v));
                    } else {
                        ws.value(r, c, v);
                    }
                }
            }
            wb.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A workbook-looking zip whose sheet unpacks to {@code megabytes} MB of blanks (a few KB packed). */
    static byte[] zipBomb(int megabytes) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
                zip.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
                        .getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
                byte[] blanks = new byte[1024 * 1024];
                java.util.Arrays.fill(blanks, (byte) ' ');
                for (int i = 0; i < megabytes; i++) {
                    zip.write(blanks);
                }
                zip.closeEntry();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
