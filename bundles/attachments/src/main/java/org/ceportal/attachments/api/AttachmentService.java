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
     */
    void lock(long declarationId, boolean locked);

    /**
     * Deletes every attachment (rows and files) of a declaration being deleted.
     *
     * @throws ProblemException 400 (field {@code attachmentIds}) if one is not the owner's,
     *         409 {@code attachment_locked} if they are locked; nothing is deleted then
     */
    void deleteOfDeclaration(long ownerId, long declarationId);
}
