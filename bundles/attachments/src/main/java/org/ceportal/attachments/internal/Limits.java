package org.ceportal.attachments.internal;

/**
 * What an upload may be.
 *
 * @param maxBytes         largest upload in bytes
 * @param zipMaxEntries    most entries (files and folders) in a ZIP
 * @param zipMaxTotalBytes most bytes a ZIP may unpack to, counted while reading
 * @param zipMaxRatio      most times a ZIP (and each of its entries) may expand
 */
record Limits(long maxBytes, int zipMaxEntries, long zipMaxTotalBytes, int zipMaxRatio) {
    static final Limits DEFAULTS = new Limits(10L * 1024 * 1024, 50, 100L * 1024 * 1024, 100);

    Limits {
        maxBytes = Math.max(1, maxBytes);
        zipMaxEntries = Math.max(1, zipMaxEntries);
        zipMaxTotalBytes = Math.max(1, zipMaxTotalBytes);
        zipMaxRatio = Math.max(1, zipMaxRatio);
    }
}
