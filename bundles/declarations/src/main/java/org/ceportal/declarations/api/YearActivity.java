package org.ceportal.declarations.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * What was declared for a year (计入年度) across the province: submitted declarations by month of
 * submission (China time) and by learning form. Drafts are not counted.
 *
 * @param year    the 计入年度
 * @param months  twelve entries, January first
 * @param forms   one entry per learning form declared, most declared first
 * @param waiting how many of the year's declarations still wait for a review
 * @since 1.3
 */
public record YearActivity(int year, List<Month> months, List<FormUse> forms, int waiting) {

    /**
     * One month.
     *
     * @param month     1 to 12
     * @param name      its zh-CN name (1月)
     * @param submitted declarations submitted in that month
     * @param approved  how many of them are approved now
     */
    public record Month(int month, String name, int submitted, int approved) {
    }

    /**
     * One learning form's use.
     *
     * @param formId        the form
     * @param formName      its name on the latest declaration
     * @param kind          HOURS (学时) or CREDITS (学分)
     * @param unit          学时 or 学分
     * @param declarations  submitted declarations
     * @param approved      of which approved
     * @param approvedHours the hours (or credits) approved
     */
    public record FormUse(String formId, String formName, String kind, String unit, int declarations, int approved,
                          BigDecimal approvedHours) {
    }
}
