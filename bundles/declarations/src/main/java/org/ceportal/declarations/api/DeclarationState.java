package org.ceportal.declarations.api;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The states of a declaration, with the code stored and sent over HTTP and the zh-CN label. */
public enum DeclarationState {
    /** Saved, not submitted: the person may edit, submit or delete it. */
    DRAFT("draft", "待提交"),
    /** Submitted, waiting for the unit admin; the person may withdraw it. */
    PENDING("pending", "待审核"),
    /**
     * Approved by the unit, waiting for the provincial ops: only for the learning forms
     * configured for two-level review.
     */
    UNIT_APPROVED("unit_approved", "单位已审核，待主管部门审核"),
    /** Approved: its approved hours count toward its year. */
    APPROVED("approved", "审核通过"),
    /** Rejected, with a reason the person sees. */
    REJECTED("rejected", "审核不通过");

    private final String code;
    private final String label;

    DeclarationState(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** What the database stores and the REST answers carry in {@code state}. */
    public String code() {
        return code;
    }

    /** The zh-CN label shown to people ({@code stateName}). */
    public String label() {
        return label;
    }

    public static Optional<DeclarationState> of(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }

    /** The label of a stored code; the code itself for one this version does not know. */
    public static String labelOf(String code) {
        return of(code).map(DeclarationState::label).orElse(code);
    }

    /** Every state as {@code {state, name}}, in the order of a declaration's life. */
    public static List<StateName> names() {
        return Arrays.stream(values()).map(s -> new StateName(s.code, s.label)).toList();
    }
}
