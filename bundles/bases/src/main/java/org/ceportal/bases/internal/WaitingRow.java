package org.ceportal.bases.internal;

import java.math.BigDecimal;
import java.sql.Date;

/** A waiting line with what declaring it needs: its course, base and who imported it. */
public class WaitingRow {
    public long courseId;
    public String idNumber;
    public String name;
    public BigDecimal hours;
    public long importedBy;
    public String courseName;
    public Date dateFrom;
    public Date dateTo;
    public String category;
    public int declYear;
    public String baseName;
}
