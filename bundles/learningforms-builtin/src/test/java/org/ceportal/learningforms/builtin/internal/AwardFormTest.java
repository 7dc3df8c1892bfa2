package org.ceportal.learningforms.builtin.internal;

import static org.ceportal.learningforms.builtin.internal.FormAssert.assertCapped;
import static org.ceportal.learningforms.builtin.internal.FormAssert.assertError;
import static org.ceportal.learningforms.builtin.internal.FormAssert.assertProposes;
import static org.ceportal.learningforms.builtin.internal.FormAssert.assertValidDescription;
import static org.ceportal.learningforms.builtin.internal.FormAssert.values;
import static org.ceportal.learningforms.builtin.internal.FormAssert.with;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.math.BigDecimal;
import java.util.Map;

import org.ceportal.learningform.api.SubjectCategory;
import org.junit.Test;

public class AwardFormTest {
    private final AwardForm form = new AwardForm(Configs.defaults(AwardForm.Config.class));
    private final Map<String, Object> award = values("projectName", "城市轨道交通智能调度系统", "awardName", "河南省科学技术进步奖",
            "grantedBy", "河南省人民政府", "level", "provincial", "grade", "second", "awardedOn", "2024-01-18", "rank", 1);

    @Test
    public void describesItself() {
        assertValidDescription(form);
        assertEquals("award", form.description().id());
        assertEquals(SubjectCategory.PROFESSIONAL, form.description().category());
        assertEquals(BigDecimal.valueOf(60), form.description().maxPerItem());
    }

    private void assertTable(String level, String label, int... figures) {
        for (int rank = 1; rank <= figures.length; rank++) {
            assertProposes(form, with(award, "level", level, "rank", rank), String.valueOf(figures[rank - 1]),
                    label + "奖项第 " + rank + " 名：" + figures[rank - 1] + " 学时");
        }
    }

    @Test
    public void everyRowOfTheTable() {
        assertTable("national", "国家级", 60, 48, 36, 24, 12);
        assertTable("provincial", "省部级", 40, 32, 24, 16, 8);
        assertTable("municipal", "市厅级", 20, 16, 12, 8, 4);
    }

    @Test
    public void theGradeIsRecordedButDoesNotChangeTheFigure() {
        assertProposes(form, with(award, "grade", "first"), "40", "省部级奖项第 1 名：40 学时");
        assertProposes(form, with(award, "grade", "other"), "40", "省部级奖项第 1 名：40 学时");
    }

    @Test
    public void ranksBeyondTheTableCannotDeclare() {
        assertError(form, with(award, "rank", 6), "rank", "该级别奖项仅前五名获奖人可申报");
    }

    @Test
    public void itemsAreCapped() {
        AwardForm capped = new AwardForm(Configs.with(AwardForm.Config.class, Map.of("maxPerItem", 30)));
        assertCapped(capped, award, "40", "省部级奖项第 1 名：40 学时");
    }

    @Test
    public void badValuesAreFieldErrors() {
        assertError(form, with(award, "level", "county"), "level", "请从列表中选择奖励级别");
        assertError(form, with(award, "grade", null), "grade", "请选择获奖等次");
        assertError(form, with(award, "awardedOn", null), "awardedOn", "请填写获奖日期");
        assertError(form, with(award, "rank", -1), "rank", "本人排名不能小于 1");
    }

    @Test
    public void tablesComeFromConfiguration() {
        AwardForm top3 = new AwardForm(Configs.with(AwardForm.Config.class, Map.of("national", "50,40,30")));
        assertError(top3, with(award, "level", "national", "rank", 4), "rank", "该级别奖项仅前三名获奖人可申报");
        assertThrows(IllegalArgumentException.class, () -> new AwardForm(
                Configs.with(AwardForm.Config.class, Map.of("municipal", " "))));
    }
}
