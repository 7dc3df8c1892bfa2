package org.ceportal.accounts.api;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Reads professionals' accounts for other bundles. */
@ProviderType
public interface People {

    /** The most ids {@link #people} and {@link #matching} handle at once. */
    int MAX_IDS = 1000;

    /** A professional by account id; empty for another role or an unknown id. */
    Optional<Person> person(long accountId);

    /** Professionals by account id (at most {@link #MAX_IDS}); unknown ids are left out. */
    Map<Long, Person> people(Collection<Long> accountIds);

    /**
     * Account ids of the unit's professionals whose name contains {@code q} or whose ID
     * number is {@code q}, and who work in the department, in a stable order, at most
     * {@code limit} (at most {@link #MAX_IDS}).
     *
     * @param unitId       the unit, or {@code null} for the whole province
     * @param q            part of a name or a whole ID number, or {@code null} for anyone
     * @param departmentId the department, or {@code null} for any
     * @throws IllegalArgumentException when neither {@code q} nor {@code departmentId} is given
     * @throws org.ceportal.platform.api.ProblemException 400 (field {@code q}) for a query too long
     */
    List<Long> matching(Long unitId, String q, Long departmentId, int limit);

    /** Any account's display name (a reviewer's, for 「已由…审核」), or empty. */
    Optional<String> nameOf(long accountId);

    /**
     * The approved professionals whose ID numbers are given (at most {@link #MAX_IDS}), by ID
     * number; a number without such an account (not registered, waiting for review, rejected)
     * is left out. ID numbers are compared as stored: 18 characters, a final {@code X} upper-case.
     *
     * @since 1.4
     */
    Map<String, Person> approvedByIdNumber(Collection<String> idNumbers);

    /**
     * An ID number as stored (blanks removed, a final {@code x} upper-cased) when it is a valid
     * 18-character PRC resident identity number (GB 11643: characters, a real birth date not in the
     * future, the check character); else the zh-CN reason, as registration words it.
     *
     * @since 1.4
     */
    IdNumberCheck checkIdNumber(String raw);

    /**
     * The verdict of {@link People#checkIdNumber}.
     *
     * @param idNumber the number as stored, or {@code null} when invalid
     * @param problem  why it is invalid, or {@code null}
     * @since 1.4
     */
    record IdNumberCheck(String idNumber, String problem) {
    }
}
