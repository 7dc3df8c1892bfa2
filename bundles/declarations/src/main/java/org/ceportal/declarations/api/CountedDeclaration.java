package org.ceportal.declarations.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An approved declaration as the yearly completion counts it.
 *
 * @param id            the declaration
 * @param year          计入年度: the only year it counts in
 * @param formId        its learning form
 * @param formName      the form's name when it was made
 * @param kind          HOURS (学时) or CREDITS (学分)
 * @param category      GENERAL (公需科目) or PROFESSIONAL (专业科目)
 * @param categoryName  its zh-CN name
 * @param title         the activity's title
 * @param approvedHours the hours (or credits) approved
 * @param maxPerYear    the form's cap per person and year when it was made, or {@code null}
 * @param decidedAt     when it was approved
 */
public record CountedDeclaration(long id, int year, String formId, String formName, String kind, String category,
                                 String categoryName, String title, BigDecimal approvedHours, BigDecimal maxPerYear,
                                 Instant decidedAt) {
}
