package org.ceportal.declarations.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * A declaration as its reviewer sees it.
 *
 * @param declaration    the declaration as its owner sees it
 * @param ownerId        whose it is
 * @param approvedInYear the owner's hours (or credits, by the declaration's kind) already approved for its year
 * @param maxPerItem     the most hours one declaration of its form may get (the upper bound for the approved
 *                       hours), or {@code null} when the form has no cap per item
 * @param decidedBy      who decided it, or {@code null}
 * @param duplicates     the owner's other declarations that look like the same thing declared twice
 * @param revocable      whether this reviewer may take back its approval (decision {@code revoke}, 撤销审核)
 */
public record ReviewDetail(DeclarationDetail declaration, long ownerId, BigDecimal approvedInYear, BigDecimal maxPerItem,
                           Long decidedBy, List<Duplicate> duplicates, boolean revocable) {

    /**
     * A reason to suspect a declaration was declared twice.
     *
     * @param kind          {@code same_file} (a proof file with the same SHA-256) or {@code same_activity}
     *                      (the same form, the same title, overlapping dates)
     * @param kindName      its zh-CN name
     * @param declarationId the other declaration
     * @param stateName     the other one's state
     * @param title         the other one's title
     * @param detail        what is the same, e.g. the file's name
     */
    public record Duplicate(String kind, String kindName, long declarationId, String stateName, String title,
                            String detail) {
    }
}
