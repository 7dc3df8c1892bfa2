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
 * 发表论文: a published paper earns a figure by the journal's level and the author's
 * rank; only the first authors the table lists (three by default) may declare. A paper
 * in a public journal must name its ISSN or CN number, which reviewers look up.
 * Category: professional.
 */
@Component(service = LearningForm.class, configurationPid = PaperForm.PID)
@Designate(ocd = PaperForm.Config.class)
public final class PaperForm extends BuiltinForm {
    static final String ID = "paper";
    static final String PID = PID_PREFIX + ID;

    @ObjectClassDefinition(name = "ceportal learning form: paper (发表论文)",
            description = "Tables of the paper form: whole numbers separated by commas, the first for the first author; "
                    + "the number of figures is how many authors may declare (the rule: top three)")
    @interface Config {
        @AttributeDefinition(name = "Core journal",
                description = "学时 by author rank for a core journal or a paper indexed by SCI/EI/SSCI; "
                        + "the table gives no figures, default 40,30,20")
        String core() default "40,30,20";

        @AttributeDefinition(name = "Provincial journal",
                description = "学时 by author rank for a public journal of provincial level or above; default 30,20,10")
        String provincial() default "30,20,10";

        @AttributeDefinition(name = "Other journal",
                description = "学时 by author rank for any other journal or internal publication; default 10,6,4")
        String other() default "10,6,4";

        @AttributeDefinition(name = "Maximum per item", min = "1",
                description = "Most 学时 one paper can earn; default 40 = the highest figure")
        int maxPerItem() default 40;

        @AttributeDefinition(name = "Maximum per year", min = "0",
                description = "Most 学时 all paper declarations can earn towards one year; 0 = no limit (default)")
        int maxPerYear() default 0;
    }

    private final List<BigDecimal> core;
    private final List<BigDecimal> provincial;
    private final List<BigDecimal> other;

    @Activate
    public PaperForm(Config config) {
        super(describe(config));
        this.core = Figures.table("core", config.core());
        this.provincial = Figures.table("provincial", config.provincial());
        this.other = Figures.table("other", config.other());
    }

    private static FormDescription describe(Config c) {
        return new FormDescription(ID, VERSION, "发表论文", DeclarationKind.HOURS, SubjectCategory.PROFESSIONAL,
                "公开发表论文，按刊物级别和作者排名计学时：核心期刊 " + Figures.slashed(Figures.table("core", c.core()))
                        + "，省级及以上公开期刊 " + Figures.slashed(Figures.table("provincial", c.provincial()))
                        + "，其他刊物 " + Figures.slashed(Figures.table("other", c.other()))
                        + "（依次为第 1、2、3… 作者）。每项最多 " + c.maxPerItem() + " 学时。",
                List.of(
                        Field.text("title", "论文题目").required().maxLength(200).build(),
                        Field.text("journal", "刊物名称").required().maxLength(100).build(),
                        Field.choice("level", "刊物级别",
                                new Option("core", "核心期刊或 SCI/EI/SSCI 收录"),
                                new Option("provincial", "省级及以上公开期刊"),
                                new Option("other", "其他刊物"))
                                .required().build(),
                        Field.text("issn", "ISSN 刊号").maxLength(9).pattern("\\d{4}-\\d{3}[\\dXx]")
                                .help("国际标准连续出版物号，如 1002-0446").build(),
                        Field.text("cn", "CN 刊号").maxLength(20).pattern("CN ?\\d{2}-\\d{4}(/[A-Z0-9.]{1,8})?")
                                .help("国内统一连续出版物号，如 CN 41-1090/N").build(),
                        Field.text("issue", "刊期").required().maxLength(30)
                                .help("如 2024 年第 3 期").build(),
                        Field.number("rank", "作者排名").required().min(1).max(99)
                                .help("本人在作者中的排名，第一作者为 1").build()),
                Figures.positive("maxPerItem", c.maxPerItem()), Figures.maxPerYear(c.maxPerYear()));
    }

    @Override
    Evaluation rule(FieldValues v) {
        Integer rank = v.integer("rank");
        String level = v.choice("level");
        if (v.has("issn") && !Identifiers.issn(v.text("issn"))) {
            v.reject("issn", "ISSN 刊号校验位不正确");
        }
        if (!level.equals("other") && !v.has("issn") && !v.has("cn")) {
            v.reject("issn", "公开期刊请填写 ISSN 刊号或 CN 刊号");
        }
        List<BigDecimal> table = switch (level) {
            case "core" -> core;
            case "provincial" -> provincial;
            default -> other;
        };
        BigDecimal hours = rank == null ? null : Ranks.figure(table, rank);
        if (rank != null && hours == null) {
            v.reject("rank", "仅" + Ranks.top(table.size()) + "作者可申报");
        }
        if (!v.isValid()) {
            return v.invalid();
        }
        return propose(hours, optionLabel("level", level) + "论文第 " + rank + " 作者：" + fmt(hours) + " 学时");
    }
}
