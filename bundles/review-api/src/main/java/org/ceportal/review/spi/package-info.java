/**
 * What a reviewable thing contributes to the reviewers' work queue (审核中心): a
 * {@link org.ceportal.review.spi.ReviewSubject} service per kind of item
 * (registrations, declarations, title changes). The review bundle lists every
 * subject it finds; a new subject needs no change there.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.ceportal.review.spi;
