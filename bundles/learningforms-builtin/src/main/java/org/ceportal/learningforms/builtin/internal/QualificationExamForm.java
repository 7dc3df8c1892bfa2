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
 * 资格考试: passing a national or provincial professional qualification exam earns a
 * fixed figure. Category: professional (the exam tests one's profession).
 */
@Component(service = LearningForm.class, configurationPid = QualificationExamForm.PID)
@Designate(ocd = QualificationExamForm.Config.class)
public final class QualificationExamForm extends BuiltinForm {
    static final String ID = "qualification-exam";
    static final String PID = PID_PREFIX + ID;

    @ObjectClassDefinition(name = "学习形式：资格考试",
            description = "资格考试的学时计算数值")
    @interface Config {
        @AttributeDefinition(name = "考试合格计学时", min = "0",
                description = "通过一项资格考试计的学时；折算表未作规定，"
                        + "默认 60，即每年 90 学时中专业科目所占的三分之二")
        int hours() default 60;

        @AttributeDefinition(name = "每项最多学时", min = "1",
                description = "一项考试最多可得的学时；默认 60")
        int maxPerItem() default 60;

        @AttributeDefinition(name = "每年最多学时", min = "0",
                description = "一年内所有资格考试申报合计最多可得的学时；0 表示不限（默认）")
        int maxPerYear() default 0;
    }

    private final BigDecimal hours;

    @Activate
    public QualificationExamForm(Config config) {
        super(describe(config));
        this.hours = Figures.figure("hours", config.hours());
    }

    private static FormDescription describe(Config c) {
        return new FormDescription(ID, VERSION, "资格考试", DeclarationKind.HOURS, SubjectCategory.PROFESSIONAL,
                "参加专业技术人员资格考试并合格，每项计 " + fmt(Figures.figure("hours", c.hours())) + " 学时。",
                List.of(
                        Field.text("examName", "考试名称").required().maxLength(100)
                                .help("如 一级建造师执业资格考试").build(),
                        Field.text("certificateNo", "资格证书编号").required().maxLength(50).build(),
                        Field.date("passDate", "合格日期").required()
                                .help("以成绩合格通知或资格证书签发日期为准").build(),
                        Field.text("issuer", "发证机关").maxLength(100).build()),
                Figures.positive("maxPerItem", c.maxPerItem()), Figures.maxPerYear(c.maxPerYear())).withYearField("passDate");
    }

    @Override
    Evaluation rule(FieldValues v) {
        return propose(hours, "资格考试合格：" + fmt(hours) + " 学时");
    }
}
