package org.ceportal.declarations.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.ibatis.session.SqlSession;
import org.ceportal.learningform.api.Evaluation;
import org.ceportal.learningform.api.Field;
import org.ceportal.learningform.api.FieldType;
import org.ceportal.learningform.api.FormDescription;
import org.ceportal.learningform.api.SubjectCategory;
import org.ceportal.platform.api.FieldError;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.api.Texts;
import org.ceportal.platform.persistence.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a declaration must satisfy before it is saved or submitted: the common fields,
 * the form's own rule, the years it may count towards and the form's yearly cap.
 */
final class DeclarationChecks {
    private static final Logger LOG = LoggerFactory.getLogger(DeclarationChecks.class);
    private static final int MAX_JSON = 32_000;

    private final Store store;
    private final int yearsBack;
    private final ZoneId zone;
    private final Clock clock;
    private final Units units;

    DeclarationChecks(Store store, int yearsBack, ZoneId zone, Clock clock, Units units) {
        this.store = store;
        this.yearsBack = yearsBack;
        this.zone = zone;
        this.clock = clock;
        this.units = units;
    }

    Units units() {
        return units;
    }

    /** The common fields and the form's verdict, checked together so the page gets every error at once. */
    static final class Checked {
        int year;
        /** HOURS, CREDITS or BASE_HOURS: the form's kind, or the person's unit when the form counts the other one. */
        String kind;
        String category;
        BigDecimal proposed;
        BigDecimal claimed;
        String explanation;
        String valuesJson;
        String title;

        void fill(DeclarationRow row, FormDescription d) {
            row.formId = d.id();
            row.formVersion = d.version();
            row.formName = d.name();
            row.kind = kind;
            row.schemaJson = JsonText.write(Schemas.full(d));
            row.valuesJson = valuesJson;
            row.title = title;
            row.declYear = year;
            row.category = category;
            row.proposedHours = proposed;
            row.claimedHours = claimed;
            row.explanation = explanation;
        }
    }

    /** Runs a form's rule; a failing plug-in is the form's fault, not the user's. */
    static Evaluation evaluate(FormRegistry.Live live, Map<String, Object> values) {
        try {
            Evaluation e = live.form().evaluate(values == null ? Map.of() : values);
            if (e == null) {
                throw new IllegalStateException("null evaluation");
            }
            return e;
        } catch (RuntimeException ex) {
            LOG.error("Learning form {} {} failed to evaluate",
                    live.description().id(), live.description().version(), ex);
            throw new ProblemException(503, "form_failed", "该学习形式暂时无法使用，请稍后再试或联系运维人员");
        }
    }

    /** The years a declaration may count towards: this year (in the portal's time zone) and {@code yearsBack} before. */
    List<Integer> declarableYears() {
        int now = LocalDate.now(clock.withZone(zone)).getYear();
        List<Integer> years = new ArrayList<>();
        for (int y = now; y >= now - yearsBack; y--) {
            years.add(y);
        }
        return years;
    }

    Checked check(FormRegistry.Live live, DeclarationRequest r, long ownerId) {
        FormDescription d = live.description();
        List<FieldError> errors = new ArrayList<>();
        Checked c = new Checked();
        List<Integer> years = declarableYears();
        if (r.year == null || !years.contains(r.year)) {
            errors.add(new FieldError("year", "计入年度只能是 " + years.get(years.size() - 1) + " 至 " + years.get(0) + " 年"));
        } else {
            c.year = r.year;
        }
        if (d.category() == SubjectCategory.CHOICE) {
            if (r.category == null || !(r.category.equals("GENERAL") || r.category.equals("PROFESSIONAL"))) {
                errors.add(new FieldError("category", "请选择科目类别：公需科目或专业科目"));
            } else {
                c.category = r.category;
            }
        } else {
            c.category = d.category().name();
        }
        Map<String, Object> values = r.values == null ? Map.of() : r.values;
        Evaluation e = evaluate(live, values);
        for (org.ceportal.learningform.api.FieldError fe : e.errors()) {
            errors.add(new FieldError("values." + fe.field(), fe.message()));
        }
        String formKind = d.kind().name();
        c.kind = c.year == 0 ? formKind : units.declaredKind(formKind, ownerId, c.year);
        String unit = DeclarationViews.unitOf(c.kind);
        if (e.isValid()) {
            BigDecimal proposed = units.convert(e.proposed(), formKind, c.kind);
            c.proposed = proposed;
            String explanation = e.explanation();
            if (!Units.family(c.kind).equals(Units.family(formKind))) {
                explanation = (explanation == null ? "" : Texts.withoutFinalStop(explanation) + "；")
                        + units.note(formKind, c.kind, proposed);
            }
            c.explanation = explanation == null ? null : truncate(explanation, 500);
            if (r.claimedHours == null) {
                c.claimed = proposed;
            } else if (r.claimedHours.signum() <= 0 || r.claimedHours.stripTrailingZeros().scale() > 2) {
                errors.add(new FieldError("claimedHours", "申报" + unit + "应大于 0，最多两位小数"));
            } else if (r.claimedHours.compareTo(proposed) > 0) {
                errors.add(new FieldError("claimedHours", "申报" + unit + "不能超过按规则核算的 "
                        + proposed.stripTrailingZeros().toPlainString() + " " + unit));
            } else {
                c.claimed = r.claimedHours;
            }
            if (c.claimed != null && c.claimed.signum() <= 0) {
                errors.add(new FieldError("claimedHours", "按所填内容核算为 0 " + unit + "，无需申报"));
            }
            if (r.year != null) {
                yearMismatch(d, values, r.year).ifPresent(errors::add);
            }
        }
        c.valuesJson = JsonText.write(values);
        if (c.valuesJson.length() > MAX_JSON) {
            errors.add(new FieldError("values", "填写的内容过长，请精简后再保存"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        c.title = titleOf(d, values);
        return c;
    }

    /**
     * Hours count only in their own year: when the form names the field whose date decides
     * it, a 计入年度 that differs is refused on the year field.
     */
    static java.util.Optional<FieldError> yearMismatch(FormDescription d, Map<String, Object> values, int year) {
        if (d.yearField() == null) {
            return java.util.Optional.empty();
        }
        org.ceportal.learningform.api.Field f = d.field(d.yearField()).orElse(null);
        org.ceportal.learningform.api.FieldValues v = org.ceportal.learningform.api.FieldValues.check(d, values);
        if (f == null || !v.has(f.key())) {
            return java.util.Optional.empty();
        }
        Integer activity;
        String when;
        switch (f.type()) {
            case DATE -> {
                java.time.LocalDate date = v.date(f.key());
                activity = date == null ? null : date.getYear();
                when = "在";
            }
            case DATE_RANGE -> {
                java.time.LocalDate to = v.dateTo(f.key());
                activity = to == null ? null : to.getYear();
                when = "结束于";
            }
            case YEAR -> {
                activity = v.integer(f.key());
                when = "为";
            }
            default -> {
                activity = null;
                when = null;
            }
        }
        if (activity == null || activity == year) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new FieldError("year", "「" + f.label() + "」" + when + " " + activity + " 年，"
                + d.kind().unit() + "只能计入 " + activity + " 年度"));
    }

    /**
     * Refuses a submission that would take the person past the form's yearly cap; run
     * it with the person's lock row locked, so parallel submissions are counted one
     * after the other.
     */
    void checkYearCap(long ownerId, String formId, String formName, String unit, BigDecimal maxPerYear, int year,
            BigDecimal claimed, long exceptId) {
        if (maxPerYear == null) {
            return;
        }
        BigDecimal already;
        try (SqlSession s = store.session()) {
            already = s.getMapper(DeclarationMapper.class).claimedInYear(ownerId, formId, year, exceptId);
        }
        if (already.add(claimed).compareTo(maxPerYear) > 0) {
            throw ProblemException.invalid("claimedHours", year + " 年度「" + formName + "」最多可申报 "
                    + maxPerYear.stripTrailingZeros().toPlainString() + " " + unit + "，已申报 "
                    + already.stripTrailingZeros().toPlainString() + " " + unit);
        }
    }

    static void requireAttachments(int count) {
        if (count == 0) {
            throw ProblemException.invalid("attachmentIds", "提交前请上传证明材料（证书、成绩单等扫描件）");
        }
    }

    static String titleOf(FormDescription d, Map<String, Object> values) {
        for (Field f : d.fields()) {
            if (f.type() == FieldType.TEXT && f.required()) {
                Object v = values.get(f.key());
                if (v != null && !String.valueOf(v).isBlank()) {
                    return truncate(String.valueOf(v).strip(), 200);
                }
            }
        }
        return null;
    }

    static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
