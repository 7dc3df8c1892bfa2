package org.ceportal.accounts.internal;

import java.sql.Date;

/** A row of the person table. */
public class PersonRow {
    public long accountId;
    public String idNumber;
    public String mobile;
    public String email;
    public String regionCode;
    public Long departmentId;
    public String gender;
    public Date birthDate;
    public String ethnicGroup;
    public String nativePlace;
    public String school;
    public String majorCode;
    public String titleCode;
}
