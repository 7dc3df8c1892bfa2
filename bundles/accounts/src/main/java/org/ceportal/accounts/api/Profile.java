package org.ceportal.accounts.api;

/**
 * A professional's registered data, names filled in (用户资料管理).
 *
 * @param version      the person's version, to send back with a change (optimistic locking)
 * @param registeredOn the day the person registered (in UTC), YYYY-MM-DD
 */
public record Profile(long accountId, String idNumber, String name, String gender, String genderName, String birthDate,
                      String mobile, String email, String regionCode, String regionName, Long unitId, String unitName,
                      Long departmentId, String departmentName, String ethnicGroup, String ethnicGroupName,
                      String nativePlace, String school, String majorCode, String majorName, String titleCode,
                      String titleName, int version, String registeredOn) {
}
