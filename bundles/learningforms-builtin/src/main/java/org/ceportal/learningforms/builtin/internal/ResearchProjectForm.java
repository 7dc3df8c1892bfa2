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

    @ObjectClassDefinition(name = "学习形式：科研课题/项目",
            description = "科研课题/项目按成员排名计学时的数值表，填写方法：用英文逗号分隔的整数，第 1 个数对应排名第 1 的成员，依此类推；"
                    + "填了几个数，就只有排名前几位的成员可以申报")
    @interface Config {
        @AttributeDefinition(name = "国家级主课题",
                description = "国家级主课题（项目）每年按成员排名计的学时（折算表规定为 64,56,48,40,32）")
        String nationalMain() default "64,56,48,40,32";

        @AttributeDefinition(name = "国家级子课题",
                description = "国家级子课题每年按成员排名计的学时（折算表规定为 48,40,32）")
        String nationalSub() default "48,40,32";

        @AttributeDefinition(name = "省部级主课题",
                description = "省部级主课题（项目）每年按成员排名计的学时（折算表规定为 56,48,40）")
        String provincialMain() default "56,48,40";

        @AttributeDefinition(name = "省部级子课题",
                description = "省部级子课题每年按成员排名计的学时（折算表规定为 40,32,24）")
        String provincialSub() default "40,32,24";

        @AttributeDefinition(name = "市厅级主课题",
                description = "市厅级主课题（项目）每年按成员排名计的学时；折算表未作规定，"
                        + "默认 32,24,16，即接着省部级的数值继续每档递减 8")
        String municipalMain() default "32,24,16";

        @AttributeDefinition(name = "市厅级子课题",
                description = "市厅级子课题每年按成员排名计的学时；折算表未作规定，默认 24,16,8")
        String municipalSub() default "24,16,8";

        @AttributeDefinition(name = "每项最多学时", min = "1",
                description = "一次申报最多可得的学时；默认 64，即表中的最高值")
        int maxPerItem() default 64;

        @AttributeDefinition(name = "每年最多学时", min = "0",
                description = "一年内所有科研课题/项目申报合计最多可得的学时；0 表示不限（默认）")
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
