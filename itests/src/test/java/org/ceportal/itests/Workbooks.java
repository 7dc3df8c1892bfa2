package org.ceportal.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Attendance lists as the tests upload them: CSV text and small .xlsx workbooks written part by
 * part (SpreadsheetML with inline strings, as Excel and LibreOffice open them), plus the hostile
 * ones. No library: the tests run inside the container, where only the portal's bundles are.
 */
final class Workbooks {
    private Workbooks() {
    }

    static byte[] csv(List<String> lines) {
        return ("\ufeff" + String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A workbook whose first sheet holds the rows; a cell starting with {@code =} becomes a formula. */
    static byte[] xlsx(List<List<String>> rows) {
        StringBuilder sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        for (int r = 0; r < rows.size(); r++) {
            sheet.append("<row r=\"").append(r + 1).append("\">");
            for (int c = 0; c < rows.get(r).size(); c++) {
                String ref = (char) ('A' + c) + String.valueOf(r + 1);
                String v = rows.get(r).get(c);
                if (v.startsWith("=")) {
                    sheet.append("<c r=\"").append(ref).append("\"><f>").append(escape(v.substring(1))).append("</f><v>0</v></c>");
                } else {
                    sheet.append("<c r=\"").append(ref).append("\" t=\"inlineStr\"><is><t>").append(escape(v)).append("</t></is></c>");
                }
            }
            sheet.append("</row>");
        }
        sheet.append("</sheetData></worksheet>");
        return zip(new String[][] {
                {"[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                        + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                        + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                        + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                        + "</Types>"},
                {"_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                        + "</Relationships>"},
                {"xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                        + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                        + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                        + "<sheets><sheet name=\"学员\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
                {"xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                        + "</Relationships>"},
                {"xl/worksheets/sheet1.xml", sheet.toString()}}, 0);
    }

    /**
     * A workbook of {@code rows} lines of the same person under the header, written straight into the
     * zip (a million rows pack into a few MB; nothing that large is held as text).
     */
    static byte[] xlsxRows(int rows, String idNumber, String name) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
                zip.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
                        .getBytes(StandardCharsets.UTF_8));
                zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
                zip.write(("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                        + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>身份证号</t></is></c>"
                        + "<c r=\"B1\" t=\"inlineStr\"><is><t>姓名</t></is></c></row>").getBytes(StandardCharsets.UTF_8));
                // rows and cells without their optional r="…" references: all alike, so they pack tightly
                byte[] row = ("<row><c t=\"inlineStr\"><is><t>" + idNumber + "</t></is></c><c t=\"inlineStr\"><is><t>"
                        + escape(name) + "</t></is></c></row>").getBytes(StandardCharsets.UTF_8);
                for (int r = 0; r < rows; r++) {
                    zip.write(row);
                }
                zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A workbook-looking zip whose sheet unpacks to {@code megabytes} MB of blanks (a few KB packed). */
    static byte[] zipBomb(int megabytes) {
        return zip(new String[][] {{"[Content_Types].xml", "<Types/>"}, {"xl/worksheets/sheet1.xml", ""}}, megabytes);
    }

    private static byte[] zip(String[][] parts, int blankMegabytes) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                for (String[] p : parts) {
                    zip.putNextEntry(new ZipEntry(p[0]));
                    zip.write(p[1].getBytes(StandardCharsets.UTF_8));
                    byte[] blanks = new byte[1024 * 1024];
                    java.util.Arrays.fill(blanks, (byte) ' ');
                    for (int i = 0; p[0].endsWith("sheet1.xml") && i < blankMegabytes; i++) {
                        zip.write(blanks);
                    }
                    zip.closeEntry();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
