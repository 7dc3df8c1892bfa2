package org.ceportal.attachments.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.ceportal.attachments.api.Attachment;
import org.ceportal.attachments.api.AttachmentService;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.internal.TestClock;
import org.ceportal.platform.internal.Refused;
import org.ceportal.platform.internal.TestStores;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** A file that proves something other than a declaration: a title change's certificate. */
public class SubjectProofTest {
    private static final long ALICE = 11;
    private static final long BOB = 22;

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final TestClock clock = new TestClock(Instant.parse("2026-03-01T08:00:00Z"));
    private AttachmentServiceImpl service;

    @Before
    public void setUp() throws Exception {
        Path root = tmp.newFolder("storage").toPath();
        service = new AttachmentServiceImpl(TestStores.migrated("attachments", AttachmentMapper.class), clock, Limits.DEFAULTS,
                root, Duration.ofHours(48));
    }

    private long upload(long owner) throws Exception {
        return service.upload(owner, Samples.CONTENT_TYPE,
                new ByteArrayInputStream(Samples.multipart("职称证书.pdf", Samples.pdf("certificate")))).attachment().id();
    }


    @Test
    public void aLinkedCertificateIsLockedKeptAndReadOnlyThroughItsSubject() throws Exception {
        long file = upload(ALICE);
        assertEquals(400, Refused.by(() -> service.linkToSubject(BOB, file, "title-change:1")).status());
        Attachment a = service.linkToSubject(ALICE, file, "title-change:1");
        assertEquals(true, a.locked());
        assertEquals(409, Refused.by(() -> service.linkToSubject(ALICE, file, "title-change:2")).status());
        assertEquals(409, Refused.by(() -> service.attach(ALICE, 5, List.of(file))).status());
        assertEquals(409, Refused.by(() -> service.delete(ALICE, file)).status());
        assertEquals(List.of(file), service.ofSubject("title-change:1").stream().map(Attachment::id).toList());

        // never cleaned up as an unused upload
        clock.advance(Duration.ofDays(10));
        service.purge();
        try (InputStream in = service.openOfSubject("title-change:1", file, 100, null).stream()) {
            assertEquals(true, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("%PDF"));
        }
        assertEquals(404, Refused.by(() -> service.openOfSubject("title-change:2", file, 100, null)).status());
        try {
            service.openLinked(1, file, 100, null);
            fail("not a declaration's file");
        } catch (ProblemException e) {
            assertEquals(404, e.status());
        }
        AttachmentService api = service;
        assertEquals(1, api.ofSubject("title-change:1").size());
    }
}
