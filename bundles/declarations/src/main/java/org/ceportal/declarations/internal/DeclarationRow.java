package org.ceportal.declarations.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;

/** A row of the declaration table. */
public class DeclarationRow {
    public Long id;
    public long ownerId;
    public Long unitId;
    public String formId;
    public String formVersion;
    public String formName;
    public String kind;
    /** The form_schema row of the snapshot: what is written; {@link #schemaJson} is what is read. */
    public Long schemaId;
    /** The form's description as it was when the declaration was made or last saved (the snapshot). */
    public String schemaJson;
    public String valuesJson;
    public String title;
    public int declYear;
    public String category;
    public BigDecimal proposedHours;
    public BigDecimal claimedHours;
    public String explanation;
    public String state;
    public BigDecimal approvedHours;
    public String reviewNote;
    public String rejectReason;
    public Long decidedBy;
    public int version;
    public Timestamp createdAt;
    public Timestamp updatedAt;
    public Timestamp submittedAt;
    public Timestamp decidedAt;
    /** Who declared it when not the owner: a base's import (「继续教育基地学时申报（基地「…」，班次「…」）」); null for the owner's own. */
    public String origin;
}
