package org.ceportal.attachments.internal;

import static org.ceportal.attachments.internal.Samples.CONTENT_TYPE;
import static org.ceportal.attachments.internal.Samples.entries;
import static org.ceportal.attachments.internal.Samples.multipart;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.apache.ibatis.session.SqlSession;
import org.ceportal.attachments.api.Attachment;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.internal.TestStores;
import org.ceportal.platform.persistence.Store;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Uploads that are kept: the kinds of file, their names as sent, and the same file twice. */
public class UploadTest extends AttachmentTestBase {

    // ---- accepted ----------------------------------------------------------------------------

    @Test
    public void aPngIsKeptUnderAServerNameWithItsHash() throws Exception {
        byte[] png = Samples.png();
        AttachmentServiceImpl.Uploaded u = upload(ALICE, "照片.png", png);
        Attachment a = u.attachment();
        assertEquals("image/png", a.mediaType());
        assertEquals("照片.png", a.name());
        assertEquals(png.length, a.size());
        assertEquals(sha256(png), a.sha256());
        assertEquals(ALICE, a.ownerId());
        assertNull(a.declarationId());
        assertFalse(a.locked());
        assertEquals(now.get(), a.createdAt());
        assertEquals(List.of(), u.duplicates());
        List<Path> files = files();
        assertEquals(1, files.size());
        Path stored = files.get(0);
        assertArrayEquals(png, Files.readAllBytes(stored));
        assertTrue("stored as <yyyy>/<uuid>: " + root.relativize(stored),
                root.relativize(stored).toString().replace('\\', '/').matches("2026/[0-9a-f-]{36}"));
        assertEquals(1, rows());
    }

    @Test
    public void aJpegIsAccepted() throws Exception {
        Attachment a = upload(ALICE, "scan.jpeg", Samples.jpeg()).attachment();
        assertEquals("image/jpeg", a.mediaType());
        assertEquals("scan.jpeg", a.name());
    }

    @Test
    public void aPdfIsAccepted() throws Exception {
        Attachment a = upload(ALICE, "C:\\Users\\张三\\Desktop\\证书.pdf", Samples.pdf()).attachment();
        assertEquals("application/pdf", a.mediaType());
        assertEquals("path parts are dropped", "证书.pdf", a.name());
    }

    @Test
    public void aZipOfTwoPdfsIsAccepted() throws Exception {
        byte[] zip = Samples.zip(entries("证书/第一页.pdf", Samples.pdf("one"), "证书/第二页.pdf", Samples.pdf("two")));
        Attachment a = upload(ALICE, "材料.zip", zip).attachment();
        assertEquals("application/zip", a.mediaType());
        assertEquals(zip.length, a.size());
        assertEquals(1, files().size());
    }

    @Test
    public void aZipMadeByWindowsWithGbkNamesIsAccepted() throws Exception {
        byte[] zip = Samples.zip(entries("证书\\扫描件.pdf", Samples.pdf(), "照片.jpg", Samples.jpeg()), Charset.forName("GBK"));
        assertEquals("application/zip", upload(ALICE, "材料.zip", zip).attachment().mediaType());
    }

    @Test
    public void aZipMadeOnAMacWithItsResourceForksIsAccepted() throws Exception {
        byte[] zip = Samples.zip(entries("a.pdf", Samples.pdf(), "__MACOSX/", new byte[0], "__MACOSX/._a.pdf", Samples.appleDouble()));
        assertEquals("application/zip", upload(ALICE, "a.zip", zip).attachment().mediaType());
    }

    @Test
    public void theNameGetsTheExtensionOfTheContent() throws Exception {
        assertEquals("scan.jpg.pdf", upload(ALICE, "scan.jpg", Samples.pdf()).attachment().name());
        assertEquals("附件.png", upload(ALICE, null, Samples.png()).attachment().name());
    }

    // ---- multipart details -------------------------------------------------------------------------

    @Test
    public void aChineseFileNameSentAsRawUtf8IsKept() throws Exception {
        assertEquals("2025年度 继续教育证书（扫描件）.pdf", upload(ALICE, "2025年度 继续教育证书（扫描件）.pdf", Samples.pdf()).attachment().name());
    }

    @Test
    public void anRfc5987FileNameWins() throws Exception {
        byte[] body = Samples.raw("preamble\r\n--" + Samples.BOUNDARY + "\r\n",
                "content-disposition: form-data; name=file; filename=\"fallback.pdf\"; filename*=UTF-8''%E8%AF%81%E4%B9%A6.pdf\r\n",
                "\r\n");
        byte[] all = concat(body, Samples.pdf(), Samples.raw("\r\n--" + Samples.BOUNDARY + "--\r\n"));
        assertEquals("证书.pdf", service.upload(ALICE, "Multipart/Form-Data; charset=utf-8; boundary=\"" + Samples.BOUNDARY + "\"",
                new ByteArrayInputStream(all)).attachment().name());
    }

    @Test
    public void theFileIsStoredExactlyAsSent() throws Exception {
        byte[] content = Samples.randomPdf(300_000, 7);
        // bytes that look like line ends and boundaries must survive
        byte[] tricky = ("\r\n--" + Samples.BOUNDARY.substring(0, 20) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(tricky, 0, content, 1000, tricky.length);
        Attachment a = upload(ALICE, "a.pdf", content).attachment();
        assertEquals(sha256(content), a.sha256());
        assertArrayEquals(content, Files.readAllBytes(service.download(ALICE, a.id()).file()));
    }

    // ---- duplicates ------------------------------------------------------------------------------

    @Test
    public void theSameFileInAnotherDeclarationIsFlagged() throws Exception {
        byte[] pdf = Samples.pdf("same");
        long first = upload(ALICE, "a.pdf", pdf).attachment().id();
        service.attach(ALICE, 7, List.of(first));
        AttachmentServiceImpl.Uploaded again = upload(ALICE, "copy.pdf", pdf);
        assertEquals(List.of(7L), again.duplicates());
        assertEquals(List.of(), upload(ALICE, "other.pdf", Samples.pdf("different")).duplicates());
        assertEquals("another person's files do not count", List.of(), upload(BOB, "a.pdf", pdf).duplicates());
        assertEquals("its own declaration is not another one", List.of(), service.meta(ALICE, first).duplicates());
        assertEquals(List.of(7L), service.meta(ALICE, again.attachment().id()).duplicates());
        service.attach(ALICE, 8, List.of(again.attachment().id()));
        assertEquals(List.of(7L, 8L), upload(ALICE, "third.pdf", pdf).duplicates());
        assertEquals(List.of(8L), service.meta(ALICE, first).duplicates());
    }
}
