package org.ceportal.platform.internal;

/** A row of {@code ceportal_schema_version}. */
public class AppliedMigration {
    public int version;
    public String checksum;
}
