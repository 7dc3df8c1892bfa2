package org.ceportal.declarations.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A declaration as a line of a list (申报进度查询, 申报审核).
 *
 * @param id           the declaration's id
 * @param version      the version to send back with a change (optimistic locking)
 * @param state        the {@link DeclarationState} code
 * @param stateName    its zh-CN label
 * @param formId       the learning form's id
 * @param formName     the form's name when the declaration was made
 * @param kindName     学时申报 or 学分申报
 * @param unit         学时 or 学分
 * @param year         计入年度
 * @param category     GENERAL or PROFESSIONAL
 * @param categoryName 公需科目 or 专业科目
 * @param claimedHours the hours (or credits) the person claims
 * @param title        a short title taken from the form's first required text field
 * @param approvedHours the hours the reviewer approved (may be fewer than claimed), once approved
 * @param reviewNote   the reviewer's reason for approving other hours than claimed
 * @param rejectReason why it was rejected, when it was
 * @param updatedAt    when it last changed
 * @param submittedAt  when it was (last) submitted
 * @param origin       who declared it for the person, e.g. 「继续教育基地学时申报（基地「…」，班次「…」）」;
 *                     {@code null} for the person's own declaration (since 1.4)
 */
public record DeclarationSummary(long id, int version, String state, String stateName, String formId, String formName,
                                 String kindName, String unit, int year, String category, String categoryName,
                                 BigDecimal claimedHours, BigDecimal approvedHours, String title, String reviewNote,
                                 String rejectReason, Instant updatedAt, Instant submittedAt, String origin) {
}
