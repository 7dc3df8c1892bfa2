package org.ceportal.bases.internal;

import java.sql.Timestamp;

/** A row of the base_import table (its file apart). */
public class ImportRow {
    public Long id;
    public long baseId;
    public long courseId;
    public String fileName;
    public String fileType;
    public int fileSize;
    public String fileSha256;
    public byte[] content;
    public int totalRows;
    public int declared;
    public int waiting;
    public int refused;
    public boolean approvedAtOnce;
    public long createdBy;
    public Timestamp createdAt;
}
