package org.ceportal.bases.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;

/** A row of the base_course table. */
public class CourseRow {
    public Long id;
    public long baseId;
    public String name;
    public Date dateFrom;
    public Date dateTo;
    public BigDecimal hours;
    public String category;
    public int declYear;
    public int version;
    public Timestamp createdAt;
    public Timestamp updatedAt;
}
