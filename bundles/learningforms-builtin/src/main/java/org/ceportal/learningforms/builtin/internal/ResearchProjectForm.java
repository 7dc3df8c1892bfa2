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
 * 科研课题/项目: membership of a research project earns, for the year declared, a
 * figure from a table by the project's level, main or sub-project, and the member's
 * rank; ranks beyond the table cannot declare. Category: professional.
 */
@Component(service = LearningForm.class, configurationPid = ResearchProjectForm.PID)
@Designate(ocd = ResearchProjectForm.Config.class)
public final class ResearchProjectForm extends BuiltinForm {
    static final String ID = "research-project";
    static final String PID = PID_PREFIX + ID;

    @ObjectClassDefinition(name = "ceportal learning form: research project (科研课题/项目)",
            description = "Tables of the research-project form: whole numbers separated by commas, the first for rank 1; "
                    + "the number of figures is how many ranks may declare")
    @interface Config {
        @AttributeDefinition(name = "National main project",
                description = "学时 a year by member rank for a national main project (conversion table: 64,56,48,40,32)")
        String nationalMain() default "64,56,48,40,32";

        @AttributeDefinition(name = "National sub-project",
                description = "学时 a year by member rank for a national sub-project (conversion table: 48,40,32)")
        String nationalSub() default "48,40,32";

        @AttributeDefinition(name = "Provincial main project",
                description = "学时 a year by member rank for a provincial or ministerial main project (conversion table: 56,48,40)")
        String provincialMain() default "56,48,40";

        @AttributeDefinition(name = "Provincial sub-project",
                description = "学时 a year by member rank for a provincial or ministerial sub-project (conversion table: 40,32,24)")
        String provincialSub() default "40,32,24";

        @AttributeDefinition(name = "Municipal main project",
                description = "学时 a year by member rank for a municipal main project; the table gives no figures, "
                        + "default 32,24,16 continues the steps of 8 below provincial")
        String municipalMain() default "32,24,16";

        @AttributeDefinition(name = "Municipal sub-project",
                description = "学时 a year by member rank for a municipal sub-project; the table gives no figures, default 24,16,8")
        String municipalSub() default "24,16,8";

        @AttributeDefinition(name = "Maximum per item", min = "1",
                description = "Most 学时 one declaration can earn; default 64 = the highest figure of the table")
        int maxPerItem() default 64;

        @AttributeDefinition(name = "Maximum per year", min = "0",
                description = "Most 学时 all research-project declarations can earn towards one year; 0 = no limit (default)")
        int maxPerYear() default 0;
    }

    private final List<BigDecimal> nationalMain;
    private final List<BigDecimal> nationalSub;
    private final List<BigDecimal> provincialMain;
    private final List<BigDecimal> provincialSub;
    private final List<BigDecimal> municipalMain;
    private final List<BigDecimal> municipalSub;

    @Activate
    public ResearchProjectForm(Config config) {
        super(describe(config));
        this.nationalMain = Figures.table("nationalMain", config.nationalMain());
        this.nationalSub = Figures.table("nationalSub", config.nationalSub());
        this.provincialMain = Figures.table("provincialMain", config.provincialMain());
        this.provincialSub = Figures.table("provincialSub", config.provincialSub());
        this.municipalMain = Figures.table("municipalMain", config.municipalMain());
        this.municipalSub = Figures.table("municipalSub", config.municipalSub());
    }

    private static FormDescription describe(Config c) {
        return new FormDescription(ID, VERSION, "科研课题/项目", DeclarationKind.HOURS, SubjectCategory.PROFESSIONAL,
                "参加科研课题（项目）研究，每年按课题级别、类别和本人排名计学时：国家级主课题 "
                        + Figures.slashed(Figures.table("nationalMain", c.nationalMain())) + "，子课题 "
                        + Figures.slashed(Figures.table("nationalSub", c.nationalSub())) + "；省部级主课题 "
                        + Figures.slashed(Figures.table("provincialMain", c.provincialMain())) + "，子课题 "
                        + Figures.slashed(Figures.table("provincialSub", c.provincialSub())) + "；市厅级主课题 "
                        + Figures.slashed(Figures.table("municipalMain", c.municipalMain())) + "，子课题 "
                        + Figures.slashed(Figures.table("municipalSub", c.municipalSub()))
                        + "（依次为第 1、2、3… 名）。每项最多 " + c.maxPerItem() + " 学时。",
                List.of(
                        Field.text("projectName", "课题/项目名称").required().maxLength(100).build(),
                        Field.text("projectNo", "立项编号").maxLength(50).build(),
                        Field.text("fundedBy", "立项部门").required().maxLength(100)
                                .help("下达课题任务的部门，如科技厅、自然科学基金委").build(),
                        Field.choice("level", "课题级别",
                                new Option("national", "国家级"),
                                new Option("provincial", "省部级"),
                                new Option("municipal", "市厅级"))
                                .required().build(),
                        Field.choice("role", "课题类别",
                                new Option("main", "主课题（项目）"),
                                new Option("sub", "子课题"))
                                .required().build(),
                        Field.number("rank", "本人排名").required().min(1).max(99)
                                .help("在课题组成员中的排名，主持人为第 1 名").build(),
                        Field.dateRange("period", "研究起止日期").required().build()),
                Figures.positive("maxPerItem", c.maxPerItem()), Figures.maxPerYear(c.maxPerYear())).withYearField("period");
    }

    @Override
    Evaluation rule(FieldValues v) {
        Integer rank = v.integer("rank");
        if (rank == null) {
            return v.invalid();
        }
        String level = v.choice("level");
        boolean main = v.choice("role").equals("main");
        List<BigDecimal> table = switch (level) {
            case "national" -> main ? nationalMain : nationalSub;
            case "provincial" -> main ? provincialMain : provincialSub;
            default -> main ? municipalMain : municipalSub;
        };
        BigDecimal hours = Ranks.figure(table, rank);
        if (hours == null) {
            return v.reject("rank", "该级别课题仅" + Ranks.top(table.size()) + "成员可申报").invalid();
        }
        return propose(hours, optionLabel("level", level) + optionLabel("role", v.choice("role"))
                + "第 " + rank + " 名：" + fmt(hours) + " 学时");
    }
}
