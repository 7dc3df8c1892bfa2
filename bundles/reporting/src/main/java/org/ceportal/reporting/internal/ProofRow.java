package org.ceportal.reporting.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;

/** A {@code proof} row: MyBatis fills the fields. */
final class ProofRow {
    Long id;
    String code;
    long accountId;
    int proofYear;
    Timestamp issuedAt;
    String personName;
    String idNumberMasked;
    String unitName;
    String kind;
    BigDecimal requiredTotal;
    BigDecimal requiredGeneral;
    BigDecimal requiredProfessional;
    BigDecimal approvedTotal;
    BigDecimal approvedGeneral;
    BigDecimal approvedProfessional;
    /** 1 met, 0 not, null when the year had no requirement. */
    Integer met;
}
