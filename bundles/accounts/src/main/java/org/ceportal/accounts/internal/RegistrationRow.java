package org.ceportal.accounts.internal;

import java.sql.Date;
import java.sql.Timestamp;

/** A professional's registration as a unit admin reviews it. */
public class RegistrationRow {
    public long id;
    public int version;
    public String state;
    public String name;
    public Long unitId;
    public String rejectReason;
    public Timestamp createdAt;
    public Timestamp decidedAt;
    public String idNumber;
    public String gender;
    public Date birthDate;
    public String mobile;
    public String email;
    public String regionCode;
    public Long departmentId;
    public String ethnicGroup;
    public String nativePlace;
    public String school;
    public String majorCode;
    public String titleCode;
    /** The person row's version (profile edits). */
    public int profileVersion;
}
