package org.ceportal.declarations.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * 继续教育基地学时申报: an accredited base declares the hours of its course's attendees on their
 * behalf, with its learning form (kind BASE_HOURS, normally 继续教育基地学习). Each becomes an
 * ordinary declaration of the person — checked by the form's rule and caps, counted in its year —
 * marked with its {@linkplain DeclarationSummary#origin() origin}, which the person cannot change.
 *
 * @since 1.4
 */
@ProviderType
public interface BaseDeclarations {

    /**
     * The course the hours were earned in.
     *
     * @param id       the course (班次), named in the declarations' origin
     * @param formId   the learning form to declare with (its kind must be BASE_HOURS)
     * @param baseName the base's name
     * @param name     the course's name
     * @param from     its first day
     * @param to       its last day
     * @param category GENERAL or PROFESSIONAL (used when the form lets the declarant choose)
     * @param year     计入年度
     */
    record Course(long id, String formId, String baseName, String name, LocalDate from, LocalDate to, String category,
                  int year) {
    }

    /**
     * One attendee's hours.
     *
     * @param accountId the person's (approved) account
     * @param unitId    their unit, whose admin reviews when declarations are not approved at once
     * @param hours     the hours the base certifies
     */
    record Attendee(long accountId, Long unitId, BigDecimal hours) {
    }

    /**
     * What became of an attendee.
     *
     * @param declarationId the declaration made, or {@code null} (refused, or only checked)
     * @param problem       why it cannot be declared (zh-CN, e.g. over the form's cap), or {@code null}
     */
    record Outcome(Long declarationId, String problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    /**
     * Refuses a course whose hours cannot be declared now: its form is not installed or not a base
     * form, or its 计入年度 is no longer open.
     *
     * @throws org.ceportal.platform.api.ProblemException 409 with the reason in zh-CN
     */
    void checkCourse(Course course);

    /** Checks every attendee against the form's rule and caps; stores nothing. One outcome per attendee, in order. */
    List<Outcome> check(Course course, List<Attendee> attendees);

    /**
     * Declares the hours of every attendee that passes the checks, in the caller's transaction
     * (joined, or one of its own): approved at once, or submitted to the person's unit for review.
     * Each person is told through the message centre. One outcome per attendee, in order.
     *
     * @param approve  approved at once (审核通过, decided by the actor) rather than 待审核 by the unit
     * @param actorId  the base admin's account, named in each declaration's history
     * @param address  the client address, for the record
     */
    List<Outcome> declare(Course course, List<Attendee> attendees, boolean approve, long actorId, String address);
}
