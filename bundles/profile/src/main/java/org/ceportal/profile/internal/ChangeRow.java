package org.ceportal.profile.internal;

import java.sql.Date;
import java.sql.Timestamp;

/** A row of profile_change. */
public class ChangeRow {
    public Long id;
    public long accountId;
    public Long unitId;
    public String field;
    public String oldValue;
    public String newValue;
    public String oldCode;
    public String newCode;
    public Date titleObtainedOn;
    public String state;
    public Long pendingKey;
    public Timestamp createdAt;
    public Timestamp decidedAt;
    public Long decidedBy;
    public String reason;
    public int version;
}
