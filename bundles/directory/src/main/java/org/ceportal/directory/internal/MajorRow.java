package org.ceportal.directory.internal;

/** A row of the major table. */
public class MajorRow {
    public String code;
    public String name;
    public String parentCode;
    public int level;
}
