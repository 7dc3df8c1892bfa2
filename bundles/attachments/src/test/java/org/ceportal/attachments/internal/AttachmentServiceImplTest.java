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

public class AttachmentServiceImplTest {
    private static final long ALICE = 11;
    private static final long BOB = 22;

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-01T08:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private Store store;
    private Path root;
    private AttachmentServiceImpl service;

    @Before
    public void setUp() throws IOException {
        store = TestStores.migrated("attachments", AttachmentMapper.class);
        root = tmp.newFolder("storage").toPath();
        service = service(Limits.DEFAULTS);
    }

    private AttachmentServiceImpl service(Limits limits) {
        return new AttachmentServiceImpl(store, clock, limits, root, Duration.ofHours(48));
    }

    private AttachmentServiceImpl.Uploaded upload(long owner, String name, byte[] content) throws IOException {
        return service.upload(owner, CONTENT_TYPE, new ByteArrayInputStream(multipart(name, content)));
    }

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
        assertEquals("文件不能超过 10 MB", Refusals.tooLarge(Limits.DEFAULTS.maxBytes()).getMessage());
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

    // ---- the declarations' side ------------------------------------------------------------------

    @Test
    public void ownedByListsInTheGivenOrder() throws Exception {
        long a = upload(ALICE, "a.pdf", Samples.pdf("a")).attachment().id();
        long b = upload(ALICE, "b.pdf", Samples.pdf("b")).attachment().id();
        assertEquals(List.of(b, a), ids(service.ownedBy(ALICE, List.of(b, a, b), null)));
        assertEquals(List.of(), service.ownedBy(ALICE, List.of(), null));
    }

    @Test
    public void someoneElsesOrUnknownIdIs400() throws Exception {
        long a = upload(ALICE, "a.pdf", Samples.pdf("a")).attachment().id();
        long bobs = upload(BOB, "b.pdf", Samples.pdf("b")).attachment().id();
        problem(400, "validation_failed", () -> service.ownedBy(ALICE, List.of(a, bobs), null), "attachmentIds");
        problem(400, "validation_failed", () -> service.ownedBy(ALICE, List.of(a, 999L), null), "attachmentIds");
        problem(400, "validation_failed", () -> service.attach(ALICE, 5, List.of(bobs)), "attachmentIds");
        assertNull(service.meta(BOB, bobs).attachment().declarationId());
    }

    @Test
    public void linkedToAnotherDeclarationIs409() throws Exception {
        long a = upload(ALICE, "a.pdf", Samples.pdf("a")).attachment().id();
        service.attach(ALICE, 5, List.of(a));
        assertEquals(List.of(a), ids(service.ownedBy(ALICE, List.of(a), 5L)));
        problem(409, "attachment_in_use", () -> service.ownedBy(ALICE, List.of(a), 6L), null);
        problem(409, "attachment_in_use", () -> service.ownedBy(ALICE, List.of(a), null), null);
        problem(409, "attachment_in_use", () -> service.attach(ALICE, 6, List.of(a)), null);
        assertEquals(Long.valueOf(5), service.meta(ALICE, a).attachment().declarationId());
    }

    @Test
    public void reattachingUnlinksWhatIsNoLongerListed() throws Exception {
        long a = upload(ALICE, "a.pdf", Samples.pdf("a")).attachment().id();
        long b = upload(ALICE, "b.pdf", Samples.pdf("b")).attachment().id();
        long c = upload(ALICE, "c.pdf", Samples.pdf("c")).attachment().id();
        assertEquals(List.of(b, a), ids(service.attach(ALICE, 5, List.of(b, a))));
        assertEquals("oldest first", List.of(a, b), ids(service.ofDeclaration(5)));
        assertEquals(List.of(c, b), ids(service.attach(ALICE, 5, List.of(c, b))));
        assertEquals(List.of(b, c), ids(service.ofDeclaration(5)));
        Attachment unlinked = service.meta(ALICE, a).attachment();
        assertNull(unlinked.declarationId());
        assertEquals("still the owner's upload", ALICE, unlinked.ownerId());
        assertEquals(List.of(), service.attach(ALICE, 5, List.of()));
        assertEquals(List.of(), service.ofDeclaration(5));
        assertEquals(3, rows());
    }

    @Test
    public void lockedAttachmentsCannotBeRelinkedOrDeleted() throws Exception {
        long a = upload(ALICE, "a.pdf", Samples.pdf("a")).attachment().id();
        long b = upload(ALICE, "b.pdf", Samples.pdf("b")).attachment().id();
        service.attach(ALICE, 5, List.of(a));
        service.lock(5, true);
        assertTrue(service.ofDeclaration(5).get(0).locked());
        problem(409, "attachment_locked", () -> service.attach(ALICE, 5, List.of(a, b)), null);
        problem(409, "attachment_locked", () -> service.attach(ALICE, 5, List.of()), null);
        problem(409, "attachment_locked", () -> { service.delete(ALICE, a); return null; }, null);
        problem(409, "attachment_locked", () -> { service.deleteOfDeclaration(ALICE, 5); return null; }, null);
        assertEquals(List.of(a), ids(service.ofDeclaration(5)));
        assertEquals(2, files().size());

        service.lock(5, false); // withdrawn back to draft
        assertFalse(service.ofDeclaration(5).get(0).locked());
        assertEquals(List.of(a, b), ids(service.attach(ALICE, 5, List.of(a, b))));
        service.delete(ALICE, b);
        assertEquals(List.of(a), ids(service.ofDeclaration(5)));
    }

    @Test
    public void deletingADeclarationDeletesItsAttachmentsOnly() throws Exception {
        long a = upload(ALICE, "a.pdf", Samples.pdf("a")).attachment().id();
        long b = upload(ALICE, "b.pdf", Samples.pdf("b")).attachment().id();
        long c = upload(ALICE, "c.pdf", Samples.pdf("c")).attachment().id();
        service.attach(ALICE, 5, List.of(a, b));
        service.attach(ALICE, 6, List.of(c));
        Path fileC = service.download(ALICE, c).file();
        problem(400, "validation_failed", () -> { service.deleteOfDeclaration(BOB, 5); return null; }, "attachmentIds");
        assertEquals(3, rows());
        service.deleteOfDeclaration(ALICE, 5);
        assertEquals(List.of(), service.ofDeclaration(5));
        assertEquals(1, rows());
        assertEquals(List.of(fileC), files());
        service.deleteOfDeclaration(ALICE, 99); // nothing there: nothing to do
    }

    // ---- owner-only reads and delete ---------------------------------------------------------------

    @Test
    public void onlyTheOwnerReadsOrDeletes() throws Exception {
        long a = upload(ALICE, "a.pdf", Samples.pdf("a")).attachment().id();
        problem(404, "attachment_not_found", () -> service.download(BOB, a), null);
        problem(404, "attachment_not_found", () -> service.meta(BOB, a), null);
        problem(404, "attachment_not_found", () -> { service.delete(BOB, a); return null; }, null);
        problem(404, "attachment_not_found", () -> service.download(ALICE, 12345), null);
        assertEquals(1, files().size());
        service.delete(ALICE, a);
        assertEquals(0, rows());
        assertEquals(List.of(), files());
        problem(404, "attachment_not_found", () -> service.download(ALICE, a), null);
    }

    @Test
    public void aMissingFileIsAClear404() throws Exception {
        long a = upload(ALICE, "a.pdf", Samples.pdf("a")).attachment().id();
        Files.delete(service.download(ALICE, a).file());
        problem(404, "attachment_file_missing", () -> service.download(ALICE, a), null);
    }

    // ---- housekeeping --------------------------------------------------------------------------------

    @Test
    public void uploadsNoDeclarationUsedArePurgedAfterTheConfiguredAge() throws Exception {
        long old = upload(ALICE, "old.pdf", Samples.pdf("old")).attachment().id();
        long used = upload(ALICE, "used.pdf", Samples.pdf("used")).attachment().id();
        service.attach(ALICE, 5, List.of(used));
        now.set(now.get().plus(Duration.ofHours(47)));
        upload(ALICE, "x.pdf", Samples.pdf("x"));
        assertEquals(3, rows());
        now.set(now.get().plus(Duration.ofHours(2))); // 49 h after the first uploads, > 10 min after the last purge
        long fresh = upload(ALICE, "fresh.pdf", Samples.pdf("fresh")).attachment().id();
        problem(404, "attachment_not_found", () -> service.meta(ALICE, old), null);
        assertEquals(Long.valueOf(5), service.meta(ALICE, used).attachment().declarationId());
        service.meta(ALICE, fresh);
        assertEquals(3, rows());
        assertEquals(3, files().size());
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private interface Call {
        Object run() throws Exception;
    }

    /** Asserts the refusal and that nothing was stored: no row, no file (temp files included). */
    private ProblemException refused(int status, String code, Call call) {
        ProblemException p = problem(status, code, call, null);
        try {
            assertEquals("no row", 0, rows());
            assertEquals("no file", List.of(), files());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return p;
    }

    private static ProblemException problem(int status, String code, Call call, String field) {
        try {
            call.run();
        } catch (ProblemException p) {
            assertEquals(p.getMessage(), status, p.status());
            assertEquals(p.getMessage(), code, p.code());
            if (field != null) {
                assertEquals(field, p.errors().get(0).field());
            }
            assertTrue("a zh-CN message: " + p.getMessage(), p.getMessage().codePoints().anyMatch(c -> c >= 0x4e00));
            return p;
        } catch (Exception e) {
            throw new AssertionError("expected " + status + " " + code, e);
        }
        throw new AssertionError("expected " + status + " " + code + ", but it passed");
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).toList();
        }
    }

    private int rows() {
        try (SqlSession s = store.session(); Statement st = s.getConnection().createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM attachment")) {
            rs.next();
            return rs.getInt(1);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static List<Long> ids(List<Attachment> list) {
        return list.stream().map(Attachment::id).toList();
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** A session whose attachment mapper fails on insert, as a full disk or a lost database would. */
    private static SqlSession failingInsert(SqlSession real) {
        return (SqlSession) Proxy.newProxyInstance(SqlSession.class.getClassLoader(), new Class<?>[] {SqlSession.class},
                (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("getMapper") && result instanceof AttachmentMapper m) {
                        return Proxy.newProxyInstance(AttachmentMapper.class.getClassLoader(), new Class<?>[] {AttachmentMapper.class},
                                (p2, m2, a2) -> {
                                    if (m2.getName().equals("insert")) {
                                        throw new IllegalStateException("database gone");
                                    }
                                    try {
                                        return m2.invoke(m, a2);
                                    } catch (InvocationTargetException e) {
                                        throw e.getCause();
                                    }
                                });
                    }
                    return result;
                });
    }
}
