/**
 * Uploads: {@link org.ceportal.platform.upload.Multipart} is the one reader of
 * {@code multipart/form-data} bodies, streaming the {@code file} part into a sink under
 * a byte limit, with the zh-CN problems for a body that is not one, broken, without a
 * file or too large.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.ceportal.platform.upload;
