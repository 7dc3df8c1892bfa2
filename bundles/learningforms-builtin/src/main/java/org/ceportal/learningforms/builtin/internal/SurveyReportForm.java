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
 * 调研报告: a survey report endorsed by leadership earns a figure by the level of the
 * endorsement. Category: professional.
 */
@Component(service = LearningForm.class, configurationPid = SurveyReportForm.PID)
@Designate(ocd = SurveyReportForm.Config.class)
public final class SurveyReportForm extends BuiltinForm {
    static final String ID = "survey-report";
    static final String PID = PID_PREFIX + ID;

    @ObjectClassDefinition(name = "学习形式：调研报告",
            description = "调研报告的学时计算数值；折算表未作规定，默认值由本平台设定")
    @interface Config {
        @AttributeDefinition(name = "省部级及以上领导批示", min = "0",
                description = "调研报告获省部级及以上领导批示计的学时；默认 30")
        int provincialHours() default 30;

        @AttributeDefinition(name = "市厅级领导批示", min = "0",
                description = "调研报告获市厅级领导批示计的学时；默认 20")
        int municipalHours() default 20;

        @AttributeDefinition(name = "县处级领导批示", min = "0",
                description = "调研报告获县处级领导批示计的学时；默认 10")
        int countyHours() default 10;

        @AttributeDefinition(name = "每项最多学时", min = "1",
                description = "一篇调研报告最多可得的学时；默认 30，即以上各级中的最高值")
        int maxPerItem() default 30;

        @AttributeDefinition(name = "每年最多学时", min = "0",
                description = "一年内所有调研报告申报合计最多可得的学时；0 表示不限（默认）")
        int maxPerYear() default 0;
    }

    private final BigDecimal provincialHours;
    private final BigDecimal municipalHours;
    private final BigDecimal countyHours;

    @Activate
    public SurveyReportForm(Config config) {
        super(describe(config));
        this.provincialHours = Figures.figure("provincialHours", config.provincialHours());
        this.municipalHours = Figures.figure("municipalHours", config.municipalHours());
        this.countyHours = Figures.figure("countyHours", config.countyHours());
    }

    private static FormDescription describe(Config c) {
        return new FormDescription(ID, VERSION, "调研报告", DeclarationKind.HOURS, SubjectCategory.PROFESSIONAL,
                "调研报告获领导批示，按批示级别计学时：省部级及以上 " + c.provincialHours() + " 学时，市厅级 "
                        + c.municipalHours() + " 学时，县处级 " + c.countyHours() + " 学时。",
                List.of(
                        Field.text("title", "调研报告题目").required().maxLength(200).build(),
                        Field.choice("level", "批示级别",
                                new Option("provincial", "省部级及以上"),
                                new Option("municipal", "市厅级"),
                                new Option("county", "县处级"))
                                .required().build(),
                        Field.text("endorsedBy", "批示领导及职务").required().maxLength(100).build(),
                        Field.date("endorsedOn", "批示日期").required().build(),
                        Field.longText("summary", "批示内容摘要").maxLength(1000).build()),
                Figures.positive("maxPerItem", c.maxPerItem()), Figures.maxPerYear(c.maxPerYear())).withYearField("endorsedOn");
    }

    @Override
    Evaluation rule(FieldValues v) {
        String level = v.choice("level");
        BigDecimal hours = switch (level) {
            case "provincial" -> provincialHours;
            case "municipal" -> municipalHours;
            default -> countyHours;
        };
        return propose(hours, "调研报告获" + optionLabel("level", level) + "领导批示：" + fmt(hours) + " 学时");
    }
}
