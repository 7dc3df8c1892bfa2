package org.ceportal.attachments.api;

import java.util.Collection;
import java.util.List;

import org.ceportal.platform.api.ProblemException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The declarations' side of attachments. People upload files first ({@code POST
 * /api/attachments}); a declaration then links the uploads it names. Uploads that no
 * declaration links are deleted after a configurable time.
 */
@ProviderType
public interface AttachmentService {

    /**
     * The owner's attachments with these ids, in the given order (an id given twice is
     * listed once).
     *
     * @param ownerId          the account that must own every attachment
     * @param ids              the attachment ids
     * @param forDeclarationId the declaration they are meant for, or {@code null} for a new one
     * @throws ProblemException 400 (field {@code attachmentIds}, 「附件不存在或不属于您」) if any id is
     *         unknown or someone else's, or 409 {@code attachment_in_use} if one is linked to
     *         ANOTHER declaration (「附件已用于其他申报」)
     */
    List<Attachment> ownedBy(long ownerId, Collection<Long> ids, Long forDeclarationId);

    /**
     * Links exactly these attachments to the declaration (in one transaction): the given
     * ones get the declaration; ones linked to it before but not listed now become
     * unlinked again (they stay the owner's uploads). Same checks as {@link #ownedBy}.
     *
     * @return the linked attachments, in the given order
     * @throws ProblemException 409 {@code attachment_locked} when the declaration's
     *         attachments are locked
     */
    List<Attachment> attach(long ownerId, long declarationId, List<Long> ids);

    /** Attachments of a declaration, oldest first. */
    List<Attachment> ofDeclaration(long declarationId);

    /**
     * Locks (declaration submitted) or unlocks (withdrawn back to draft) a declaration's
     * attachments; locked ones cannot be deleted or relinked.
     *
     * @return how many attachments the declaration has (since 2.0; was void)
     */
    int lock(long declarationId, boolean locked);

    /**
     * Deletes every attachment (rows and files) of a declaration being deleted.
     *
     * @throws ProblemException 400 (field {@code attachmentIds}) if one is not the owner's,
     *         409 {@code attachment_locked} if they are locked; nothing is deleted then
     */
    void deleteOfDeclaration(long ownerId, long declarationId);

    /**
     * Makes an upload of the owner the proof of something other than a declaration (a
     * title change's certificate), in the caller's transaction. The file is then locked:
     * its owner can no longer delete it or attach it elsewhere.
     *
     * @param subjectRef what it proves, e.g. {@code title-change:15} (at most 40 characters)
     * @throws ProblemException 400 (field {@code attachmentIds}) when it is not the owner's, 409
     *         {@code attachment_in_use} when it is linked already
     */
    Attachment linkToSubject(long ownerId, long attachmentId, String subjectRef);

    /** The files proving a subject, oldest first. */
    List<Attachment> ofSubject(String subjectRef);

    /**
     * Opens a subject's file for a reader the caller has already allowed; audited.
     *
     * @throws ProblemException 404 when the file does not prove that subject
     */
    Content openOfSubject(String subjectRef, long attachmentId, long readerId, String address);

    /**
     * The owner's files, linked to OTHER declarations, whose content (SHA-256) is the same
     * as one of this declaration's: the same certificate declared twice. At most 100.
     */
    List<Attachment> sameContentElsewhere(long declarationId);

    /**
     * Opens a linked attachment's content for someone other than its owner, whom the
     * caller has already allowed (a reviewer of the declaration's unit). The reading is
     * audited.
     *
     * @param declarationId the declaration it must be linked to
     * @param attachmentId  the attachment
     * @param readerId      who reads it (for the audit trail)
     * @param address       the reader's client address, or {@code null}
     * @return the attachment and its content; the caller closes the stream
     * @throws ProblemException 404 when it is not linked to that declaration, 503 when its file is missing
     */
    Content openLinked(long declarationId, long attachmentId, long readerId, String address);

    /** An attachment and its content, open for reading. */
    record Content(Attachment attachment, java.io.InputStream stream) {
    }

    /**
     * The files inside a linked ZIP attachment, for a reader the caller has already allowed.
     *
     * @throws ProblemException 404 when it is not linked to that declaration or is not a ZIP
     */
    List<ZipItem> zipEntries(long declarationId, long attachmentId);

    /**
     * Opens one file inside a linked ZIP attachment (by its {@link ZipItem#index}); audited.
     *
     * @throws ProblemException 404 when there is no such attachment or entry
     */
    ZipContent openZipEntry(long declarationId, long attachmentId, int index, long readerId, String address);

    /**
     * A file inside a ZIP attachment.
     *
     * @param index     its number among the archive's files (folders and Mac metadata left out), from 0
     * @param name      its name without folders
     * @param size      its size in bytes, or -1 when the archive does not say
     * @param mediaType {@code image/jpeg}, {@code image/png} or {@code application/pdf}; {@code null} for Mac metadata
     */
    record ZipItem(int index, String name, long size, String mediaType) {
    }

    /** A file inside a ZIP attachment and its content, open for reading. */
    record ZipContent(ZipItem item, java.io.InputStream stream) {
    }
}
