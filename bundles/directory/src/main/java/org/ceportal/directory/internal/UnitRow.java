package org.ceportal.directory.internal;

import java.sql.Timestamp;

/** A unit to insert; MyBatis fills in the generated id. */
public class UnitRow {
    public Long id;
    public String regionCode;
    public String name;
    public String kind;
    public boolean demo;
    public Timestamp createdAt;
}
