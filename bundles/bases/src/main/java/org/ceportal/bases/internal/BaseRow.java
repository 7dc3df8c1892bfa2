package org.ceportal.bases.internal;

import java.sql.Date;
import java.sql.Timestamp;

/** A row of the edu_base table. */
public class BaseRow {
    public Long id;
    public String name;
    public String regionCode;
    public String accreditationNo;
    public Date validFrom;
    public Date validTo;
    public int version;
    public Timestamp createdAt;
    public Timestamp updatedAt;
}
