package org.ceportal.directory.api;

/** A department (工作部门) of a unit. */
public class Department {
    public long id;
    public long unitId;
    public String name;
}
