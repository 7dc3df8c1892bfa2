package org.ceportal.learningform.example.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ceportal.learningform.api.DeclarationKind;
import org.ceportal.learningform.api.Evaluation;
import org.ceportal.learningform.api.FieldError;
import org.ceportal.learningform.api.FigureConfigs;
import org.ceportal.learningform.api.FormDescription;
import org.ceportal.learningform.api.SubjectCategory;
import org.junit.Test;

public class SkillsCompetitionFormTest {
    private final SkillsCompetitionForm form = new SkillsCompetitionForm(config(Map.of()));

    /** The configuration DS gives without a configuration (every default), with some overrides. */
    private static SkillsCompetitionForm.Config config(Map<String, Object> overrides) {
        return FigureConfigs.of(SkillsCompetitionForm.Config.class, overrides);
    }

    private static Map<String, Object> entry(String level, String result) {
        Map<String, Object> m = new HashMap<>();
        m.put("competitionName", "河南省职业技能大赛");
        m.put("organiser", "河南省人力资源和社会保障厅");
        m.put("event", "电工");
        m.put("level", level);
        m.put("result", result);
        m.put("date", "2024-09-20");
        return m;
    }

    private static void assertProposes(SkillsCompetitionForm f, Map<String, Object> values, int hours, String explanation) {
        Evaluation e = f.evaluate(values);
        assertTrue(e.errors().toString(), e.isValid());
        assertEquals(BigDecimal.valueOf(hours), e.proposed());
        assertEquals(explanation, e.explanation());
    }

    @Test
    public void describesItself() {
        FormDescription d = form.description();
        assertEquals("skills-competition", d.id());
        assertEquals("1.0.0", d.version());
        assertEquals("技能竞赛", d.name());
        assertEquals(DeclarationKind.HOURS, d.kind());
        assertEquals(SubjectCategory.PROFESSIONAL, d.category());
        assertEquals(BigDecimal.valueOf(40), d.maxPerItem());
        assertNull(d.maxPerYear());
        assertEquals(d, new FormDescription(d.id(), d.version(), d.name(), d.kind(), d.category(), d.help(), d.fields(),
                d.maxPerItem(), d.maxPerYear(), d.yearField()));
        assertEquals("the competition's date decides the year", "date", d.yearField());
        assertTrue(d.help().contains("国家级 40/30/20/8"));
        assertTrue(d == form.description());
    }

    @Test
    public void everyLevelAndResult() {
        String[] levels = {"national", "provincial", "municipal"};
        String[] levelLabels = {"国家级", "省级", "市级"};
        String[] results = {"first", "second", "third", "entry"};
        String[] resultLabels = {"一等奖", "二等奖", "三等奖", "参赛"};
        int[][] figures = {{40, 30, 20, 8}, {30, 20, 15, 6}, {20, 15, 10, 4}};
        for (int l = 0; l < levels.length; l++) {
            for (int r = 0; r < results.length; r++) {
                assertProposes(form, entry(levels[l], results[r]), figures[l][r],
                        levelLabels[l] + "技能竞赛" + resultLabels[r] + "：" + figures[l][r] + " 学时");
            }
        }
    }

    @Test
    public void itemsAreCapped() {
        SkillsCompetitionForm capped = new SkillsCompetitionForm(config(Map.of("maxPerItem", 25, "maxPerYear", 60)));
        Evaluation e = capped.evaluate(entry("national", "first"));
        assertEquals(BigDecimal.valueOf(25), e.proposed());
        assertEquals("国家级技能竞赛一等奖：40 学时；超过单项上限 25 学时，按 25 学时计", e.explanation());
        assertEquals(BigDecimal.valueOf(60), capped.description().maxPerYear());
    }

    @Test
    public void figuresComeFromConfiguration() {
        SkillsCompetitionForm other = new SkillsCompetitionForm(config(Map.of("municipalEntry", 2)));
        assertProposes(other, entry("municipal", "entry"), 2, "市级技能竞赛参赛：2 学时");
        assertThrows(IllegalArgumentException.class, () -> new SkillsCompetitionForm(config(Map.of("provincialThird", -1))));
        assertThrows(IllegalArgumentException.class, () -> new SkillsCompetitionForm(config(Map.of("maxPerItem", 0))));
        assertThrows(IllegalArgumentException.class, () -> new SkillsCompetitionForm(config(Map.of("maxPerYear", -1))));
    }

    @Test
    public void otherFiguresMakeAnotherFormAndLeaveThisOne() {
        SkillsCompetitionForm two = (SkillsCompetitionForm) form.withFigures(Map.of("municipalEntry", "2")).orElseThrow();
        assertProposes(two, entry("municipal", "entry"), 2, "市级技能竞赛参赛：2 学时");
        assertProposes(form, entry("municipal", "entry"), 4, "市级技能竞赛参赛：4 学时");
        assertThrows(IllegalArgumentException.class, () -> form.withFigures(Map.of("maxPerItem", "0")));
    }

    @Test
    public void badValuesAreFieldErrors() {
        assertEquals(List.of(
                new FieldError("competitionName", "请填写竞赛名称"),
                new FieldError("organiser", "请填写主办单位"),
                new FieldError("level", "请选择竞赛级别"),
                new FieldError("result", "请选择比赛成绩"),
                new FieldError("date", "请填写比赛日期")), form.evaluate(Map.of()).errors());
        Map<String, Object> bad = entry("county", "gold");
        bad.put("date", "2024/09/20");
        Evaluation e = form.evaluate(bad);
        assertFalse(e.isValid());
        assertEquals(List.of(
                new FieldError("level", "请从列表中选择竞赛级别"),
                new FieldError("result", "请从列表中选择比赛成绩"),
                new FieldError("date", "比赛日期格式应为 年-月-日")), e.errors());
    }
}
