package org.ceportal.declarations.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.ibatis.session.SqlSession;
import org.ceportal.declarations.api.BaseDeclarations;
import org.ceportal.declarations.api.DeclarationState;
import org.ceportal.learningform.api.DeclarationKind;
import org.ceportal.learningform.api.Evaluation;
import org.ceportal.learningform.api.FormDescription;
import org.ceportal.learningform.api.SubjectCategory;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.persistence.Store;
import org.ceportal.review.api.Messages;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link BaseDeclarations}: a base's attendees' hours as declarations of the persons, checked by
 * the same rule, caps and years as the persons' own, inserted as 待审核 and, when approved at once,
 * decided by the base admin in the same transaction — each with its history and a message.
 */
@Component(service = BaseDeclarations.class)
public final class BaseDeclarationsService implements BaseDeclarations {
    private static final String BASE_HOURS = DeclarationKind.BASE_HOURS.name();
    private static final String PENDING = DeclarationState.PENDING.code();
    private static final String APPROVED = DeclarationState.APPROVED.code();
    static final int MAX_ORIGIN = 200;

    private final Store store;
    private final FormRegistry forms;
    private final Units units;
    private final Supplier<List<Integer>> years;
    private final Messages messages;
    private final Clock clock;
    private final FormSchemas snapshots;
    private final OwnerLocks owners;

    @Activate
    public BaseDeclarationsService(@Reference DeclarationsComponent module) {
        this(module.store(), module.forms(), module.units(), module.declarations()::declarableYears, module.messages(),
                module.clock(), module.ownLists());
    }

    BaseDeclarationsService(Store store, FormRegistry forms, Units units, Supplier<List<Integer>> years, Messages messages,
            Clock clock, OwnLists ownLists) {
        this.owners = new OwnerLocks(store, ownLists);
        this.store = store;
        this.forms = forms;
        this.units = units;
        this.years = years;
        this.messages = messages;
        this.clock = clock;
        this.snapshots = new FormSchemas(store);
    }

    @Override
    public void checkCourse(Course course) {
        live(course);
    }

    @Override
    public List<Outcome> check(Course course, List<Attendee> attendees) {
        Plan plan = new Plan(course, live(course));
        List<Outcome> out = new ArrayList<>(attendees.size());
        for (Attendee a : attendees) {
            out.add(new Outcome(null, plan.problem(a, false)));
        }
        return out;
    }

    @Override
    public List<Outcome> declare(Course course, List<Attendee> attendees, boolean approve, long actorId, String address) {
        Plan plan = new Plan(course, live(course));
        return store.inTransaction(s -> {
            DeclarationMapper m = s.getMapper(DeclarationMapper.class);
            Timestamp now = Timestamp.from(clock.instant());
            List<Outcome> out = new ArrayList<>(attendees.size());
            for (Attendee a : attendees) {
                String problem = plan.problem(a, true);
                if (problem != null) {
                    out.add(new Outcome(null, problem));
                    continue;
                }
                DeclarationRow row = plan.row(a, now);
                owners.touch(s, a.accountId());
                snapshots.name(s, row);
                m.insert(row);
                m.history(row.id, now, null, PENDING, actorId, "由继续教育基地导入");
                if (approve) {
                    m.decide(null, row.id, null, PENDING, APPROVED, row.claimedHours, null, null, now, actorId);
                    m.decisionHistory(row.id, now, PENDING, APPROVED, actorId, "继续教育基地认定", row.claimedHours,
                            row.claimedHours);
                }
                messages.send(a.accountId(), "继续教育基地已为您申报学时", plan.origin + "：" + course.year() + " 年度 "
                        + row.claimedHours.stripTrailingZeros().toPlainString() + " " + DeclarationViews.unitOf(row.kind)
                        + (approve ? "，已审核通过，计入年度学时。" : "，待您所在单位审核。"),
                        "/progress.html?state=" + (approve ? APPROVED : PENDING));
                out.add(new Outcome(row.id, null));
            }
            return out;
        });
    }

    /** The course's form, live and of kind BASE_HOURS, with a 计入年度 still open; else 409. */
    private FormRegistry.Live live(Course course) {
        FormRegistry.Live live = forms.get(course.formId()).orElseThrow(() -> new ProblemException(409,
                "form_unavailable", "继续教育基地学习所用的学习形式（" + course.formId() + "）未安装，暂不能申报，请联系运维人员"));
        if (live.description().kind() != DeclarationKind.BASE_HOURS) {
            throw new ProblemException(409, "form_unavailable", "学习形式「" + live.description().name()
                    + "」不是继续教育基地学时申报所用的形式，请联系运维人员");
        }
        List<Integer> open = years.get();
        if (!open.contains(course.year())) {
            throw new ProblemException(409, "year_closed", "该班次计入 " + course.year() + " 年度，现在只能申报 "
                    + open.get(open.size() - 1) + " 至 " + open.get(0) + " 年度的学时");
        }
        return live;
    }

    /** What every attendee of one course shares: the form, its snapshot, the values but the hours. */
    private final class Plan {
        final Course course;
        final FormDescription form;
        final String schemaJson;
        final String category;
        final String origin;
        final Map<BigDecimal, Evaluation> evaluations = new HashMap<>();
        /** What each attendee's year counts in (学时 or 学分: a read of their profile), asked once per attendee. */
        final Map<Long, String> kinds = new HashMap<>();

        Plan(Course course, FormRegistry.Live live) {
            this.course = course;
            this.form = live.description();
            this.schemaJson = JsonText.write(Schemas.full(form));
            this.category = form.category() == SubjectCategory.CHOICE ? course.category() : form.category().name();
            String o = "继续教育基地学时申报（基地「" + course.baseName() + "」，班次「" + course.name() + "」）";
            this.origin = DeclarationChecks.truncate(o, MAX_ORIGIN);
        }

        Map<String, Object> values(BigDecimal hours) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("baseName", course.baseName());
            v.put("courseName", course.name());
            v.put("period", Map.of("from", course.from().toString(), "to", course.to().toString()));
            v.put("hours", hours);
            return v;
        }

        Evaluation evaluation(BigDecimal hours) {
            return evaluations.computeIfAbsent(hours.stripTrailingZeros(), h -> DeclarationChecks.evaluate(
                    forms.get(form.id(), form.version()).orElseGet(() -> live(course)), values(h)));
        }

        String kindOf(Attendee a) {
            return kinds.computeIfAbsent(a.accountId(), id -> units.declaredKind(BASE_HOURS, id, course.year()));
        }

        /** Why the attendee's hours cannot be declared, or null. */
        String problem(Attendee a, boolean locked) {
            Evaluation e = evaluation(a.hours());
            if (!e.isValid()) {
                return String.join("；", e.errors().stream().map(org.ceportal.learningform.api.FieldError::message).toList());
            }
            String kind = kindOf(a);
            String unit = DeclarationViews.unitOf(kind);
            BigDecimal proposed = units.convert(e.proposed(), BASE_HOURS, kind);
            BigDecimal claimed = units.convert(a.hours(), BASE_HOURS, kind);
            if (claimed.compareTo(proposed) > 0) {
                return "超过「" + form.name() + "」每项最多可计的 " + proposed.stripTrailingZeros().toPlainString() + " " + unit;
            }
            BigDecimal max = units.convert(form.maxPerYear(), BASE_HOURS, kind);
            if (max != null) {
                BigDecimal already;
                if (locked) {
                    // in the declaring transaction: the person's own submissions wait (when they ever submitted)
                    already = store.inTransaction(s -> {
                        DeclarationMapper m = s.getMapper(DeclarationMapper.class);
                        owners.lock(s, a.accountId());
                        return m.claimedInYear(a.accountId(), form.id(), course.year(), 0L);
                    });
                } else {
                    try (SqlSession s = store.session()) {
                        already = s.getMapper(DeclarationMapper.class).claimedInYear(a.accountId(), form.id(), course.year(), 0L);
                    }
                }
                if (already.add(claimed).compareTo(max) > 0) {
                    return course.year() + " 年度「" + form.name() + "」最多可申报 " + max.stripTrailingZeros().toPlainString()
                            + " " + unit + "，已申报 " + already.stripTrailingZeros().toPlainString() + " " + unit;
                }
            }
            return null;
        }

        DeclarationRow row(Attendee a, Timestamp now) {
            Evaluation e = evaluation(a.hours());
            DeclarationRow row = new DeclarationRow();
            row.ownerId = a.accountId();
            row.unitId = a.unitId();
            row.formId = form.id();
            row.formVersion = form.version();
            row.formName = form.name();
            row.kind = kindOf(a);
            row.schemaJson = schemaJson;
            Map<String, Object> values = values(a.hours());
            row.valuesJson = JsonText.write(values);
            row.title = DeclarationChecks.titleOf(form, values);
            row.declYear = course.year();
            row.category = category;
            row.proposedHours = units.convert(e.proposed(), BASE_HOURS, row.kind);
            row.claimedHours = units.convert(a.hours(), BASE_HOURS, row.kind);
            String explanation = e.explanation();
            if (!Units.family(row.kind).equals(Units.family(BASE_HOURS))) {
                explanation = (explanation == null ? "" : explanation + "；") + units.note(BASE_HOURS, row.kind, row.proposedHours);
            }
            row.explanation = explanation == null ? null : DeclarationChecks.truncate(explanation, 500);
            row.state = PENDING;
            row.createdAt = now;
            row.updatedAt = now;
            row.submittedAt = now;
            row.origin = origin;
            return row;
        }
    }
}
