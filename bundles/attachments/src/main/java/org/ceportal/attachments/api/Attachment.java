package org.ceportal.attachments.api;

import java.time.Instant;

/**
 * An uploaded file.
 *
 * @param id            the attachment's id
 * @param ownerId       the account that uploaded it
 * @param declarationId the declaration it is linked to, or {@code null} while it is only uploaded
 * @param name          the display name (the uploaded file name, cleaned; its extension matches the content)
 * @param mediaType     the type detected from the content: {@code image/jpeg}, {@code image/png},
 *                      {@code application/pdf} or {@code application/zip}
 * @param size          the size in bytes
 * @param sha256        the SHA-256 of the content, lower-case hex
 * @param createdAt     when it was uploaded
 * @param locked        true while its declaration is submitted: it cannot be deleted or relinked
 */
public record Attachment(long id, long ownerId, Long declarationId, String name, String mediaType, long size,
                         String sha256, Instant createdAt, boolean locked) {
}
