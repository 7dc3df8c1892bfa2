package org.ceportal.attachments.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ceportal.attachments.api.AttachmentService.ZipItem;
import org.junit.Test;

/** A reviewer opens the files of a ZIP proof one by one. */
public class ZipEntriesTest {
    private final ZipEntries entries = new ZipEntries(new ContentInspector(new Limits(10 << 20, 50, 100 << 20, 5000)));

    private static Path stored(Map<String, byte[]> content, Charset names) throws Exception {
        Path f = Files.createTempFile("entries", ".zip");
        Files.write(f, Samples.zip(content, names));
        f.toFile().deleteOnExit();
        return f;
    }

    @Test
    public void theFilesAreListedWithoutFoldersInTheArchivesOrderAndOpenOneByOne() throws Exception {
        Map<String, byte[]> content = new LinkedHashMap<>();
        content.put("证书/", new byte[0]);
        content.put("证书/培训证书.pdf", Samples.pdf("one"));
        content.put("成绩单.pdf", Samples.pdf("two"));
        Path zip = stored(content, java.nio.charset.StandardCharsets.UTF_8);
        List<ZipItem> items = entries.list(zip);
        assertEquals(List.of("培训证书.pdf", "成绩单.pdf"), items.stream().map(ZipItem::name).toList());
        assertEquals("application/pdf", items.get(1).mediaType());
        assertEquals(1, items.get(1).index());
        ZipEntries.Opened second = entries.open(zip, 1);
        try (InputStream in = second.stream()) {
            assertEquals(new String(Samples.pdf("two"), java.nio.charset.StandardCharsets.ISO_8859_1),
                    new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        assertNull(entries.open(zip, 2));
        assertNull(entries.open(zip, -1));
    }

    @Test
    public void windowsGbkNamesAreReadAsAtUpload() throws Exception {
        Map<String, byte[]> content = new LinkedHashMap<>();
        content.put("继续教育证书.pdf", Samples.pdf("gbk"));
        List<ZipItem> items = entries.list(stored(content, Charset.forName("GBK")));
        assertEquals("继续教育证书.pdf", items.get(0).name());
    }
}
