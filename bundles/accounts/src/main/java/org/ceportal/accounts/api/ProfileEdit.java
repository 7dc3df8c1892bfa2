package org.ceportal.accounts.api;

/**
 * The fields a professional may change after registration, except the title, which
 * changes only through an approved request ({@link Profiles#setTitle}).
 */
public record ProfileEdit(String mobile, String email, Long departmentId, String ethnicGroup, String nativePlace,
                          String school, String majorCode) {
}
