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
 * 学历教育: degree study; each course passed in the year earns {@code hoursPerCourse}.
 * Category: professional (a degree programme in one's field).
 */
@Component(service = LearningForm.class, configurationPid = DegreeStudyForm.PID)
@Designate(ocd = DegreeStudyForm.Config.class)
public final class DegreeStudyForm extends BuiltinForm {
    static final String ID = "degree-study";
    static final String PID = PID_PREFIX + ID;

    @ObjectClassDefinition(name = "学习形式：学历教育",
            description = "学历教育的学时计算数值；默认值取自本省学时折算表")
    @interface Config {
        @AttributeDefinition(name = "每门合格课程学时", min = "0",
                description = "当年每通过一门课程考试计的学时（折算表规定为 15）")
        int hoursPerCourse() default 15;

        @AttributeDefinition(name = "每项最多学时", min = "1",
                description = "一次申报最多可得的学时；折算表未作规定，默认 90，即一年应完成的学时数")
        int maxPerItem() default 90;

        @AttributeDefinition(name = "每年最多学时", min = "0",
                description = "学历教育一年内合计最多可得的学时；0 表示不限。默认 90：课程学时计入考试合格的当年")
        int maxPerYear() default 90;
    }

    private final BigDecimal hoursPerCourse;

    @Activate
    public DegreeStudyForm(Config config) {
        super(describe(config));
        this.hoursPerCourse = Figures.figure("hoursPerCourse", config.hoursPerCourse());
    }

    private static FormDescription describe(Config c) {
        return new FormDescription(ID, VERSION, "学历教育", DeclarationKind.HOURS, SubjectCategory.PROFESSIONAL,
                "在读学历教育，当年每通过 1 门课程考试计 " + fmt(Figures.figure("hoursPerCourse", c.hoursPerCourse()))
                        + " 学时。每项最多 " + c.maxPerItem() + " 学时。",
                List.of(
                        Field.text("school", "就读院校").required().maxLength(100).build(),
                        Field.text("programme", "就读专业").required().maxLength(100).build(),
                        Field.choice("degreeLevel", "学历层次",
                                new Option("college", "专科"),
                                new Option("bachelor", "本科"),
                                new Option("master", "硕士研究生"),
                                new Option("doctor", "博士研究生"))
                                .required().build(),
                        Field.text("studentNo", "学号").maxLength(50).build(),
                        Field.number("coursesPassed", "当年考试合格课程门数").required().min(1).max(30)
                                .help("以学校出具的成绩单为准").build(),
                        Field.longText("courseNames", "合格课程名称").maxLength(1000)
                                .help("每行一门课程").build()),
                Figures.positive("maxPerItem", c.maxPerItem()), Figures.maxPerYear(c.maxPerYear()));
    }

    @Override
    Evaluation rule(FieldValues v) {
        Integer courses = v.integer("coursesPassed");
        if (courses == null) {
            return v.invalid();
        }
        BigDecimal hours = hoursPerCourse.multiply(BigDecimal.valueOf(courses));
        return propose(hours, courses + " 门课程 × " + fmt(hoursPerCourse) + " 学时/门 = " + fmt(hours) + " 学时");
    }
}
