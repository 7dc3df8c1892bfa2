package org.ceportal.attachments.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class FileNamesTest {

    @Test
    public void contentDispositionCannotBeBrokenOutOf() {
        String header = FileNames.contentDisposition("证书 \"a\"\r\n.pdf");
        assertEquals("attachment; filename=\"__ _a___.pdf\"; filename*=UTF-8''%E8%AF%81%E4%B9%A6%20%22a%22%0D%0A.pdf", header);
        assertTrue("only printable ASCII", header.chars().allMatch(c -> c >= 0x20 && c < 0x7f));
    }

    @Test
    public void contentDispositionKeepsSafeAsciiAndEscapesTheRest() {
        assertEquals("attachment; filename=\"a_b_c_d.pdf\"; filename*=UTF-8''a%5Cb%25c%3Bd.pdf",
                FileNames.contentDisposition("a\\b%c;d.pdf"));
        assertEquals("attachment; filename=\"report-2025_v1.pdf\"; filename*=UTF-8''report-2025_v1.pdf",
                FileNames.contentDisposition("report-2025_v1.pdf"));
        assertEquals("attachment; filename=\"attachment\"; filename*=UTF-8''attachment", FileNames.contentDisposition(""));
    }

    @Test
    public void displayNamesLoseTheirPathsAndInvisibleCharacters() {
        assertEquals("证书.pdf", FileNames.display("../../etc/证书.pdf", "application/pdf"));
        assertEquals("证书.pdf", FileNames.display("C:\\fakepath\\证书.pdf", "application/pdf"));
        assertEquals("ab.pdf", FileNames.display("a\u0000\r\nb.pdf", "application/pdf"));
        // a right-to-left override would show "scan‮fdp.exe" as "scanexe.pdf"
        assertEquals("scanfdp.exe.pdf", FileNames.display("scan\u202efdp.exe", "application/pdf"));
        assertEquals("hidden.pdf", FileNames.display("  ...hidden.pdf. ", "application/pdf"));
        assertEquals("继续教育 证书.jpg", FileNames.display("继续教育 证书.jpg", "image/jpeg"));
        assertEquals("scan.JPEG", FileNames.display("scan.JPEG", "image/jpeg"));
    }

    @Test
    public void displayNamesMatchTheContent() {
        assertEquals("scan.jpg.pdf", FileNames.display("scan.jpg", "application/pdf"));
        assertEquals("page.html.png", FileNames.display("page.html", "image/png"));
        assertEquals("证书.zip", FileNames.display("证书", "application/zip"));
        assertEquals("附件.pdf", FileNames.display(null, "application/pdf"));
        assertEquals("附件.jpg", FileNames.display("\u0001\u0002", "image/jpeg"));
    }

    @Test
    public void longNamesAreCutKeepingTheExtension() {
        String name = FileNames.display("证".repeat(300) + ".pdf", "application/pdf");
        assertEquals(FileNames.MAX_LENGTH, name.length());
        assertTrue(name.endsWith("证.pdf"));
        String emoji = FileNames.display("\uD83D\uDE00".repeat(150) + ".png", "image/png");
        assertTrue(emoji.length() <= FileNames.MAX_LENGTH);
        assertTrue(emoji.endsWith(".png"));
        assertFalse("no half surrogate pair", Character.isHighSurrogate(emoji.charAt(emoji.length() - 5)));
        String noExt = FileNames.display("a".repeat(300), "application/pdf");
        assertEquals(FileNames.MAX_LENGTH, noExt.length());
        assertTrue(noExt.endsWith("a.pdf"));
    }
}
