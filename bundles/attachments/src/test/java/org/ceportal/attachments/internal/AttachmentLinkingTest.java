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

/** Attachments and declarations: linking, locking, who reads and deletes, and the purge of unused uploads. */
public class AttachmentLinkingTest extends AttachmentTestBase {

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
}
