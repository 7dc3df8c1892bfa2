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
 * 获奖: an award for professional work earns a figure by the award's level and the
 * declarant's rank among the winners; ranks beyond the table cannot declare. The grade
 * (一等奖...) is recorded for the reviewer; the conversion table counts by level and
 * rank only. Category: professional.
 */
@Component(service = LearningForm.class, configurationPid = AwardForm.PID)
@Designate(ocd = AwardForm.Config.class)
public final class AwardForm extends BuiltinForm {
    static final String ID = "award";
    static final String PID = PID_PREFIX + ID;

    @ObjectClassDefinition(name = "学习形式：获奖",
            description = "获奖按本人排名计学时的数值表，填写方法：用英文逗号分隔的整数，第 1 个数对应排名第 1 的获奖人，依此类推；"
                    + "填了几个数，就只有排名前几位的获奖人可以申报。折算表未规定这些数值，"
                    + "默认值由本平台设定")
    @interface Config {
        @AttributeDefinition(name = "国家级奖励",
                description = "国家级奖励按本人排名计的学时；默认 60,48,36,24,12")
        String national() default "60,48,36,24,12";

        @AttributeDefinition(name = "省部级奖励",
                description = "省部级奖励按本人排名计的学时；默认 40,32,24,16,8")
        String provincial() default "40,32,24,16,8";

        @AttributeDefinition(name = "市厅级奖励",
                description = "市厅级奖励按本人排名计的学时；默认 20,16,12,8,4")
        String municipal() default "20,16,12,8,4";

        @AttributeDefinition(name = "每项最多学时", min = "1",
                description = "一个奖项最多可得的学时；默认 60，即各表中的最高值")
        int maxPerItem() default 60;

        @AttributeDefinition(name = "每年最多学时", min = "0",
                description = "一年内所有获奖申报合计最多可得的学时；0 表示不限（默认）")
        int maxPerYear() default 0;
    }

    private final List<BigDecimal> national;
    private final List<BigDecimal> provincial;
    private final List<BigDecimal> municipal;

    @Activate
    public AwardForm(Config config) {
        super(describe(config));
        this.national = Figures.table("national", config.national());
        this.provincial = Figures.table("provincial", config.provincial());
        this.municipal = Figures.table("municipal", config.municipal());
    }

    private static FormDescription describe(Config c) {
        return new FormDescription(ID, VERSION, "获奖", DeclarationKind.HOURS, SubjectCategory.PROFESSIONAL,
                "专业技术工作成果获奖，按奖励级别和本人排名计学时：国家级 " + Figures.slashed(Figures.table("national", c.national()))
                        + "，省部级 " + Figures.slashed(Figures.table("provincial", c.provincial()))
                        + "，市厅级 " + Figures.slashed(Figures.table("municipal", c.municipal()))
                        + "（依次为第 1、2、3… 名）。每项最多 " + c.maxPerItem() + " 学时。",
                List.of(
                        Field.text("projectName", "获奖项目名称").required().maxLength(100).build(),
                        Field.text("awardName", "奖项名称").required().maxLength(100)
                                .help("如 河南省科学技术进步奖").build(),
                        Field.text("grantedBy", "授奖单位").required().maxLength(100).build(),
                        Field.choice("level", "奖励级别",
                                new Option("national", "国家级"),
                                new Option("provincial", "省部级"),
                                new Option("municipal", "市厅级"))
                                .required().build(),
                        Field.choice("grade", "获奖等次",
                                new Option("first", "一等奖"),
                                new Option("second", "二等奖"),
                                new Option("third", "三等奖"),
                                new Option("other", "其他"))
                                .required().build(),
                        Field.date("awardedOn", "获奖日期").required().build(),
                        Field.text("certificateNo", "证书编号").maxLength(50).build(),
                        Field.number("rank", "本人排名").required().min(1).max(99)
                                .help("本人在获奖人员中的排名").build()),
                Figures.positive("maxPerItem", c.maxPerItem()), Figures.maxPerYear(c.maxPerYear())).withYearField("awardedOn");
    }

    @Override
    Evaluation rule(FieldValues v) {
        Integer rank = v.integer("rank");
        if (rank == null) {
            return v.invalid();
        }
        String level = v.choice("level");
        List<BigDecimal> table = switch (level) {
            case "national" -> national;
            case "provincial" -> provincial;
            default -> municipal;
        };
        BigDecimal hours = Ranks.figure(table, rank);
        if (hours == null) {
            return v.reject("rank", "该级别奖项仅" + Ranks.top(table.size()) + "获奖人可申报").invalid();
        }
        return propose(hours, optionLabel("level", level) + "奖项第 " + rank + " 名：" + fmt(hours) + " 学时");
    }
}
