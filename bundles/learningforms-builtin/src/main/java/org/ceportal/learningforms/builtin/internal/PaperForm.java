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

    @ObjectClassDefinition(name = "学习形式：发表论文",
            description = "发表论文按作者排名计学时的数值表，填写方法：用英文逗号分隔的整数，第 1 个数对应第一作者，依此类推；"
                    + "填了几个数，就只有排名前几位的作者可以申报（规定为前三名）")
    @interface Config {
        @AttributeDefinition(name = "核心期刊",
                description = "核心期刊论文或被 SCI/EI/SSCI 收录的论文按作者排名计的学时；"
                        + "折算表未作规定，默认 40,30,20")
        String core() default "40,30,20";

        @AttributeDefinition(name = "省级及以上公开期刊",
                description = "省级及以上公开期刊论文按作者排名计的学时；默认 30,20,10")
        String provincial() default "30,20,10";

        @AttributeDefinition(name = "其他刊物",
                description = "其他刊物或内部刊物论文按作者排名计的学时；默认 10,6,4")
        String other() default "10,6,4";

        @AttributeDefinition(name = "每项最多学时", min = "1",
                description = "一篇论文最多可得的学时；默认 40，即各表中的最高值")
        int maxPerItem() default 40;

        @AttributeDefinition(name = "每年最多学时", min = "0",
                description = "一年内所有发表论文申报合计最多可得的学时；0 表示不限（默认）")
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
