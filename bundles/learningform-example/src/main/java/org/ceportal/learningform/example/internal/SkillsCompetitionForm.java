package org.ceportal.learningform.example.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ceportal.learningform.api.Caps;
import org.ceportal.learningform.api.DeclarationKind;
import org.ceportal.learningform.api.Evaluation;
import org.ceportal.learningform.api.Field;
import org.ceportal.learningform.api.FieldValues;
import org.ceportal.learningform.api.FigureConfigs;
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
 * 技能竞赛: taking part in a vocational skills competition earns a figure by the
 * competition's level and the result. The province's conversion table has no such
 * form; the figures are this bundle's defaults and all configurable. Category:
 * professional (a competition in one's trade).
 *
 * <p>Written as a third party would write a form: it uses only the learning-form API
 * and the OSGi annotations, so installing this bundle at run time proves the plug-in
 * path.
 */
@Component(service = LearningForm.class, configurationPid = SkillsCompetitionForm.PID)
@Designate(ocd = SkillsCompetitionForm.Config.class)
public final class SkillsCompetitionForm implements LearningForm {
    static final String ID = "skills-competition";
    static final String PID = "org.ceportal.learningform." + ID;

    @ObjectClassDefinition(name = "学习形式：技能竞赛",
            description = "技能竞赛的学时计算数值；折算表不含这一学习形式，默认值由本插件设定")
    @interface Config {
        @AttributeDefinition(name = "国家级一等奖", min = "0", description = "国家级竞赛获一等奖计的学时；默认 40")
        int nationalFirst() default 40;

        @AttributeDefinition(name = "国家级二等奖", min = "0", description = "国家级竞赛获二等奖计的学时；默认 30")
        int nationalSecond() default 30;

        @AttributeDefinition(name = "国家级三等奖", min = "0", description = "国家级竞赛获三等奖计的学时；默认 20")
        int nationalThird() default 20;

        @AttributeDefinition(name = "国家级参赛", min = "0", description = "参加国家级竞赛未获奖计的学时；默认 8")
        int nationalEntry() default 8;

        @AttributeDefinition(name = "省级一等奖", min = "0", description = "省级竞赛获一等奖计的学时；默认 30")
        int provincialFirst() default 30;

        @AttributeDefinition(name = "省级二等奖", min = "0", description = "省级竞赛获二等奖计的学时；默认 20")
        int provincialSecond() default 20;

        @AttributeDefinition(name = "省级三等奖", min = "0", description = "省级竞赛获三等奖计的学时；默认 15")
        int provincialThird() default 15;

        @AttributeDefinition(name = "省级参赛", min = "0", description = "参加省级竞赛未获奖计的学时；默认 6")
        int provincialEntry() default 6;

        @AttributeDefinition(name = "市级一等奖", min = "0", description = "市级竞赛获一等奖计的学时；默认 20")
        int municipalFirst() default 20;

        @AttributeDefinition(name = "市级二等奖", min = "0", description = "市级竞赛获二等奖计的学时；默认 15")
        int municipalSecond() default 15;

        @AttributeDefinition(name = "市级三等奖", min = "0", description = "市级竞赛获三等奖计的学时；默认 10")
        int municipalThird() default 10;

        @AttributeDefinition(name = "市级参赛", min = "0", description = "参加市级竞赛未获奖计的学时；默认 4")
        int municipalEntry() default 4;

        @AttributeDefinition(name = "每项最多学时", min = "1", description = "一次竞赛最多可得的学时；默认 40，即以上各项中的最高值")
        int maxPerItem() default 40;

        @AttributeDefinition(name = "每年最多学时", min = "0",
                description = "一年内所有技能竞赛申报合计最多可得的学时；0 表示不限（默认）")
        int maxPerYear() default 0;
    }

    private static final List<Option> LEVELS = List.of(
            new Option("national", "国家级"),
            new Option("provincial", "省级"),
            new Option("municipal", "市级"));
    private static final List<Option> RESULTS = List.of(
            new Option("first", "一等奖"),
            new Option("second", "二等奖"),
            new Option("third", "三等奖"),
            new Option("entry", "参赛"));

    /** Figures by level, then by result, in the order of {@link #LEVELS} and {@link #RESULTS}. */
    private final Map<String, Map<String, BigDecimal>> figures;
    private final FormDescription description;

    @Activate
    public SkillsCompetitionForm(Config c) {
        this.figures = Map.of(
                "national", row(c.nationalFirst(), c.nationalSecond(), c.nationalThird(), c.nationalEntry()),
                "provincial", row(c.provincialFirst(), c.provincialSecond(), c.provincialThird(), c.provincialEntry()),
                "municipal", row(c.municipalFirst(), c.municipalSecond(), c.municipalThird(), c.municipalEntry()));
        if (c.maxPerItem() <= 0 || c.maxPerYear() < 0) {
            throw new IllegalArgumentException("maxPerItem must be positive and maxPerYear zero (no limit) or positive");
        }
        this.description = new FormDescription(ID, "1.0.0", "技能竞赛", DeclarationKind.HOURS, SubjectCategory.PROFESSIONAL,
                "参加职业技能竞赛，按竞赛级别和比赛成绩计学时（一等奖/二等奖/三等奖/参赛）：国家级 " + summary("national")
                        + "，省级 " + summary("provincial") + "，市级 " + summary("municipal")
                        + "。每项最多 " + c.maxPerItem() + " 学时。",
                List.of(
                        Field.text("competitionName", "竞赛名称").required().maxLength(100)
                                .help("如 河南省职业技能大赛").build(),
                        Field.text("organiser", "主办单位").required().maxLength(100).build(),
                        Field.text("event", "参赛项目（工种）").maxLength(50).build(),
                        Field.choice("level", "竞赛级别", LEVELS).required().build(),
                        Field.choice("result", "比赛成绩", RESULTS).required().build(),
                        Field.date("date", "比赛日期").required().build(),
                        Field.text("certificateNo", "证书编号").maxLength(50).build()),
                BigDecimal.valueOf(c.maxPerItem()), c.maxPerYear() == 0 ? null : BigDecimal.valueOf(c.maxPerYear())).withYearField("date");
    }

    private static Map<String, BigDecimal> row(int first, int second, int third, int entry) {
        for (int figure : new int[] {first, second, third, entry}) {
            if (figure < 0) {
                throw new IllegalArgumentException("skills-competition figures must not be negative: " + figure);
            }
        }
        return Map.of("first", BigDecimal.valueOf(first), "second", BigDecimal.valueOf(second),
                "third", BigDecimal.valueOf(third), "entry", BigDecimal.valueOf(entry));
    }

    private String summary(String level) {
        StringBuilder s = new StringBuilder();
        for (Option result : RESULTS) {
            if (s.length() > 0) {
                s.append('/');
            }
            s.append(Caps.format(figures.get(level).get(result.value())));
        }
        return s.toString();
    }

    @Override
    public FormDescription description() {
        return description;
    }

    /** This form with other figures, for the ops' preview (学习形式管理 › 数值配置). */
    @Override
    public Optional<LearningForm> withFigures(Map<String, Object> figures) {
        return Optional.of(new SkillsCompetitionForm(FigureConfigs.of(Config.class, figures)));
    }

    @Override
    public Evaluation evaluate(Map<String, Object> values) {
        FieldValues v = FieldValues.check(description, values);
        if (!v.isValid()) {
            return v.invalid();
        }
        String level = v.choice("level");
        String result = v.choice("result");
        BigDecimal hours = figures.get(level).get(result);
        return Caps.propose(description, hours,
                label(LEVELS, level) + "技能竞赛" + label(RESULTS, result) + "：" + Caps.format(hours) + " 学时");
    }

    private static String label(List<Option> options, String value) {
        return options.stream().filter(o -> o.value().equals(value)).findFirst().orElseThrow().label();
    }
}
