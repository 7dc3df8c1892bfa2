package org.ceportal.accounts.api;

/**
 * An approved professional as the province's reports read them: ids and codes only, the
 * names of units, departments and titles being the directory's.
 *
 * @param accountId    the account
 * @param name         姓名
 * @param unitId       the unit, or {@code null}
 * @param departmentId the department, or {@code null}
 * @param titleCode    the title (职称) code, or {@code null}
 * @since 1.2
 */
public record Professional(long accountId, String name, Long unitId, Long departmentId, String titleCode) {
}
