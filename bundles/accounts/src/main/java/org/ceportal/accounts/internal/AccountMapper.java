package org.ceportal.accounts.internal;

import java.sql.Timestamp;
import java.util.List;

import org.apache.ibatis.annotations.Param;

/** SQL of the accounts module; see AccountMapper.xml. */
public interface AccountMapper {

    void insertAccount(AccountRow account);

    void insertPerson(PersonRow person);

    AccountRow findByLogin(@Param("role") String role, @Param("login") String login);

    /** Registrations of the ID number that are not superseded (a rejected one is, once the number registers again). */
    int countByIdNumber(@Param("idNumber") String idNumber);

    /**
     * Moves a rejected registration out of the way of a new one for the same ID
     * number: its login gets {@code retiredLogin} and its person row no longer holds
     * the number as live. The rows stay, as history.
     */
    int retireRejectedAccount(@Param("id") long id, @Param("retiredLogin") String retiredLogin);

    int retireRejectedPerson(@Param("id") long id);

    void audit(@Param("at") Timestamp at, @Param("actorId") Long actorId, @Param("action") String action,
            @Param("subject") String subject, @Param("outcome") String outcome, @Param("address") String address);

    AccountRow findById(@Param("id") long id);

    PersonRow findPerson(@Param("accountId") long accountId);

    /** Counts a password attempt unless the account is locked at {@code now}; 0 rows when it is. */
    int claimAttempt(@Param("id") long id, @Param("now") Timestamp now);

    int failedLogins(@Param("id") long id);

    Timestamp lockedUntil(@Param("id") long id);

    int lockUntil(@Param("id") long id, @Param("until") Timestamp until);

    int resetFailures(@Param("id") long id);

    int setStaffState(@Param("id") long id, @Param("from") String from, @Param("to") String to);

    int updatePassword(@Param("id") long id, @Param("passwordHash") String passwordHash);

    int claimUnknown(@Param("subject") String subject, @Param("now") Timestamp now);

    int insertUnknown(@Param("subject") String subject, @Param("now") Timestamp now);

    LoginFailureRow unknownFailure(@Param("subject") String subject);

    int lockUnknown(@Param("subject") String subject, @Param("until") Timestamp until);

    int deleteOldUnknown(@Param("before") Timestamp before, @Param("now") Timestamp now);

    int insertResetCode(@Param("accountId") long accountId, @Param("codeHash") String codeHash, @Param("at") Timestamp at,
            @Param("expiresAt") Timestamp expiresAt);

    int resetCodesSince(@Param("accountId") long accountId, @Param("since") Timestamp since);

    int voidResetCodes(@Param("accountId") long accountId, @Param("at") Timestamp at);

    ResetCodeRow liveResetCode(@Param("accountId") long accountId, @Param("now") Timestamp now);

    int failResetCode(@Param("id") long id);

    int useResetCode(@Param("id") long id, @Param("at") Timestamp at);

    int setTemporaryPassword(@Param("id") long id, @Param("passwordHash") String passwordHash);

    int clearMustChangePassword(@Param("id") long id);

    int deleteSessionsOf(@Param("accountId") long accountId);

    int staffCount(@Param("pattern") String pattern);

    java.util.List<AccountRow> staff(@Param("pattern") String pattern, @Param("offset") long offset, @Param("size") int size);

    // first ops account

    int countOps();

    void insertSetupToken(@Param("tokenHash") String tokenHash, @Param("expiresAt") Timestamp expiresAt);

    /** Deletes the token if it is there and unexpired: 1 for the one caller that consumed it. */
    int consumeSetupToken(@Param("tokenHash") String tokenHash, @Param("now") Timestamp now);

    int deleteSetupTokens();

    // sessions

    void insertSession(SessionRow session);

    SessionRow findSession(@Param("tokenHash") String tokenHash);

    int touchSession(@Param("tokenHash") String tokenHash, @Param("lastSeenAt") Timestamp lastSeenAt);

    int deleteSession(@Param("tokenHash") String tokenHash);

    int deleteOtherSessions(@Param("accountId") long accountId, @Param("keepTokenHash") String keepTokenHash);

    int deleteExpiredSessions(@Param("now") Timestamp now, @Param("idleBefore") Timestamp idleBefore);

    // unit approval

    List<RegistrationRow> registrations(@Param("unitId") long unitId, @Param("state") String state,
            @Param("offset") long offset, @Param("size") int size);

    int countRegistrations(@Param("unitId") long unitId, @Param("state") String state);

    RegistrationRow registration(@Param("unitId") long unitId, @Param("id") long id);

    /** Decides a pending registration of the unit; 0 rows when it was decided already or the version moved on. */
    int decide(@Param("unitId") long unitId, @Param("id") long id, @Param("version") Integer version,
            @Param("state") String state, @Param("reason") String reason, @Param("at") Timestamp at,
            @Param("by") long by);

    /** Professionals with these account ids (account joined with person). */
    List<PersonView> people(@Param("ids") List<Long> ids);

    /** Approved professionals by their live ID numbers. */
    List<PersonView> approvedByIdNumber(@Param("idNumbers") List<String> idNumbers);

    /** Ids of professionals (of a unit, or all) whose name contains the pattern or whose ID number is given. */
    List<Long> matchingPeople(@Param("unitId") Long unitId, @Param("pattern") String pattern,
            @Param("idNumber") String idNumber, @Param("departmentId") Long departmentId, @Param("limit") int limit);

    String nameOf(@Param("id") long id);

    /** When the unit's longest-waiting registration was made; null when none waits. */
    java.sql.Timestamp oldestPendingRegistration(@Param("unitId") long unitId);

    /** Audit records, newest first; see {@link AuditSearchComponent}. */
    List<AuditRow> auditEntries(@Param("unitId") Long unitId, @Param("pattern") String pattern, @Param("login") String login,
            @Param("loginUpper") String loginUpper, @Param("action") String action, @Param("from") java.sql.Timestamp from, @Param("to") java.sql.Timestamp to,
            @Param("offset") long offset, @Param("size") int size);

    int auditCount(@Param("unitId") Long unitId, @Param("pattern") String pattern, @Param("login") String login,
            @Param("loginUpper") String loginUpper, @Param("action") String action, @Param("from") java.sql.Timestamp from, @Param("to") java.sql.Timestamp to);

    // ---- profiles ----

    RegistrationRow profileRow(@Param("accountId") long accountId);

    /** 0 rows when the person's version moved on meanwhile. */
    int updateProfile(@Param("accountId") long accountId, @Param("version") int version, @Param("mobile") String mobile,
            @Param("email") String email, @Param("departmentId") Long departmentId, @Param("ethnicGroup") String ethnicGroup,
            @Param("nativePlace") String nativePlace, @Param("school") String school, @Param("majorCode") String majorCode);

    int setTitle(@Param("accountId") long accountId, @Param("titleCode") String titleCode);

    List<PersonView> unitPeople(@Param("unitId") long unitId, @Param("pattern") String pattern,
            @Param("idNumber") String idNumber, @Param("departmentId") Long departmentId, @Param("titleCode") String titleCode,
            @Param("offset") long offset, @Param("size") int size);

    void professionals(org.apache.ibatis.session.ResultHandler<PersonView> each);

    int countUnitPeople(@Param("unitId") long unitId, @Param("pattern") String pattern, @Param("idNumber") String idNumber,
            @Param("departmentId") Long departmentId, @Param("titleCode") String titleCode);
}
