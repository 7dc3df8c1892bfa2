package org.ceportal.attachments.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.ceportal.platform.api.ProblemException;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ContentInspectorTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final ContentInspector inspector = new ContentInspector(Limits.DEFAULTS);

    @Test
    public void scansAreRecognisedByTheirBytes() throws IOException {
        assertEquals("image/png", inspector.inspect(file(Samples.png())));
        assertEquals("image/jpeg", inspector.inspect(file(Samples.jpeg())));
        assertEquals("application/pdf", inspector.inspect(file(Samples.pdf())));
        assertEquals("application/zip", inspector.inspect(file(Samples.zip(Samples.entries("a.png", Samples.png(), "b.jpg", Samples.jpeg())))));
    }

    @Test
    public void otherContentIsRefused() throws IOException {
        refused(415, "unsupported_type", Samples.gzip(Samples.pdf()));
        refused(415, "unsupported_type", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes());
        refused(415, "unsupported_type", "GIF89a....".getBytes());
        refused(415, "unsupported_type", "MZ\u0090\u0000".getBytes());
    }

    @Test
    public void theRatioGuardAppliesPerEntryEvenWhenTheTotalIsGenerous() throws IOException {
        // one entry of 1 MB of zeros (packed ~1 KB): far above 100:1 although well under 100 MB
        refused(422, "zip_too_large", Samples.zipBomb("a.pdf", 1 << 20));
        // the same with a ratio that allows it
        ContentInspector generous = new ContentInspector(new Limits(10 << 20, 50, 100 << 20, 5000));
        assertEquals("application/zip", generous.inspect(file(Samples.zipBomb("a.pdf", 1 << 20))));
    }

    @Test
    public void aZipRefusalSaysWhichFileAndWhatItIs() throws IOException {
        byte[] docx = Samples.zip(Samples.entries("word/document.xml", "<w:document/>".getBytes()));
        ProblemException word = refusal(Samples.zip(Samples.entries("证书.pdf", Samples.pdf(), "培训总结.docx", docx)));
        assertEquals("zip_content", word.code());
        assertEquals("压缩包内的「培训总结.docx」是 Word 文档，压缩包内只能放 JPG、PNG、PDF 文件，请先另存为 PDF", word.getMessage());
        ProblemException nested = refusal(Samples.zip(Samples.entries("扫描件.zip", Samples.zip(Samples.entries("a.pdf",
                Samples.pdf())))));
        assertEquals("nested_archive", nested.code());
        assertEquals("压缩包内的「扫描件.zip」也是压缩包，压缩包内不能再含压缩包，请解压后只放 JPG、PNG、PDF 文件", nested.getMessage());
        assertEquals("压缩包内的「说明.txt」不是 JPG、PNG、PDF 文件，压缩包内只能放 JPG、PNG、PDF 文件",
                refusal(Samples.zip(Samples.entries("目录/说明.txt", "培训说明".getBytes()))).getMessage());
    }

    @Test
    public void entryPathsAreChecked() {
        for (String bad : new String[] {"/etc/x.pdf", "\\x.pdf", "C:\\x.pdf", "c:x.pdf", "../x.pdf", "a/../../x.pdf",
                "a\\..\\x.pdf", "a/..", "", "a\u0000.pdf"}) {
            try {
                ContentInspector.checkPath(bad);
                fail("accepted " + bad);
            } catch (ProblemException p) {
                assertEquals("zip_path", p.code());
            }
        }
        for (String good : new String[] {"x.pdf", "证书/扫描件.pdf", "a/b/c.pdf", "..x.pdf", "a/...pdf", "a/"}) {
            ContentInspector.checkPath(good);
        }
    }

    private void refused(int status, String code, byte[] content) throws IOException {
        try {
            inspector.inspect(file(content));
            fail("accepted");
        } catch (ProblemException p) {
            assertEquals(status, p.status());
            assertEquals(code, p.code());
        }
    }

    private ProblemException refusal(byte[] content) throws IOException {
        try {
            inspector.inspect(file(content));
            throw new AssertionError("accepted");
        } catch (ProblemException p) {
            return p;
        }
    }

    private Path file(byte[] content) throws IOException {
        Path f = tmp.newFile().toPath();
        Files.write(f, content);
        return f;
    }
}
