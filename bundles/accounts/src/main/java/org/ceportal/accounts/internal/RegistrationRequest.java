package org.ceportal.accounts.internal;

/** The body of {@code POST /api/registrations}: account block and personal block. */
public class RegistrationRequest {
    public String idNumber;
    public String password;
    /** Optional: when sent, it must equal {@code password}. */
    public String passwordConfirmation;
    public String mobile;
    public String email;
    public String regionCode;
    public Long unitId;
    public Long departmentId;
    public String name;
    /** {@code M} or {@code F}. */
    public String gender;
    /** {@code YYYY-MM-DD}. */
    public String birthDate;
    public String ethnicGroup;
    public String nativePlace;
    public String school;
    public String majorCode;
    public String titleCode;
    /** The captcha shown on the page ({@code POST /api/captchas}) and what the person typed. */
    public String captchaId;
    public String captchaAnswer;
}
