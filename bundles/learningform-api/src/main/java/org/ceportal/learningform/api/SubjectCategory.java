package org.ceportal.learningform.api;

/**
 * Which part of the yearly requirement a form's hours count towards. A declaration
 * always ends up in {@link #GENERAL} or {@link #PROFESSIONAL}; {@link #CHOICE} lets the
 * declarant pick one of the two.
 */
public enum SubjectCategory {
    /** 公需科目: law, policy, ethics and other content every professional needs. */
    GENERAL("公需科目"),
    /** 专业科目: content of the declarant's own profession. */
    PROFESSIONAL("专业科目"),
    /** 由申报人选择: the declarant chooses general or professional for each declaration. */
    CHOICE("由申报人选择");

    private final String label;

    SubjectCategory(String label) {
        this.label = label;
    }

    /** @return the zh-CN name, e.g. 「专业科目」 */
    public String label() {
        return label;
    }
}
