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
 * 继续教育基地学习: courses at an accredited continuing-education base, counted as
 * 继续教育基地学时 ({@link DeclarationKind#BASE_HOURS}). The hours are those the base
 * certifies, capped per item. Category: the declarant chooses, as bases teach both.
 */
@Component(service = LearningForm.class, configurationPid = BaseStudyForm.PID)
@Designate(ocd = BaseStudyForm.Config.class)
public final class BaseStudyForm extends BuiltinForm {
    static final String ID = "base-study";
    static final String PID = PID_PREFIX + ID;

    @ObjectClassDefinition(name = "学习形式：继续教育基地学习",
            description = "继续教育基地学习的学时上限；学时以基地出具的学时证明为准")
    @interface Config {
        @AttributeDefinition(name = "每项最多学时", min = "1",
                description = "一次申报最多可得的学时；折算表未作规定，默认 90，即一年应完成的学时数")
        int maxPerItem() default 90;

        @AttributeDefinition(name = "每年最多学时", min = "0",
                description = "一年内所有继续教育基地学习申报合计最多可得的学时；0 表示不限（默认）")
        int maxPerYear() default 0;
    }

    @Activate
    public BaseStudyForm(Config config) {
        super(describe(config));
    }

    private static FormDescription describe(Config c) {
        return new FormDescription(ID, VERSION, "继续教育基地学习", DeclarationKind.BASE_HOURS, SubjectCategory.CHOICE,
                "在经认定的继续教育基地参加学习，按基地出具的学时证明计算学时。每项最多 " + c.maxPerItem() + " 学时。",
                List.of(
                        Field.text("baseName", "继续教育基地名称").required().maxLength(100)
                                .help("经认定的继续教育基地全称").build(),
                        Field.text("courseName", "课程名称").required().maxLength(100).build(),
                        Field.dateRange("period", "学习起止日期").required().build(),
                        Field.number("hours", "基地认定学时").required().min(new BigDecimal("0.5")).max(1000)
                                .help("按基地出具的学时证明填写").build(),
                        Field.text("certificateNo", "学时证明编号").maxLength(50).build()),
                Figures.positive("maxPerItem", c.maxPerItem()), Figures.maxPerYear(c.maxPerYear())).withYearField("period");
    }

    @Override
    Evaluation rule(FieldValues v) {
        BigDecimal hours = v.decimal("hours");
        return propose(hours, "继续教育基地认定 " + fmt(hours) + " 学时");
    }
}
