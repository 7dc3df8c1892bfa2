package org.ceportal.learningforms.builtin.internal;

import java.math.BigDecimal;
import java.util.List;

import org.ceportal.learningform.api.DeclarationKind;
import org.ceportal.learningform.api.Evaluation;
import org.ceportal.learningform.api.Field;
import org.ceportal.learningform.api.FieldValues;
import org.ceportal.learningform.api.FormDescription;
import org.ceportal.learningform.api.LearningForm;
import org.ceportal.learningform.api.SubjectCategory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * 行业专业培训: professional training run by a sector body (a competent department
 * or an authorised association), counted by days like training; days cannot exceed
 * the calendar days of the course's dates. Category: the declarant chooses.
 */
@Component(service = LearningForm.class, configurationPid = SectorTrainingForm.PID)
@Designate(ocd = SectorTrainingForm.Config.class)
public final class SectorTrainingForm extends BuiltinForm {
    static final String ID = "sector-training";
    static final String PID = PID_PREFIX + ID;

    @ObjectClassDefinition(name = "学习形式：行业专业培训",
            description = "行业专业培训的学时计算数值；默认值取自本省学时折算表")
    @interface Config {
        @AttributeDefinition(name = "每天折算学时", min = "0",
                description = "培训一天折算的学时（折算表规定为 8）")
        int hoursPerDay() default 8;

        @AttributeDefinition(name = "每项最多学时", min = "1",
                description = "一期培训最多可得的学时；折算表未作规定，默认 90，即一年应完成的学时数")
        int maxPerItem() default 90;

        @AttributeDefinition(name = "每年最多学时", min = "0",
                description = "一年内所有行业专业培训申报合计最多可得的学时；0 表示不限（默认）")
        int maxPerYear() default 0;
    }

    private final BigDecimal hoursPerDay;

    @Activate
    public SectorTrainingForm(Config config) {
        super(describe(config));
        this.hoursPerDay = Figures.figure("hoursPerDay", config.hoursPerDay());
    }

    private static FormDescription describe(Config c) {
        return new FormDescription(ID, VERSION, "行业专业培训", DeclarationKind.HOURS, SubjectCategory.CHOICE,
                "参加行业主管部门或经授权的行业协会组织的专业培训，每天折合 "
                        + fmt(Figures.figure("hoursPerDay", c.hoursPerDay())) + " 学时。每项最多 " + c.maxPerItem() + " 学时。",
                List.of(
                        Field.text("sectorBody", "主办行业部门").required().maxLength(100)
                                .help("行业主管部门或经授权的行业协会全称").build(),
                        Field.text("courseName", "培训项目名称").required().maxLength(100).build(),
                        Field.dateRange("period", "培训起止日期").required().build(),
                        Field.number("days", "培训天数").required().min(new BigDecimal("0.5")).max(365)
                                .help("可填半天，如 2.5").build(),
                        Field.text("place", "培训地点").maxLength(100).build(),
                        Field.text("certificateNo", "培训证书编号").maxLength(50).build()),
                Figures.positive("maxPerItem", c.maxPerItem()), Figures.maxPerYear(c.maxPerYear())).withYearField("period");
    }

    @Override
    Evaluation rule(FieldValues v) {
        BigDecimal days = v.decimal("days");
        long calendarDays = Periods.days(v.dateFrom("period"), v.dateTo("period"));
        if (days.compareTo(BigDecimal.valueOf(calendarDays)) > 0) {
            return v.reject("days", "培训天数不能超过起止日期内的 " + calendarDays + " 天").invalid();
        }
        BigDecimal hours = days.multiply(hoursPerDay);
        return propose(hours, fmt(days) + " 天 × " + fmt(hoursPerDay) + " 学时/天 = " + fmt(hours) + " 学时");
    }
}
