/**
 * Attachments of declarations (证明材料): scans uploaded as JPG, PNG or PDF, or
 * several of them in one ZIP, checked by their content. Files are uploaded over
 * HTTP first; {@link org.ceportal.attachments.api.AttachmentService} lets the
 * declarations link, lock and delete them. Only the owner may download a file.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.0.0")
package org.ceportal.attachments.api;
