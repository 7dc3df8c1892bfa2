package org.ceportal.platform.security;

/** The portal's roles, each with the zh-CN name the pages show (the pages never spell it themselves). */
public enum Role {
    /** 专业技术人员 */
    PROFESSIONAL("专业技术人员"),
    /** 用人单位管理员: sees only the people and records of one unit. */
    UNIT_ADMIN("单位管理员"),
    /** 省级运维: manages reference data and learning forms, and reviews a form's second level. */
    OPS("省级运维"),
    /** 继续教育基地管理员: runs one accredited base's courses and declares its attendees' hours. */
    BASE_ADMIN("继续教育基地管理员");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    /** The zh-CN name, e.g. 省级运维. */
    public String label() {
        return label;
    }
}
