package org.ceportal.declarations.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.ceportal.attachments.api.Attachment;
import org.ceportal.attachments.api.AttachmentService;
import org.ceportal.platform.api.ProblemException;

/** In-memory attachments with the rules of the real service that declarations rely on. */
final class FakeAttachments implements AttachmentService {
    final Map<Long, Attachment> all = new ConcurrentHashMap<>();
    private long next = 1;
    /** The next {@link #attach} fails as if the files were taken meanwhile. */
    volatile boolean failNextAttach;

    synchronized long upload(long owner, String name) {
        long id = next++;
        all.put(id, new Attachment(id, owner, null, name, "application/pdf", 100,
                String.format("%064x", name.hashCode() & 0xffffffffL), Instant.now(), false)); // the same name, the same content
        return id;
    }

    @Override
    public synchronized List<Attachment> ownedBy(long ownerId, Collection<Long> ids, Long forDeclarationId) {
        List<Attachment> out = new ArrayList<>();
        for (Long id : ids) {
            Attachment a = all.get(id);
            if (a == null || a.ownerId() != ownerId) {
                throw ProblemException.invalid("attachmentIds", "附件不存在或不属于您");
            }
            if (a.declarationId() != null && !a.declarationId().equals(forDeclarationId)) {
                throw ProblemException.conflict("attachment_in_use", "附件已用于其他申报");
            }
            out.add(a);
        }
        return out;
    }

    @Override
    public synchronized List<Attachment> attach(long ownerId, long declarationId, List<Long> ids) {
        if (failNextAttach) {
            failNextAttach = false;
            throw ProblemException.conflict("attachment_changed", "附件刚刚被修改，请重试");
        }
        ownedBy(ownerId, ids, declarationId);
        for (Attachment a : List.copyOf(all.values())) {
            if (Long.valueOf(declarationId).equals(a.declarationId()) && a.locked()) {
                throw ProblemException.conflict("attachment_locked", "locked");
            }
            if (Long.valueOf(declarationId).equals(a.declarationId()) && !ids.contains(a.id())) {
                all.put(a.id(), with(a, null, false));
            }
        }
        for (Long id : ids) {
            all.put(id, with(all.get(id), declarationId, false));
        }
        return ofDeclaration(declarationId);
    }

    @Override
    public synchronized List<Attachment> ofDeclaration(long declarationId) {
        return all.values().stream().filter(a -> Long.valueOf(declarationId).equals(a.declarationId())).toList();
    }

    @Override
    public synchronized int lock(long declarationId, boolean locked) {
        List<Attachment> of = ofDeclaration(declarationId);
        for (Attachment a : of) {
            all.put(a.id(), with(a, declarationId, locked));
        }
        return of.size();
    }

    @Override
    public synchronized void deleteOfDeclaration(long ownerId, long declarationId) {
        ofDeclaration(declarationId).forEach(a -> all.remove(a.id()));
    }

    private static Attachment with(Attachment a, Long declarationId, boolean locked) {
        return new Attachment(a.id(), a.ownerId(), declarationId, a.name(), a.mediaType(), a.size(), a.sha256(), a.createdAt(), locked);
    }

    @Override
    public Content openLinked(long declarationId, long attachmentId, long readerId, String address) {
        Attachment a = all.get(attachmentId);
        if (a == null || a.declarationId() == null || a.declarationId() != declarationId) {
            throw ProblemException.notFound("attachment_not_found", "附件不存在");
        }
        return new Content(a, new java.io.ByteArrayInputStream(new byte[0]));
    }

    @Override
    public List<Attachment> sameContentElsewhere(long declarationId) {
        List<String> mine = all.values().stream().filter(a -> Long.valueOf(declarationId).equals(a.declarationId()))
                .map(Attachment::sha256).toList();
        return all.values().stream().filter(a -> a.declarationId() != null && a.declarationId() != declarationId
                && mine.contains(a.sha256())).sorted(java.util.Comparator.comparing(Attachment::id)).toList();
    }

    @Override
    public List<ZipItem> zipEntries(long declarationId, long attachmentId) {
        throw ProblemException.notFound("attachment_not_found", "附件不存在");
    }

    @Override
    public ZipContent openZipEntry(long declarationId, long attachmentId, int index, long readerId, String address) {
        throw ProblemException.notFound("attachment_not_found", "附件不存在");
    }

    @Override
    public Attachment linkToSubject(long ownerId, long attachmentId, String subjectRef) {
        throw new UnsupportedOperationException("not used by declarations");
    }

    @Override
    public List<Attachment> ofSubject(String subjectRef) {
        return List.of();
    }

    @Override
    public Content openOfSubject(String subjectRef, long attachmentId, long readerId, String address) {
        throw ProblemException.notFound("attachment_not_found", "附件不存在");
    }
}
