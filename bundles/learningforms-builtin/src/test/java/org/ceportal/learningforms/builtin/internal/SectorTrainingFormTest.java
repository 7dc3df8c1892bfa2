package org.ceportal.learningforms.builtin.internal;

import static org.ceportal.learningforms.builtin.internal.FormAssert.assertCapped;
import static org.ceportal.learningforms.builtin.internal.FormAssert.assertError;
import static org.ceportal.learningforms.builtin.internal.FormAssert.assertProposes;
import static org.ceportal.learningforms.builtin.internal.FormAssert.assertValidDescription;
import static org.ceportal.learningforms.builtin.internal.FormAssert.range;
import static org.ceportal.learningforms.builtin.internal.FormAssert.values;
import static org.ceportal.learningforms.builtin.internal.FormAssert.with;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;

import java.math.BigDecimal;
import java.util.Map;

import org.ceportal.learningform.api.DeclarationKind;
import org.ceportal.learningform.api.SubjectCategory;
import org.junit.Test;

public class SectorTrainingFormTest {
    private final SectorTrainingForm form = new SectorTrainingForm(Configs.defaults(SectorTrainingForm.Config.class));
    private final Map<String, Object> course = values("sectorBody", "河南省注册会计师协会", "courseName", "审计准则培训",
            "period", range("2024-05-06", "2024-05-10"), "days", 5);

    @Test
    public void describesItself() {
        assertValidDescription(form);
        assertEquals("sector-training", form.description().id());
        assertEquals(SubjectCategory.CHOICE, form.description().category());
        assertEquals(BigDecimal.valueOf(90), form.description().maxPerItem());
    }

    @Test
    public void daysAreWorthEightHours() {
        assertProposes(form, course, "40", "5 天 × 8 学时/天 = 40 学时");
        assertProposes(form, with(course, "days", "0.5"), "4", "0.5 天 × 8 学时/天 = 4 学时");
    }

    @Test
    public void daysCannotExceedTheCalendarDaysOfTheCourse() {
        assertError(form, with(course, "days", 6), "days", "培训天数不能超过起止日期内的 5 天");
    }

    @Test
    public void itemsAreCapped() {
        assertCapped(form, with(course, "period", range("2024-05-01", "2024-05-31"), "days", 20), "160",
                "20 天 × 8 学时/天 = 160 学时");
    }

    @Test
    public void badValuesAreFieldErrors() {
        assertError(form, with(course, "sectorBody", null), "sectorBody", "请填写主办行业部门");
        assertError(form, with(course, "days", 366), "days", "培训天数不能大于 365");
        assertError(form, with(course, "days", "0"), "days", "培训天数不能小于 0.5");
        assertError(form, with(course, "period", "2024-05-06"), "period", "培训起止日期格式不正确");
    }

    @Test
    public void figuresComeFromConfiguration() {
        SectorTrainingForm seven = new SectorTrainingForm(Configs.with(SectorTrainingForm.Config.class, Map.of("hoursPerDay", 7)));
        assertProposes(seven, course, "35", "5 天 × 7 学时/天 = 35 学时");
        assertThrows(IllegalArgumentException.class, () -> new SectorTrainingForm(
                Configs.with(SectorTrainingForm.Config.class, Map.of("hoursPerDay", -8))));
    }
}
