package org.ceportal.platform.security;

/** The portal's roles. */
public enum Role {
    /** 专业技术人员 */
    PROFESSIONAL,
    /** 用人单位管理员: sees only the people and records of one unit. */
    UNIT_ADMIN,
    /** 省级运维: manages reference data and learning forms. */
    OPS
}
