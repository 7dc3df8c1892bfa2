package org.ceportal.reporting.internal;

/** Whether a 学时证明 still holds, with its zh-CN name (the pages take names from here). */
enum ProofStatus {
    /** Every approval it counts still stands as it did. */
    VALID("valid", "有效"),
    /** An approval it counts was taken back or changed since it was issued. */
    SUPERSEDED("superseded", "已失效");

    final String code;
    final String label;

    ProofStatus(String code, String label) {
        this.code = code;
        this.label = label;
    }
}
