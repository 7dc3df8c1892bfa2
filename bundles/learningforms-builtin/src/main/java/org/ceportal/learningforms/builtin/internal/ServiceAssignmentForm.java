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

    @ObjectClassDefinition(name = "ceportal learning form: service assignment (援藏/援疆/服务基层)",
            description = "Figures of the service-assignment form; the conversion table gives none, the defaults are this portal's")
    @interface Config {
        @AttributeDefinition(name = "Hours per month", min = "0",
                description = "学时 for each whole month of service; default 8 (a year of service reaches the cap)")
        int hoursPerMonth() default 8;

        @AttributeDefinition(name = "Maximum per item", min = "1",
                description = "Most 学时 one assignment can earn; default 90 = one year's requirement")
        int maxPerItem() default 90;

        @AttributeDefinition(name = "Maximum per year", min = "0",
                description = "Most 学时 service assignments can earn towards one year; 0 = no limit. Default 90 = one year's requirement")
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
