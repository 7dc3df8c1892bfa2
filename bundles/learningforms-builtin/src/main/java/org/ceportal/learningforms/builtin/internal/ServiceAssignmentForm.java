package org.ceportal.learningforms.builtin.internal;

import java.math.BigDecimal;
import java.util.List;

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
 * 援藏/援疆/服务基层: a service assignment earns a figure per whole month of service,
 * counted from the dates of the assignment (1 January to 31 December is 12 months;
 * a part month does not count), capped per item and per year. Category: the
 * declarant chooses, since service work may be general or professional.
 */
@Component(service = LearningForm.class, configurationPid = ServiceAssignmentForm.PID)
@Designate(ocd = ServiceAssignmentForm.Config.class)
public final class ServiceAssignmentForm extends BuiltinForm {
    static final String ID = "service-assignment";
    static final String PID = PID_PREFIX + ID;

    @ObjectClassDefinition(name = "学习形式：援藏/援疆/服务基层",
            description = "援藏/援疆/服务基层的学时计算数值；折算表未作规定，默认值由本平台设定")
    @interface Config {
        @AttributeDefinition(name = "每月折算学时", min = "0",
                description = "每服务满一个月计的学时；默认 8（服务满一年即达到上限）")
        int hoursPerMonth() default 8;

        @AttributeDefinition(name = "每项最多学时", min = "1",
                description = "一次派遣最多可得的学时；默认 90，即一年应完成的学时数")
        int maxPerItem() default 90;

        @AttributeDefinition(name = "每年最多学时", min = "0",
                description = "援藏/援疆/服务基层一年内合计最多可得的学时；0 表示不限。默认 90，即一年应完成的学时数")
        int maxPerYear() default 90;
    }

    private final BigDecimal hoursPerMonth;

    @Activate
    public ServiceAssignmentForm(Config config) {
        super(describe(config));
        this.hoursPerMonth = Figures.figure("hoursPerMonth", config.hoursPerMonth());
    }

    private static FormDescription describe(Config c) {
        return new FormDescription(ID, VERSION, "援藏/援疆/服务基层", DeclarationKind.HOURS, SubjectCategory.CHOICE,
                "受组织派遣援藏、援疆或服务基层，按服务起止日期内的整月数计学时，每月 "
                        + fmt(Figures.figure("hoursPerMonth", c.hoursPerMonth())) + " 学时，不足一个月的部分不计。每项最多 "
                        + c.maxPerItem() + " 学时。",
                List.of(
                        Field.choice("destination", "服务类型",
                                new Option("tibet", "援藏"),
                                new Option("xinjiang", "援疆"),
                                new Option("grassroots", "服务基层"))
                                .required().build(),
                        Field.text("hostUnit", "服务单位").required().maxLength(100).build(),
                        Field.text("dispatchedBy", "派出单位").required().maxLength(100).build(),
                        Field.text("documentNo", "派遣文件文号").maxLength(50).build(),
                        Field.dateRange("period", "服务起止日期").required().build()),
                Figures.positive("maxPerItem", c.maxPerItem()), Figures.maxPerYear(c.maxPerYear())).withYearField("period");
    }

    @Override
    Evaluation rule(FieldValues v) {
        long months = Periods.fullMonths(v.dateFrom("period"), v.dateTo("period"));
        if (months < 1) {
            return v.reject("period", "服务时间不足一个月，不能申报").invalid();
        }
        BigDecimal hours = hoursPerMonth.multiply(BigDecimal.valueOf(months));
        return propose(hours, optionLabel("destination", v.choice("destination")) + " " + months + " 个月 × "
                + fmt(hoursPerMonth) + " 学时/月 = " + fmt(hours) + " 学时");
    }
}
