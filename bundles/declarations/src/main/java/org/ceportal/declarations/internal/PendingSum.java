package org.ceportal.declarations.internal;

import java.math.BigDecimal;

/** Hours of one kind waiting for review in one year. */
public class PendingSum {
    public int declYear;
    public String kind;
    public BigDecimal hours;
}
