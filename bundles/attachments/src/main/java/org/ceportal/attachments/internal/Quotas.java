package org.ceportal.attachments.internal;

/**
 * What one person may upload: files and bytes per day (China time), and files per
 * declaration.
 */
record Quotas(int filesPerDay, long bytesPerDay, int filesPerDeclaration) {
    static final Quotas DEFAULTS = new Quotas(100, 300L * 1024 * 1024, 20);

    Quotas {
        filesPerDay = Math.max(1, filesPerDay);
        bytesPerDay = Math.max(1, bytesPerDay);
        filesPerDeclaration = Math.max(1, filesPerDeclaration);
    }
}
