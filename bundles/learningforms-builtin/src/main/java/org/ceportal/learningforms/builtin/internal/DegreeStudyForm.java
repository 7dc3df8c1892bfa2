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

    @ObjectClassDefinition(name = "ceportal learning form: degree study (学历教育)",
            description = "Figures of the degree-study form; defaults from the province's conversion table")
    @interface Config {
        @AttributeDefinition(name = "Hours per course passed", min = "0",
                description = "学时 for each course passed in the year (conversion table: 15)")
        int hoursPerCourse() default 15;

        @AttributeDefinition(name = "Maximum per item", min = "1",
                description = "Most 学时 one declaration can earn; the table gives no figure, default 90 = one year's requirement")
        int maxPerItem() default 90;

        @AttributeDefinition(name = "Maximum per year", min = "0",
                description = "Most 学时 degree study can earn towards one year; 0 = no limit. Default 90: courses count in the year they are passed")
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
