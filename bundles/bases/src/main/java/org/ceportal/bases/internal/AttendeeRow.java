package org.ceportal.bases.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;

/** A row of the base_attendee table: one person (by ID number) of a course. */
public class AttendeeRow {
    public long courseId;
    public String idNumber;
    public String name;
    public BigDecimal hours;
    public long importId;
    public int rowNo;
    public String state;
    public Long accountId;
    public Long declarationId;
    public String note;
    public Timestamp settledAt;
}
