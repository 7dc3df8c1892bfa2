package org.ceportal.profile.internal;

/**
 * Body of {@code PUT /api/me/profile}: the editable fields, the title with the date it
 * was obtained, and — if a page sends them — the locked ones, which must not differ.
 */
public class ProfileRequest {
    public Integer version;
    public String mobile;
    public String email;
    public Long departmentId;
    public String ethnicGroup;
    public String nativePlace;
    public String school;
    public String majorCode;
    public String titleCode;
    /** 取得时间 of a new title, YYYY-MM-DD. */
    public String titleObtainedOn;
    /** A scan of the new title's certificate, uploaded first ({@code POST /api/attachments}); optional. */
    public Long titleCertificateId;
    // locked after registration
    public String idNumber;
    public String name;
    public String gender;
    public String birthDate;
    public String regionCode;
    public Long unitId;
}
