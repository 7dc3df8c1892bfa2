package org.ceportal.declarations.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A declaration in full, as the person made it: the values are read against the
 * form's description as it was then ({@code schema}), so a declaration stays
 * readable after its form is upgraded or uninstalled.
 *
 * @param summary       the fields of its list line (flat in JSON, beside the others)
 * @param formVersion   the form's version when it was made
 * @param kind          HOURS or CREDITS
 * @param proposedHours what the form's rule computed from the values
 * @param explanation   how the rule computed it
 * @param values        the values entered, by field key (an object, given as stored)
 * @param schema        the form's description when it was made (an object, given as stored)
 * @param formAvailable whether the form is installed now (a draft of a removed form can only be deleted)
 * @param attachments   the proof files
 * @param createdAt     when it was first saved
 * @param decidedAt     when it was approved or rejected
 * @param history       every change of state, oldest first
 */
public record DeclarationDetail(@JsonUnwrapped DeclarationSummary summary, String formVersion, String kind, BigDecimal proposedHours,
                                String explanation, StoredJson values, StoredJson schema,
                                boolean formAvailable, List<AttachmentInfo> attachments, Instant createdAt,
                                Instant decidedAt, List<HistoryEntry> history) {

    /** A proof file of a declaration. */
    public record AttachmentInfo(long id, String name, long size, String mediaType, String sha256) {
    }

    /**
     * A change of state.
     *
     * @param at     when
     * @param from   the state before (null for the first save)
     * @param to     the state after
     * @param toName the zh-CN label of {@code to}
     * @param note        what the reviewer wrote with it (the reason)
     * @param hoursBefore for a decision: the hours claimed
     * @param hoursAfter  for a decision: the hours approved ({@code null} when rejected)
     */
    public record HistoryEntry(Instant at, String from, String to, String toName, String note, BigDecimal hoursBefore,
                               BigDecimal hoursAfter) {
    }
}
