package org.ceportal.attachments.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.ibatis.session.SqlSession;
import org.ceportal.attachments.api.Attachment;
import org.ceportal.attachments.api.AttachmentService.Content;
import org.ceportal.attachments.api.AttachmentService.ZipContent;
import org.ceportal.attachments.api.AttachmentService.ZipItem;
import org.ceportal.platform.persistence.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files read by someone other than their owner, whom the calling bundle has already
 * allowed (a reviewer of the declaration's unit): a declaration's proofs, the files inside
 * a ZIP one by one, the same content declared elsewhere; and files that prove something
 * other than a declaration (a title change's certificate, {@code subject_ref}). Every read
 * is audited as {@code attachment_review_read}.
 */
final class OtherReaders {
    private static final Logger LOG = LoggerFactory.getLogger(OtherReaders.class);
    private static final String ZIP = "application/zip";

    /** Where reads are recorded. */
    interface Audit {
        void record(long actorId, String action, String subject, String outcome, String address);
    }

    private final Store store;
    private final Storage storage;
    private final ZipEntries zipEntries;
    private final Audit audit;

    OtherReaders(Store store, Storage storage, ZipEntries zipEntries, Audit audit) {
        this.store = store;
        this.storage = storage;
        this.zipEntries = zipEntries;
        this.audit = audit;
    }

    List<Attachment> sameContentElsewhere(long declarationId) {
        try (SqlSession s = store.session()) {
            return s.getMapper(AttachmentMapper.class).sameContentElsewhere(declarationId).stream().map(AttachmentRow::toApi)
                    .toList();
        }
    }

    List<ZipItem> zipEntries(long declarationId, long attachmentId) {
        AttachmentRow row = linkedZip(declarationId, attachmentId);
        try {
            return zipEntries.list(storage.path(row.storedName));
        } catch (IOException e) {
            throw unreadable(row, e);
        }
    }

    ZipContent openZipEntry(long declarationId, long attachmentId, int index, long readerId, String address) {
        AttachmentRow row = linkedZip(declarationId, attachmentId);
        ZipEntries.Opened opened;
        try {
            opened = zipEntries.open(storage.path(row.storedName), index);
        } catch (IOException e) {
            throw unreadable(row, e);
        }
        if (opened == null) {
            throw Refusals.notFound();
        }
        audit.record(readerId, "attachment_review_read", "attachment:" + attachmentId + "#" + index, "served", address);
        return new ZipContent(opened.item(), opened.stream());
    }

    Content openLinked(long declarationId, long attachmentId, long readerId, String address) {
        return open(linked(declarationId, attachmentId), readerId, address);
    }

    Attachment linkToSubject(long ownerId, long attachmentId, String subjectRef) {
        return store.inTransaction(s -> {
            AttachmentMapper m = s.getMapper(AttachmentMapper.class);
            if (m.linkSubject(ownerId, attachmentId, subjectRef) != 1) {
                AttachmentRow r = m.find(attachmentId);
                if (r == null || r.ownerId != ownerId) {
                    throw Refusals.notOwned();
                }
                throw Refusals.inUse();
            }
            return m.find(attachmentId).toApi();
        });
    }

    List<Attachment> ofSubject(String subjectRef) {
        try (SqlSession s = store.session()) {
            return s.getMapper(AttachmentMapper.class).ofSubject(subjectRef).stream().map(AttachmentRow::toApi).toList();
        }
    }

    Content openOfSubject(String subjectRef, long attachmentId, long readerId, String address) {
        AttachmentRow row = find(attachmentId);
        if (row == null || !subjectRef.equals(row.subjectRef)) {
            throw Refusals.notFound();
        }
        return open(row, readerId, address);
    }

    private Content open(AttachmentRow row, long readerId, String address) {
        Path file = storage.path(row.storedName);
        try {
            Content c = new Content(row.toApi(), Files.newInputStream(file));
            audit.record(readerId, "attachment_review_read", "attachment:" + row.id, "served", address);
            return c;
        } catch (IOException e) {
            throw unreadable(row, e);
        }
    }

    private AttachmentRow linked(long declarationId, long attachmentId) {
        AttachmentRow row = find(attachmentId);
        if (row == null || row.declarationId == null || row.declarationId != declarationId) {
            throw Refusals.notFound();
        }
        return row;
    }

    private AttachmentRow linkedZip(long declarationId, long attachmentId) {
        AttachmentRow row = linked(declarationId, attachmentId);
        if (!ZIP.equals(row.mediaType)) {
            throw Refusals.notFound();
        }
        return row;
    }

    private AttachmentRow find(long attachmentId) {
        try (SqlSession s = store.session()) {
            return s.getMapper(AttachmentMapper.class).find(attachmentId);
        }
    }

    private static RuntimeException unreadable(AttachmentRow row, IOException e) {
        LOG.error("The file {} of attachment {} cannot be read", row.storedName, row.id, e);
        return Refusals.fileMissing();
    }
}
