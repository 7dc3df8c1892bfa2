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
import org.ceportal.platform.upload.Multipart;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Uploads that are refused with the right answer, and nothing of them stored. */
public class UploadRefusalTest extends AttachmentTestBase {

    // ---- refused: right answer, nothing stored ---------------------------------------------------

    @Test
    public void textNamedJpgIsRefusedByContent() {
        refused(415, "unsupported_type", () -> upload(ALICE, "scan.jpg", "just some text, not an image\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    public void htmlNamedJpgIsRefusedByContent() {
        refused(415, "unsupported_type", () -> upload(ALICE, "scan.jpg",
                "<!DOCTYPE html><html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    public void anOfficeDocumentIsNotAZip() {
        byte[] docx = Samples.zip(entries("[Content_Types].xml", "<Types/>".getBytes(StandardCharsets.UTF_8), "word/document.xml", "<w/>".getBytes(StandardCharsets.UTF_8)));
        refused(415, "unsupported_type", () -> upload(ALICE, "a.zip", docx));
    }

    @Test
    public void anOversizedFileIsRefusedWith413AndTheConfiguredLimit() {
        service = service(new Limits(1024, 50, 1 << 20, 100));
        ProblemException p = refused(413, "too_large", () -> upload(ALICE, "big.pdf", Samples.randomPdf(5000, 1)));
        assertEquals("文件不能超过 1 KB", p.getMessage());
        assertEquals("文件不能超过 10 MB", Multipart.tooLarge(Limits.DEFAULTS.maxBytes()).getMessage());
    }

    @Test
    public void aFileOfExactlyTheLimitIsAccepted() throws Exception {
        service = service(new Limits(4096, 50, 1 << 20, 100));
        assertEquals(4096, upload(ALICE, "a.pdf", Samples.randomPdf(4096, 2)).attachment().size());
    }

    @Test
    public void anEmptyFileIsRefused() {
        refused(400, "empty_file", () -> upload(ALICE, "empty.pdf", new byte[0]));
    }

    @Test
    public void aZipBombTripsTheRatioGuard() {
        // 20 MB of zeros behind a PDF header, packed to some 20 KB; within zipMaxTotalBytes, far beyond the ratio
        byte[] bomb = Samples.zipBomb("bomb.pdf", 20 * 1024 * 1024);
        assertTrue(bomb.length < 100 * 1024);
        refused(422, "zip_too_large", () -> upload(ALICE, "bomb.zip", bomb));
    }

    @Test
    public void aZipBombWithLyingHeadersIsStillCaught() {
        byte[] bomb = Samples.zipBomb("bomb.pdf", 20 * 1024 * 1024);
        // claim 1000 bytes unpacked in the central directory
        for (int i = bomb.length - 22; i >= 0; i--) {
            if (bomb[i] == 'P' && bomb[i + 1] == 'K' && bomb[i + 2] == 1 && bomb[i + 3] == 2) {
                bomb[i + 24] = (byte) 0xe8;
                bomb[i + 25] = 3;
                bomb[i + 26] = 0;
                bomb[i + 27] = 0;
                break;
            }
        }
        refused(422, "zip_too_large", () -> upload(ALICE, "bomb.zip", bomb));
    }

    @Test
    public void aZipThatUnpacksBeyondTheTotalIsRefused() {
        service = service(new Limits(10 << 20, 50, 1 << 20, 100));
        byte[] zip = Samples.zip(entries("a.pdf", Samples.randomPdf(600_000, 1), "b.pdf", Samples.randomPdf(600_000, 2)));
        refused(422, "zip_too_large", () -> upload(ALICE, "two.zip", zip));
    }

    @Test
    public void aDotDotEntryIsRefused() {
        refused(422, "zip_path", () -> upload(ALICE, "evil.zip", Samples.zip(entries("ok.pdf", Samples.pdf(), "../evil.pdf", Samples.pdf()))));
        refused(422, "zip_path", () -> upload(ALICE, "evil.zip", Samples.zip(entries("a\\..\\..\\evil.pdf", Samples.pdf()))));
    }

    @Test
    public void absoluteEntriesAreRefused() {
        refused(422, "zip_path", () -> upload(ALICE, "abs.zip", Samples.zip(entries("/etc/x.pdf", Samples.pdf()))));
        refused(422, "zip_path", () -> upload(ALICE, "abs.zip", Samples.zip(entries("C:\\x.pdf", Samples.pdf()))));
        refused(422, "zip_path", () -> upload(ALICE, "abs.zip", Samples.zip(entries("\\x.pdf", Samples.pdf()))));
    }

    @Test
    public void nestedArchivesAreRefused() {
        byte[] inner = Samples.zip(entries("a.pdf", Samples.pdf()));
        refused(422, "nested_archive", () -> upload(ALICE, "outer.zip", Samples.zip(entries("a.pdf", Samples.pdf(), "inner.pdf", inner))));
        refused(422, "nested_archive", () -> upload(ALICE, "outer.zip", Samples.zip(entries("x.pdf.gz", Samples.gzip(Samples.pdf())))));
    }

    @Test
    public void tooManyEntriesAreRefused() {
        service = service(new Limits(10 << 20, 3, 100 << 20, 100));
        refused(422, "zip_entries", () -> upload(ALICE, "many.zip",
                Samples.zip(entries("1.pdf", Samples.pdf(), "2.pdf", Samples.pdf(), "3.pdf", Samples.pdf(), "4.pdf", Samples.pdf()))));
    }

    @Test
    public void otherContentInAZipIsRefused() {
        refused(422, "zip_content", () -> upload(ALICE, "a.zip",
                Samples.zip(entries("a.pdf", Samples.pdf(), "readme.pdf", "plain text".getBytes(StandardCharsets.UTF_8)))));
        refused(422, "zip_content", () -> upload(ALICE, "a.zip", Samples.zip(entries("empty.pdf", new byte[0]))));
    }

    @Test
    public void corruptZipsAreRefused() {
        byte[] good = Samples.zip(entries("a.pdf", Samples.pdf(), "b.pdf", Samples.pdf("b")));
        byte[] truncated = java.util.Arrays.copyOf(good, good.length - 30);
        refused(422, "zip_invalid", () -> upload(ALICE, "cut.zip", truncated));
        byte[] junk = new byte[300];
        junk[0] = 'P';
        junk[1] = 'K';
        junk[2] = 3;
        junk[3] = 4;
        refused(422, "zip_invalid", () -> upload(ALICE, "junk.zip", junk));
        byte[] flipped = good.clone();
        flipped[60] ^= 0x55; // inside the first entry's data: CRC no longer matches
        refused(422, "zip_invalid", () -> upload(ALICE, "flipped.zip", flipped));
    }

    @Test
    public void anEmptyZipIsRefused() {
        refused(422, "zip_empty", () -> upload(ALICE, "empty.zip", Samples.emptyZip()));
        refused(422, "zip_empty", () -> upload(ALICE, "dirs.zip", Samples.zip(entries("a/", new byte[0], "a/b/", new byte[0]))));
    }

    @Test
    public void aBodyThatIsNotMultipartIsRefused() {
        refused(400, "not_multipart", () -> service.upload(ALICE, "application/pdf", new ByteArrayInputStream(Samples.pdf())));
        refused(400, "not_multipart", () -> service.upload(ALICE, null, new ByteArrayInputStream(Samples.pdf())));
        refused(400, "not_multipart", () -> service.upload(ALICE, "multipart/form-data", new ByteArrayInputStream(Samples.pdf())));
    }

    @Test
    public void aFormWithoutAFilePartIsRefused() {
        refused(400, "no_file", () -> service.upload(ALICE, CONTENT_TYPE,
                new ByteArrayInputStream(multipart("attachment", "a.pdf", Samples.pdf()))));
    }

    @Test
    public void aBrokenBodyIsRefused() {
        byte[] body = multipart("a.pdf", Samples.pdf());
        byte[] cut = java.util.Arrays.copyOf(body, body.length - 20); // no closing boundary
        refused(400, "bad_multipart", () -> service.upload(ALICE, CONTENT_TYPE, new ByteArrayInputStream(cut)));
        refused(400, "bad_multipart", () -> service.upload(ALICE, CONTENT_TYPE, new ByteArrayInputStream("garbage".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    public void aBodyFarBeyondTheLimitIsCutOff() {
        service = service(new Limits(1024, 50, 1 << 20, 100));
        // the file part never ends: reading stops at the limit, not at the end of the body
        InputStream endless = new InputStream() {
            private final InputStream head = new ByteArrayInputStream(Samples.raw("--" + Samples.BOUNDARY + "\r\n",
                    "Content-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.4\n"));
            private long served;

            @Override
            public int read() throws IOException {
                int b = head.read();
                if (b >= 0) {
                    return b;
                }
                if (++served > 50L << 20) {
                    throw new AssertionError("read far beyond the limit");
                }
                return 'x';
            }
        };
        refused(413, "too_large", () -> service.upload(ALICE, CONTENT_TYPE, endless));
    }

    @Test
    public void whenTheRowCannotBeWrittenTheFileIsRemoved() throws IOException {
        service = new AttachmentServiceImpl(new Store() {
            @Override
            public SqlSession session() {
                return failingInsert(store.session());
            }

            @Override
            public SqlSession batchSession() {
                return store.batchSession();
            }
        }, clock, Limits.DEFAULTS, root, Duration.ofHours(48));
        try {
            upload(ALICE, "a.pdf", Samples.pdf());
            fail("the insert fails");
        } catch (IllegalStateException expected) {
            // the database's failure, a 500
        }
        assertEquals(0, rows());
        assertEquals(List.of(), files());
    }
}
