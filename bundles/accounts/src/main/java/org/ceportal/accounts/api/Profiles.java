package org.ceportal.accounts.api;

import java.util.Optional;

import org.ceportal.platform.api.Page;
import org.ceportal.platform.api.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Approved professionals' registered data, for the profile bundle. Every change joins
 * the caller's transaction.
 */
@ProviderType
public interface Profiles {

    /** An approved professional's data; empty for anyone else. */
    Optional<Profile> profile(long accountId);

    /**
     * Saves the editable fields, checked as at registration.
     *
     * @param version the version the person saw
     * @return the profile afterwards
     * @throws org.ceportal.platform.api.ProblemException 400 with field errors, 409 {@code stale_version}
     *         when the profile changed since {@code version}, 404 for no approved professional
     */
    Profile update(long accountId, int version, ProfileEdit edit);

    /**
     * Puts a title (专业技术职务) in force, once its change was approved.
     *
     * @throws org.ceportal.platform.api.ProblemException 400 (field {@code titleCode}) for an unknown title
     */
    void setTitle(long accountId, String titleCode);

    /**
     * A unit's approved professionals (人员管理), by name, ordered by name.
     *
     * @param q            part of a name or a whole ID number, or {@code null}
     * @param departmentId a department, or {@code null}
     * @param titleCode    a title, or {@code null}
     */
    Page<Person> ofUnit(long unitId, String q, Long departmentId, String titleCode, PageRequest page);

    /**
     * Every approved professional of the province, in the order of their account ids, handed to
     * {@code each} one at a time as they are read (the memory used does not grow with the province).
     *
     * @since 1.2
     */
    void eachProfessional(java.util.function.Consumer<Professional> each);
}
