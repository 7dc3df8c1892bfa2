package org.ceportal.reporting.internal;

import java.math.BigDecimal;
import java.sql.Date;

/** A {@code proof_item} row: one declaration a proof counts. */
final class ProofItemRow {
    long proofId;
    int lineNo;
    long declarationId;
    Date decidedOn;
    String formName;
    String title;
    String categoryName;
    BigDecimal countedHours;
}
