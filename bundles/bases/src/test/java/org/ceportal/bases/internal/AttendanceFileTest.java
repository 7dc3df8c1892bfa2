package org.ceportal.bases.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.Charset;
import java.util.List;

import org.ceportal.platform.api.ProblemException;
import org.junit.Test;

/** Reading attendance lists: both file types, the header, and the files refused as a whole. */
public class AttendanceFileTest {
    private static final AttendanceFile.Limits LIMITS = new AttendanceFile.Limits(100, 2 * 1024 * 1024);

    @Test
    public void readsCsvWithTheColumnsInAnyOrderAndSkipsBlankLines() {
        AttendanceFile.Read r = AttendanceFile.read(Lists.csv("姓名,学时,身份证号码", "张三, 12 ,41030219800101001x", ",,",
                "李四,,410302198001010029"), LIMITS);
        assertEquals(AttendanceFile.CSV, r.type());
        assertEquals(List.of(new AttendanceFile.Line(2, "41030219800101001x", "张三", "12"),
                new AttendanceFile.Line(4, "410302198001010029", "李四", "")), r.lines());
    }

    @Test
    public void readsCsvSavedByExcelOnChineseWindowsInGb18030() {
        byte[] gbk = "身份证号,姓名\r\n410302198001010029,王芳\r\n".getBytes(Charset.forName("GB18030"));
        assertEquals("王芳", AttendanceFile.read(gbk, LIMITS).lines().get(0).name());
    }

    @Test
    public void readsTheFirstSheetOfAWorkbookWithNumbersAsWritten() {
        AttendanceFile.Read r = AttendanceFile.read(Lists.xlsx(new String[] {"身份证号", "姓名", "学时"},
                new String[] {"410302198001010029", "王芳", "7.5"}, new String[] {"", "", ""},
                new String[] {"41030219800101001X", "赵六", ""}), LIMITS);
        assertEquals(AttendanceFile.XLSX, r.type());
        assertEquals(2, r.lines().size());
        assertEquals(new AttendanceFile.Line(2, "410302198001010029", "王芳", "7.5"), r.lines().get(0));
        assertEquals("41030219800101001X", r.lines().get(1).idNumber());
        assertEquals(4, r.lines().get(1).row());
    }

    @Test
    public void aListWithoutTheHeaderIsRefused() {
        assertEquals("no_header", refused(Lists.csv("410302198001010029,王芳")).code());
        assertEquals("no_header", refused(Lists.csv("")).code());
    }

    @Test
    public void aFormulaAnywhereRefusesTheWholeFile() {
        ProblemException e = refused(Lists.csv("身份证号,姓名", "410302198001010029,王芳", "410302198001010029,=HYPERLINK(\"http://x\")"));
        assertEquals("formula", e.code());
        assertTrue(e.getMessage(), e.getMessage().contains("第 3 行"));
        assertEquals("formula", refused(Lists.csv("身份证号,姓名", "@SUM(A1),王芳")).code());
        assertEquals("formula", refused(Lists.xlsx(new String[] {"身份证号", "姓名"}, new String[] {"=1+1", "王芳"})).code());
    }

    @Test
    public void negativeNumbersAreNoFormulas() {
        assertTrue(AttendanceFile.isFormula("=1"));
        assertTrue(AttendanceFile.isFormula("-cmd|' /C calc'!A0"));
        assertTrue(!AttendanceFile.isFormula("-1"));
        assertTrue(!AttendanceFile.isFormula("+12.5"));
        assertTrue(!AttendanceFile.isFormula("="));
    }

    @Test
    public void moreRowsThanAllowedAreRefused() {
        String[] lines = new String[102];
        lines[0] = "身份证号,姓名";
        for (int i = 1; i < lines.length; i++) {
            lines[i] = "410302198001010029,王芳";
        }
        ProblemException e = refused(Lists.csv(lines));
        assertEquals("too_many_rows", e.code());
        assertTrue(e.getMessage().contains("100 行"));
    }

    @Test
    public void aZipBombDisguisedAsAWorkbookIsRefusedBeforeParsing() {
        byte[] bomb = Lists.zipBomb(8);
        assertTrue("packed small: " + bomb.length, bomb.length < 64 * 1024);
        assertEquals("file_too_large", refused(bomb).code());
    }

    @Test
    public void brokenAndForeignFilesAreRefused() {
        byte[] truncated = java.util.Arrays.copyOf(Lists.xlsx(new String[] {"身份证号", "姓名"}), 200);
        assertEquals("unreadable_file", refused(truncated).code());
        byte[] xls = {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1, 0x1a, (byte) 0xe1, 0, 0};
        assertEquals("unsupported_file", refused(xls).code());
        assertEquals("unsupported_file", refused(new byte[] {'%', 'P', 'D', 'F', 0, 1, 2}).code());
        assertEquals("unsupported_file", refused("%PDF-1.4\n1 0 obj << >> endobj\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).code());
        assertEquals("unsupported_file", refused(new byte[] {'a', ',', 'b', 0x01, 0x02, '\n'}).code());
        assertEquals("empty_file", refused(new byte[0]).code());
        assertEquals("unreadable_file", refused(Lists.csv("身份证号,姓名", "\"410302198001010029,王芳")).code());
    }

    private static ProblemException refused(byte[] content) {
        try {
            AttendanceFile.read(content, LIMITS);
            fail("refused expected");
            return null;
        } catch (ProblemException e) {
            assertEquals(422, e.status());
            return e;
        }
    }
}
