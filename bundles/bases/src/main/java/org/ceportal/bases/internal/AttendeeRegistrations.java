package org.ceportal.bases.internal;

import java.sql.Timestamp;
import java.util.List;

import org.ceportal.accounts.api.Person;
import org.ceportal.accounts.api.RegistrationApprovals;
import org.ceportal.declarations.api.BaseDeclarations;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.persistence.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A base's list named an ID number before its person registered: when the registration is
 * approved, each waiting line is declared for the person in the approval's transaction — when the
 * registered name is the listed one. A line that cannot be declared (another name, the year closed,
 * a cap) is marked with the reason, which the base sees in its import record; the approval goes on.
 */
@Component(service = RegistrationApprovals.class)
public final class AttendeeRegistrations implements RegistrationApprovals {
    private static final Logger LOG = LoggerFactory.getLogger(AttendeeRegistrations.class);

    private final Store store;
    private final Imports imports;
    private final BaseDeclarations declarations;

    @Activate
    public AttendeeRegistrations(@Reference BasesComponent module) {
        this.store = module.store();
        this.imports = module.imports();
        this.declarations = module.baseDeclarations();
    }

    @Override
    public void approved(Person person, long approverId) {
        store.inTransaction(s -> {
            ImportMapper m = s.getMapper(ImportMapper.class);
            List<WaitingRow> waiting = m.waiting(person.idNumber());
            Timestamp now = Timestamp.from(java.time.Instant.now());
            for (WaitingRow w : waiting) {
                String problem = null;
                Long declarationId = null;
                if (!AttendanceCheck.sameName(person.name(), w.name)) {
                    problem = "注册的姓名「" + person.name() + "」与名单中的「" + w.name + "」不符，未计入";
                } else {
                    BaseDeclarations.Course course = new BaseDeclarations.Course(w.courseId, imports.settings().formId(),
                            w.baseName, w.courseName, w.dateFrom.toLocalDate(), w.dateTo.toLocalDate(), w.category,
                            w.declYear);
                    try {
                        declarations.checkCourse(course);
                        BaseDeclarations.Outcome o = declarations.declare(course,
                                List.of(new BaseDeclarations.Attendee(person.accountId(), person.unitId(), w.hours)),
                                imports.settings().approveAtOnce(), w.importedBy, null).get(0);
                        problem = o.problem();
                        declarationId = o.declarationId();
                    } catch (ProblemException e) {
                        problem = e.getMessage(); // the course as a whole cannot be declared now (year closed, form gone)
                    }
                }
                m.settle(w.courseId, w.idNumber, problem == null ? "declared" : "refused", person.accountId(), declarationId,
                        problem == null ? null : problem.length() > 300 ? problem.substring(0, 300) : problem, now);
                LOG.info("Waiting line of course {} for account {}: {}", w.courseId, person.accountId(),
                        problem == null ? "declared " + declarationId : "not declared");
            }
            return null;
        });
    }
}
