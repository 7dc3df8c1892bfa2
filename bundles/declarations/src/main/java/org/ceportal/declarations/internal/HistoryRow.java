package org.ceportal.declarations.internal;

import java.sql.Timestamp;

/** A row of declaration_history. */
public class HistoryRow {
    public Timestamp happenedAt;
    public String fromState;
    public String toState;
    public Long actorId;
    public String note;
    public java.math.BigDecimal hoursBefore;
    public java.math.BigDecimal hoursAfter;
}
