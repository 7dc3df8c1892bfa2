package org.ceportal.attachments.internal;

import java.sql.Timestamp;

import org.ceportal.attachments.api.Attachment;

/** A row of the attachment table. */
public class AttachmentRow {
    public Long id;
    public long ownerId;
    public Long declarationId;
    /** What else than a declaration the file proves, e.g. {@code title-change:15}. */
    public String subjectRef;
    public boolean locked;
    public String originalName;
    public String storedName;
    public String mediaType;
    public long sizeBytes;
    public String sha256;
    public Timestamp createdAt;

    Attachment toApi() {
        return new Attachment(id, ownerId, declarationId, originalName, mediaType, sizeBytes,
                sha256 == null ? null : sha256.strip(), createdAt == null ? null : createdAt.toInstant(), locked);
    }
}
