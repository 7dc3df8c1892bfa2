package org.ceportal.attachments.internal;

import java.util.List;

import org.ceportal.platform.upload.Multipart;

/**
 * What a page tells the person before an upload (GET /api/attachments/limits): the largest
 * file, its wording, the most files per declaration and the kinds of file taken.
 */
public record UploadLimits(long maxBytes, String maxSize, int maxFilesPerDeclaration, List<String> types) {

    static UploadLimits of(Limits limits, Quotas quotas) {
        return new UploadLimits(limits.maxBytes(), Multipart.size(limits.maxBytes()), quotas.filesPerDeclaration(),
                List.of("image/jpeg", "image/png", "application/pdf", "application/zip"));
    }
}
