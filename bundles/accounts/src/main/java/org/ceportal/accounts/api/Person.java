package org.ceportal.accounts.api;

/**
 * A professional as a reviewer sees them.
 *
 * @param accountId      the account
 * @param name           姓名
 * @param idNumber       身份证号
 * @param unitId         the unit, or {@code null}
 * @param unitName       its name
 * @param departmentId   the department, or {@code null}
 * @param departmentName its name
 * @param titleCode      the professional title (职称) code, or {@code null}
 * @param titleName      its name
 */
public record Person(long accountId, String name, String idNumber, Long unitId, String unitName, Long departmentId,
                     String departmentName, String titleCode, String titleName) {
}
