package org.ceportal.attachments.internal;

import static org.ceportal.attachments.internal.Samples.multipart;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.ibatis.session.SqlSession;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.internal.TestStores;
import org.ceportal.platform.persistence.Store;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** What one person may upload per day and per declaration, and what a failing disk leaves behind. */
public class UploadQuotaTest {
    private static final long ALICE = 11;
    private static final String CONTENT_TYPE = Samples.CONTENT_TYPE;

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Store store;
    private Path root;

    @Before
    public void setUp() throws IOException {
        store = TestStores.migrated("attachments", AttachmentMapper.class);
        root = tmp.newFolder("storage").toPath();
    }

    private AttachmentServiceImpl service(Quotas quotas, Instant now) {
        return new AttachmentServiceImpl(store, Clock.fixed(now, ZoneOffset.UTC), Limits.DEFAULTS, quotas, root,
                Duration.ofHours(48));
    }

    private static AttachmentServiceImpl.Uploaded upload(AttachmentServiceImpl s, String name) throws IOException {
        return s.upload(ALICE, CONTENT_TYPE, new ByteArrayInputStream(multipart(name, Samples.pdf(name))));
    }

    private static ProblemException refused(AttachmentServiceImpl s, String name) throws IOException {
        try {
            upload(s, name);
        } catch (ProblemException e) {
            return e;
        }
        fail("the upload should have been refused");
        return null;
    }

    private int rows() throws Exception {
        try (SqlSession s = store.session(); var rs = s.getConnection().createStatement().executeQuery("SELECT COUNT(*) FROM attachment")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private long files() throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).count();
        }
    }

    @Test
    public void aPersonsDailyFilesAreCountedAndDeletingDoesNotGiveThemBack() throws Exception {
        Instant morning = Instant.parse("2026-12-31T01:00:00Z"); // 09:00 in China
        AttachmentServiceImpl s = service(new Quotas(3, 100L * 1024 * 1024, 20), morning);
        long first = upload(s, "a.pdf").attachment().id();
        upload(s, "b.pdf");
        s.delete(ALICE, first);
        upload(s, "c.pdf");
        ProblemException e = refused(s, "d.pdf");
        assertEquals(429, e.status());
        assertEquals("upload_quota", e.code());
        assertTrue(e.getMessage(), e.getMessage().contains("每天最多 3 个"));
        assertEquals(2, rows());
        // the next day in China (00:30 on 1 January) starts again
        upload(service(new Quotas(3, 100L * 1024 * 1024, 20), Instant.parse("2026-12-31T16:30:00Z")), "e.pdf");
    }

    @Test
    public void bytesPerDayAreCounted() throws Exception {
        AttachmentServiceImpl s = service(new Quotas(100, 1, 20), Instant.parse("2026-12-31T01:00:00Z"));
        assertEquals("upload_quota", refused(s, "big.pdf").code());
        assertEquals(0, rows());
        assertEquals("the refused upload left no file", 0, files());
    }

    @Test
    public void parallelUploadsCannotTogetherPassTheQuota() throws Exception {
        AttachmentServiceImpl s = service(new Quotas(2, 100L * 1024 * 1024, 20), Instant.parse("2026-12-31T01:00:00Z"));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String name = "p" + i + ".pdf";
            results.add(pool.submit(() -> {
                start.await();
                try {
                    upload(s, name);
                    return true;
                } catch (ProblemException e) {
                    return false;
                }
            }));
        }
        start.countDown();
        int kept = 0;
        for (Future<Boolean> f : results) {
            kept += f.get(60, TimeUnit.SECONDS) ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(2, kept);
        assertEquals(2, rows());
        assertEquals("refused uploads left no file behind", 2, files());
    }

    @Test
    public void aDeclarationTakesAtMostTheConfiguredFiles() throws Exception {
        AttachmentServiceImpl s = service(new Quotas(100, 100L * 1024 * 1024, 2), Instant.parse("2026-12-31T01:00:00Z"));
        List<Long> ids = List.of(upload(s, "a.pdf").attachment().id(), upload(s, "b.pdf").attachment().id(),
                upload(s, "c.pdf").attachment().id());
        try {
            s.attach(ALICE, 7, ids);
            fail();
        } catch (ProblemException e) {
            assertEquals("attachmentIds", e.errors().get(0).field());
        }
        assertEquals(2, s.attach(ALICE, 7, ids.subList(0, 2)).size());
    }

    @Test
    public void aStorageThatCannotKeepTheFileAnswersClearlyAndKeepsNothing() throws Exception {
        AttachmentServiceImpl s = service(Quotas.DEFAULTS, Instant.parse("2026-12-31T01:00:00Z"));
        // the year's folder cannot be made (a file is in its way), as when the disk fails
        Files.writeString(root.resolve("2026"), "in the way");
        ProblemException e = refused(s, "a.pdf");
        assertEquals(503, e.status());
        assertEquals("upload_not_kept", e.code());
        assertEquals(0, rows());
        assertEquals("only the file in the way is there", 1, files());
    }

    @Test
    public void aFullDiskIsToldApart() {
        assertTrue(Storage.diskFull(new IOException("No space left on device")));
        assertTrue(Storage.diskFull(new IOException("write failed", new IOException("Disk quota exceeded"))));
        assertTrue(!Storage.diskFull(new IOException("Broken pipe")));
        assertEquals(507, Refusals.storageFull().status());
    }
}
