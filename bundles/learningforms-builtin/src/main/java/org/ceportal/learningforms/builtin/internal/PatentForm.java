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
 * 专利: a granted patent earns a figure by its kind and the inventor's rank; only the
 * first inventors the table lists (three by default, as for papers and books) may
 * declare. Category: professional.
 */
@Component(service = LearningForm.class, configurationPid = PatentForm.PID)
@Designate(ocd = PatentForm.Config.class)
public final class PatentForm extends BuiltinForm {
    static final String ID = "patent";
    static final String PID = PID_PREFIX + ID;

    @ObjectClassDefinition(name = "学习形式：专利",
            description = "专利按发明人排名计学时的数值表，填写方法：用英文逗号分隔的整数，第 1 个数对应第一发明人，依此类推；"
                    + "填了几个数，就只有排名前几位的发明人可以申报。折算表未规定这些数值，"
                    + "默认值由本平台设定")
    @interface Config {
        @AttributeDefinition(name = "发明专利",
                description = "发明专利按发明人排名计的学时；默认 40,30,20")
        String invention() default "40,30,20";

        @AttributeDefinition(name = "实用新型专利",
                description = "实用新型专利按发明人排名计的学时；默认 20,15,10")
        String utilityModel() default "20,15,10";

        @AttributeDefinition(name = "外观设计专利",
                description = "外观设计专利按发明人排名计的学时；默认 10,6,4")
        String design() default "10,6,4";

        @AttributeDefinition(name = "每项最多学时", min = "1",
                description = "一项专利最多可得的学时；默认 40，即各表中的最高值")
        int maxPerItem() default 40;

        @AttributeDefinition(name = "每年最多学时", min = "0",
                description = "一年内所有专利申报合计最多可得的学时；0 表示不限（默认）")
        int maxPerYear() default 0;
    }

    private final List<BigDecimal> invention;
    private final List<BigDecimal> utilityModel;
    private final List<BigDecimal> design;

    @Activate
    public PatentForm(Config config) {
        super(describe(config));
        this.invention = Figures.table("invention", config.invention());
        this.utilityModel = Figures.table("utilityModel", config.utilityModel());
        this.design = Figures.table("design", config.design());
    }

    private static FormDescription describe(Config c) {
        return new FormDescription(ID, VERSION, "专利", DeclarationKind.HOURS, SubjectCategory.PROFESSIONAL,
                "获得授权的专利，按专利类型和发明人排名计学时：发明专利 " + Figures.slashed(Figures.table("invention", c.invention()))
                        + "，实用新型专利 " + Figures.slashed(Figures.table("utilityModel", c.utilityModel()))
                        + "，外观设计专利 " + Figures.slashed(Figures.table("design", c.design()))
                        + "（依次为第 1、2、3… 发明人）。每项最多 " + c.maxPerItem() + " 学时。",
                List.of(
                        Field.text("title", "专利名称").required().maxLength(100).build(),
                        Field.choice("kind", "专利类型",
                                new Option("invention", "发明专利"),
                                new Option("utility-model", "实用新型专利"),
                                new Option("design", "外观设计专利"))
                                .required().build(),
                        Field.text("patentNo", "专利号").required().maxLength(20).pattern("ZL\\d{8}(\\d{4})?\\.[\\dX]")
                                .help("专利证书上的专利号，不含空格，如 ZL202310123456.7").build(),
                        Field.date("grantedOn", "授权公告日").required().build(),
                        Field.number("rank", "发明人排名").required().min(1).max(99)
                                .help("本人在发明人（设计人）中的排名，第一发明人为 1").build()),
                Figures.positive("maxPerItem", c.maxPerItem()), Figures.maxPerYear(c.maxPerYear())).withYearField("grantedOn");
    }

    @Override
    Evaluation rule(FieldValues v) {
        Integer rank = v.integer("rank");
        if (rank == null) {
            return v.invalid();
        }
        String kind = v.choice("kind");
        List<BigDecimal> table = switch (kind) {
            case "invention" -> invention;
            case "utility-model" -> utilityModel;
            default -> design;
        };
        BigDecimal hours = Ranks.figure(table, rank);
        if (hours == null) {
            return v.reject("rank", "仅" + Ranks.top(table.size()) + "发明人可申报").invalid();
        }
        return propose(hours, optionLabel("kind", kind) + "第 " + rank + " 发明人：" + fmt(hours) + " 学时");
    }
}
