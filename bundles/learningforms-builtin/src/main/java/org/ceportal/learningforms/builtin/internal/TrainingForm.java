package org.ceportal.learningforms.builtin.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.ceportal.learningform.api.Caps;
import org.ceportal.learningform.api.DeclarationKind;
import org.ceportal.learningform.api.Evaluation;
import org.ceportal.learningform.api.Field;
import org.ceportal.learningform.api.FieldValues;
import org.ceportal.learningform.api.FormDescription;
import org.ceportal.learningform.api.LearningForm;
import org.ceportal.learningform.api.Option;
import org.ceportal.learningform.api.SubjectCategory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * 培训/进修: a training course or further study. The declarant picks one way of
 * measuring it (计量方式) and gives one number: days (each worth {@code hoursPerDay}),
 * 学时 as certified, or minutes ({@code minutesPerHour} minutes make one 学时). Days
 * cannot exceed the calendar days of the course's dates. Category: the declarant
 * chooses, since courses teach general as well as professional content.
 */
@Component(service = LearningForm.class, configurationPid = TrainingForm.PID)
@Designate(ocd = TrainingForm.Config.class)
public final class TrainingForm extends BuiltinForm {
    static final String ID = "training";
    static final String PID = PID_PREFIX + ID;

    @ObjectClassDefinition(name = "学习形式：培训/进修",
            description = "培训/进修的学时计算数值；默认值取自本省学时折算表")
    @interface Config {
        @AttributeDefinition(name = "每天折算学时", min = "0",
                description = "按天数申报时，培训一天折算的学时（折算表规定为 8）")
        int hoursPerDay() default 8;

        @AttributeDefinition(name = "每学时分钟数", min = "1",
                description = "按分钟数申报时，培训多少分钟折算为 1 学时（折算表规定为 45）")
        int minutesPerHour() default 45;

        @AttributeDefinition(name = "每项最多学时", min = "1",
                description = "一次申报最多可得的学时；折算表未作规定，默认 90，即一年应完成的学时数")
        int maxPerItem() default 90;

        @AttributeDefinition(name = "每年最多学时", min = "0",
                description = "一年内所有培训/进修申报合计最多可得的学时；0 表示不限（默认）")
        int maxPerYear() default 0;
    }

    private final BigDecimal hoursPerDay;
    private final BigDecimal minutesPerHour;

    @Activate
    public TrainingForm(Config config) {
        super(describe(config));
        this.hoursPerDay = Figures.figure("hoursPerDay", config.hoursPerDay());
        this.minutesPerHour = Figures.positive("minutesPerHour", config.minutesPerHour());
    }

    private static FormDescription describe(Config c) {
        return new FormDescription(ID, VERSION, "培训/进修", DeclarationKind.HOURS, SubjectCategory.CHOICE,
                "参加培训或进修。按天计量每天折合 " + fmt(Figures.figure("hoursPerDay", c.hoursPerDay()))
                        + " 学时；按分钟计量每 " + fmt(Figures.positive("minutesPerHour", c.minutesPerHour()))
                        + " 分钟折合 1 学时；按学时计量以结业证书所载学时为准。每项最多 " + c.maxPerItem() + " 学时。",
                List.of(
                        Field.text("courseName", "培训项目名称").required().maxLength(100).build(),
                        Field.text("organiser", "主办单位").required().maxLength(100)
                                .help("结业证书或培训通知上的主办单位全称").build(),
                        Field.text("place", "培训地点").maxLength(100).build(),
                        Field.dateRange("period", "培训起止日期").required().build(),
                        Field.choice("measure", "计量方式",
                                new Option("days", "按天数"),
                                new Option("hours", "按学时"),
                                new Option("minutes", "按分钟"))
                                .required().help("选择证书上记载培训量的方式，只填写一种").build(),
                        Field.number("amount", "培训量").required().min(new BigDecimal("0.5")).max(100000)
                                .help("按所选计量方式填写天数、学时数或分钟数（分钟数为整数）").build(),
                        Field.text("certificateNo", "结业证书编号").maxLength(50).build()),
                Figures.positive("maxPerItem", c.maxPerItem()), Figures.maxPerYear(c.maxPerYear())).withYearField("period");
    }

    @Override
    Evaluation rule(FieldValues v) {
        String measure = v.choice("measure");
        if (measure.equals("minutes")) {
            Integer minutes = v.integer("amount");
            if (minutes == null) {
                return v.invalid();
            }
            BigDecimal hours = Caps.round(BigDecimal.valueOf(minutes).divide(minutesPerHour, 2, RoundingMode.HALF_UP));
            return propose(hours, minutes + " 分钟 ÷ " + fmt(minutesPerHour) + " 分钟/学时 = " + fmt(hours) + " 学时");
        }
        BigDecimal amount = v.decimal("amount");
        if (measure.equals("hours")) {
            return propose(amount, "按学时计量：" + fmt(amount) + " 学时");
        }
        long days = Periods.days(v.dateFrom("period"), v.dateTo("period"));
        if (amount.compareTo(BigDecimal.valueOf(days)) > 0) {
            return v.reject("amount", "培训天数不能超过起止日期内的 " + days + " 天").invalid();
        }
        BigDecimal hours = amount.multiply(hoursPerDay);
        return propose(hours, fmt(amount) + " 天 × " + fmt(hoursPerDay) + " 学时/天 = " + fmt(hours) + " 学时");
    }
}
