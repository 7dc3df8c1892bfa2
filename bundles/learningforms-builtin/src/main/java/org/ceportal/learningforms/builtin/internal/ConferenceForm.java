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
 * 学术会议: attending an academic conference earns a figure per conference by its
 * level (not per day: the conversion table counts conferences), plus a bonus when a
 * paper was presented. Category: professional (academic exchange in one's field).
 */
@Component(service = LearningForm.class, configurationPid = ConferenceForm.PID)
@Designate(ocd = ConferenceForm.Config.class)
public final class ConferenceForm extends BuiltinForm {
    static final String ID = "conference";
    static final String PID = PID_PREFIX + ID;

    @ObjectClassDefinition(name = "学习形式：学术会议",
            description = "学术会议的学时计算数值；默认值取自本省学时折算表")
    @interface Config {
        @AttributeDefinition(name = "国家级会议", min = "0",
                description = "参加国家级或国际学术会议计的学时（折算表规定为 12）")
        int nationalHours() default 12;

        @AttributeDefinition(name = "省级会议", min = "0",
                description = "参加省级学术会议计的学时（折算表规定为 8）")
        int provincialHours() default 8;

        @AttributeDefinition(name = "其他会议", min = "0",
                description = "参加其他学术会议计的学时；折算表未作规定，默认 4，即省级会议的一半")
        int otherHours() default 4;

        @AttributeDefinition(name = "国家级会议交流论文另加学时", min = "0",
                description = "在国家级会议上交流论文时另加的学时（折算表规定为 6-8，默认取上限）")
        int nationalPaperHours() default 8;

        @AttributeDefinition(name = "省级会议交流论文另加学时", min = "0",
                description = "在省级会议上交流论文时另加的学时（折算表规定为 4-6，默认取上限）")
        int provincialPaperHours() default 6;

        @AttributeDefinition(name = "其他会议交流论文另加学时", min = "0",
                description = "在其他会议上交流论文时另加的学时；折算表未作规定，默认 4")
        int otherPaperHours() default 4;

        @AttributeDefinition(name = "每项最多学时", min = "1",
                description = "一次会议最多可得的学时；默认 20，即参加国家级会议并交流论文的学时")
        int maxPerItem() default 20;

        @AttributeDefinition(name = "每年最多学时", min = "0",
                description = "一年内所有学术会议申报合计最多可得的学时；0 表示不限（默认）")
        int maxPerYear() default 0;
    }

    private final BigDecimal nationalHours;
    private final BigDecimal provincialHours;
    private final BigDecimal otherHours;
    private final BigDecimal nationalPaperHours;
    private final BigDecimal provincialPaperHours;
    private final BigDecimal otherPaperHours;

    @Activate
    public ConferenceForm(Config config) {
        super(describe(config));
        this.nationalHours = Figures.figure("nationalHours", config.nationalHours());
        this.provincialHours = Figures.figure("provincialHours", config.provincialHours());
        this.otherHours = Figures.figure("otherHours", config.otherHours());
        this.nationalPaperHours = Figures.figure("nationalPaperHours", config.nationalPaperHours());
        this.provincialPaperHours = Figures.figure("provincialPaperHours", config.provincialPaperHours());
        this.otherPaperHours = Figures.figure("otherPaperHours", config.otherPaperHours());
    }

    private static FormDescription describe(Config c) {
        return new FormDescription(ID, VERSION, "学术会议", DeclarationKind.HOURS, SubjectCategory.PROFESSIONAL,
                "参加学术会议，每次按会议级别计：国家级 " + c.nationalHours() + " 学时，省级 " + c.provincialHours()
                        + " 学时，其他 " + c.otherHours() + " 学时；在会上交流论文的另加：国家级 " + c.nationalPaperHours()
                        + " 学时，省级 " + c.provincialPaperHours() + " 学时，其他 " + c.otherPaperHours()
                        + " 学时。每项最多 " + c.maxPerItem() + " 学时。",
                List.of(
                        Field.text("conferenceName", "会议名称").required().maxLength(100).build(),
                        Field.text("organiser", "主办单位").required().maxLength(100).build(),
                        Field.choice("level", "会议级别",
                                new Option("national", "国家级及以上"),
                                new Option("provincial", "省级"),
                                new Option("other", "其他"))
                                .required().help("按主办单位的级别选择").build(),
                        Field.dateRange("period", "会议起止日期").required().build(),
                        Field.text("place", "会议地点").maxLength(100).build(),
                        Field.choice("paperPresented", "是否交流论文",
                                new Option("no", "否"),
                                new Option("yes", "是"))
                                .required().build(),
                        Field.text("paperTitle", "交流论文题目").maxLength(200)
                                .help("在会上宣读或交流论文时填写").build()),
                Figures.positive("maxPerItem", c.maxPerItem()), Figures.maxPerYear(c.maxPerYear())).withYearField("period");
    }

    @Override
    Evaluation rule(FieldValues v) {
        String level = v.choice("level");
        boolean paper = v.choice("paperPresented").equals("yes");
        if (paper && !v.has("paperTitle")) {
            return v.reject("paperTitle", "请填写交流论文题目").invalid();
        }
        BigDecimal attendance = switch (level) {
            case "national" -> nationalHours;
            case "provincial" -> provincialHours;
            default -> otherHours;
        };
        String what = optionLabel("level", level) + "学术会议 " + fmt(attendance) + " 学时";
        if (!paper) {
            return propose(attendance, what);
        }
        BigDecimal bonus = switch (level) {
            case "national" -> nationalPaperHours;
            case "provincial" -> provincialPaperHours;
            default -> otherPaperHours;
        };
        BigDecimal hours = attendance.add(bonus);
        return propose(hours, what + " + 交流论文 " + fmt(bonus) + " 学时 = " + fmt(hours) + " 学时");
    }
}
