package org.ceportal.accounts.internal;

/** A professional's account and person row, joined: what {@link PeopleComponent} answers from. */
public class PersonView {
    public long accountId;
    public String name;
    public Long unitId;
    public String idNumber;
    public Long departmentId;
    public String titleCode;
}
