package org.ceportal.declarations.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.List;

import org.apache.ibatis.annotations.Param;

/** SQL of the declarations module; see DeclarationMapper.xml. */
public interface DeclarationMapper {

    void insert(DeclarationRow row);

    /** The owner's declaration without its form's description: {@code schemaJson} is null ({@link FormSchemas#fill}). */
    DeclarationRow find(@Param("ownerId") long ownerId, @Param("id") long id);

    /** The person's own list: only the columns of a {@code DeclarationSummary} are filled. */
    List<DeclarationRow> list(@Param("ownerId") long ownerId, @Param("state") String state, @Param("year") Integer year,
            @Param("offset") long offset, @Param("size") int size);

    int count(@Param("ownerId") long ownerId, @Param("state") String state, @Param("year") Integer year);

    /** Rewrites a draft; 0 rows when it is no longer a draft of this owner at this version. */
    int updateDraft(DeclarationRow row);

    /** Moves {@code from} → {@code to}; 0 rows when the state or version moved on meanwhile. */
    int transition(@Param("ownerId") long ownerId, @Param("id") long id, @Param("from") String from, @Param("to") String to,
            @Param("version") Integer version, @Param("at") Timestamp at);

    /** Draft → pending at this version, with the time of submission; 0 rows when either moved on meanwhile. */
    int submitDraft(@Param("ownerId") long ownerId, @Param("id") long id, @Param("version") int version,
            @Param("at") Timestamp at);

    int deleteDraft(@Param("ownerId") long ownerId, @Param("id") long id, @Param("version") Integer version);

    /** 1 when the person's lock row exists (a read: no write to the log, unlike {@link #lockOwner}). */
    int ownerExists(@Param("ownerId") long ownerId);

    /** Locks the person's row until the transaction ends, counting a change; 0 when the person has none yet. */
    int lockOwner(@Param("ownerId") long ownerId);

    /**
     * Counts a change to the person's declarations (and locks their row until the transaction
     * ends). Every transaction that writes a declaration calls this or {@link #lockOwner} before
     * it writes, through {@link OwnerLocks}, so the person's own list kept in memory is known to be stale.
     */
    int touchOwner(@Param("ownerId") long ownerId);

    /** The count of changes to the person's declarations; null when they have no lock row yet. */
    Long ownerChanges(@Param("ownerId") long ownerId);

    void insertOwner(@Param("ownerId") long ownerId);

    void history(@Param("declarationId") long declarationId, @Param("at") Timestamp at, @Param("from") String from,
            @Param("to") String to, @Param("actorId") Long actorId, @Param("note") String note);

    List<HistoryRow> historyOf(@Param("declarationId") long declarationId);

    /** Hours already claimed with a form in a year by pending and approved declarations, other than one. */
    BigDecimal claimedInYear(@Param("ownerId") long ownerId, @Param("formId") String formId, @Param("year") int year,
            @Param("exceptId") long exceptId);

    // ---- review ----

    /** A submitted (not draft) declaration of the unit (any unit when {@code unitId} is null), or null. */
    DeclarationRow findInUnit(@Param("unitId") Long unitId, @Param("id") long id);

    /** The unit's (or with null every unit's) submitted declarations, those in {@code queueState} first. */
    List<DeclarationRow> reviewList(@Param("unitId") Long unitId, @Param("queueState") String queueState,
            @Param("state") String state, @Param("formId") String formId, @Param("year") Integer year,
            @Param("ownerIds") List<Long> ownerIds, @Param("offset") long offset, @Param("size") int size);

    int reviewCount(@Param("unitId") Long unitId, @Param("state") String state, @Param("formId") String formId,
            @Param("year") Integer year, @Param("ownerIds") List<Long> ownerIds);

    /** How many are in the state (of the unit, or of every unit) and since when the oldest waits. */
    QueueRow queue(@Param("unitId") Long unitId, @Param("state") String state);

    /** {@code from} → {@code to}; 0 rows when it was decided (or changed) meanwhile. */
    int revoke(@Param("unitId") Long unitId, @Param("id") long id, @Param("version") Integer version,
            @Param("from") String from, @Param("to") String to, @Param("at") Timestamp at);

    int decide(@Param("unitId") Long unitId, @Param("id") long id, @Param("version") Integer version,
            @Param("from") String from, @Param("to") String to,
            @Param("approvedHours") BigDecimal approvedHours, @Param("reviewNote") String reviewNote,
            @Param("rejectReason") String rejectReason, @Param("at") Timestamp at, @Param("by") long by);

    void decisionHistory(@Param("declarationId") long declarationId, @Param("at") Timestamp at,
            @Param("from") String from, @Param("to") String to,
            @Param("actorId") long actorId, @Param("note") String note, @Param("hoursBefore") BigDecimal hoursBefore,
            @Param("hoursAfter") BigDecimal hoursAfter);

    /** The person's approved hours (or credits: by kind) of a year. */
    BigDecimal approvedInYear(@Param("ownerId") long ownerId, @Param("year") int year, @Param("kind") String kind);

    List<DeclarationRow> sameFormOfOwner(@Param("ownerId") long ownerId, @Param("formId") String formId,
            @Param("exceptId") long exceptId, @Param("max") int max);

    List<DeclarationRow> ofOwner(@Param("ownerId") long ownerId, @Param("ids") List<Long> ids);

    // ---- yearly completion ----

    List<DeclarationRow> approvedOf(@Param("ownerId") long ownerId);

    List<DeclarationRow> approvedInUnit(@Param("unitId") long unitId, @Param("year") int year);

    String schemaOf(@Param("id") long id);

    /** A year's approved declarations across the province, by owner then decision, as a cursor. */
    org.apache.ibatis.cursor.Cursor<DeclarationRow> provinceApproved(@Param("year") int year);

    /** A year's submitted declarations, one row at a time to {@code handler}. */
    String formNameOf(@Param("id") long id);

    void activityOf(@Param("year") int year, org.apache.ibatis.session.ResultHandler<DeclarationRow> handler);

    List<PendingSum> pendingOf(@Param("ownerId") long ownerId);

    Integer firstYear(@Param("ownerId") long ownerId);

    /** The snapshots kept of a form version's description, oldest first. */
    List<FormSchemaRow> snapshotsOf(@Param("formId") String formId, @Param("formVersion") String formVersion);

    /** A snapshot's description, or null when there is none of that id. */
    String snapshotText(@Param("id") long id);

    /** Keeps a new snapshot; its id is set in {@code row}. */
    void insertSnapshot(FormSchemaRow row);

    /** Declarations per form and version (the ops' catalogue). */
    List<FormUseRow> formUse();
}
