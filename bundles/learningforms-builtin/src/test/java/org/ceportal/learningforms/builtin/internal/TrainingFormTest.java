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

public class TrainingFormTest {
    private final TrainingForm form = new TrainingForm(Configs.defaults(TrainingForm.Config.class));
    private final Map<String, Object> days = values("courseName", "新技术培训班", "organiser", "河南省人社厅",
            "period", range("2024-03-15", "2024-03-17"), "measure", "days", "amount", 3);

    @Test
    public void describesItself() {
        assertValidDescription(form);
        assertEquals("training", form.description().id());
        assertEquals(DeclarationKind.HOURS, form.description().kind());
        assertEquals(SubjectCategory.CHOICE, form.description().category());
        assertEquals(BigDecimal.valueOf(90), form.description().maxPerItem());
        assertNull(form.description().maxPerYear());
        assertEquals("the course's dates decide the year its hours count in", "period", form.description().yearField());
    }

    @Test
    public void otherFiguresAreAPreviewNotAChange() {
        TrainingForm six = (TrainingForm) form.withFigures(Map.of("hoursPerDay", "6", "service.pid", "x")).orElseThrow();
        assertProposes(six, days, "18", "3 天 × 6 学时/天 = 18 学时");
        assertProposes(form, days, "24", "3 天 × 8 学时/天 = 24 学时");
        assertThrows(IllegalArgumentException.class, () -> form.withFigures(Map.of("hoursPerDay", "six")).orElseThrow()
                .evaluate(days));
    }

    @Test
    public void daysAreWorthEightHours() {
        assertProposes(form, days, "24", "3 天 × 8 学时/天 = 24 学时");
        assertProposes(form, with(days, "amount", "2.5"), "20", "2.5 天 × 8 学时/天 = 20 学时");
    }

    @Test
    public void hoursCountAsGiven() {
        assertProposes(form, with(days, "measure", "hours", "amount", 12), "12", "按学时计量：12 学时");
    }

    @Test
    public void fortyFiveMinutesMakeOneHour() {
        assertProposes(form, with(days, "measure", "minutes", "amount", 360), "8", "360 分钟 ÷ 45 分钟/学时 = 8 学时");
        assertProposes(form, with(days, "measure", "minutes", "amount", 100), "2.22", "100 分钟 ÷ 45 分钟/学时 = 2.22 学时");
    }

    @Test
    public void minutesAreWhole() {
        assertError(form, with(days, "measure", "minutes", "amount", "100.5"), "amount", "培训量应为整数");
    }

    @Test
    public void daysCannotExceedTheCalendarDaysOfTheCourse() {
        assertProposes(form, with(days, "amount", 3), "24", "3 天 × 8 学时/天 = 24 学时");
        assertError(form, with(days, "amount", "3.5"), "amount", "培训天数不能超过起止日期内的 3 天");
        assertError(form, with(days, "period", range("2024-03-15", "2024-03-15"), "amount", 2), "amount",
                "培训天数不能超过起止日期内的 1 天");
    }

    @Test
    public void itemsAreCapped() {
        assertCapped(form, with(days, "period", range("2024-01-01", "2024-12-31"), "amount", 20), "160",
                "20 天 × 8 学时/天 = 160 学时");
        assertCapped(form, with(days, "measure", "hours", "amount", 120), "120", "按学时计量：120 学时");
        assertCapped(form, with(days, "measure", "minutes", "amount", 4500), "100", "4500 分钟 ÷ 45 分钟/学时 = 100 学时");
    }

    @Test
    public void badValuesAreFieldErrors() {
        assertError(form, with(days, "organiser", null), "organiser", "请填写主办单位");
        assertError(form, with(days, "courseName", " "), "courseName", "请填写培训项目名称");
        assertError(form, with(days, "period", null), "period", "请填写培训起止日期");
        assertError(form, with(days, "period", range("2024-03-17", "2024-03-15")), "period", "结束日期不能早于开始日期");
        assertError(form, with(days, "measure", "weeks"), "measure", "请从列表中选择计量方式");
        assertError(form, with(days, "measure", null), "measure", "请选择计量方式");
        assertError(form, with(days, "amount", "0.4"), "amount", "培训量不能小于 0.5");
        assertError(form, with(days, "amount", "three"), "amount", "培训量应为数字");
        assertError(form, with(days, "certificateNo", "x".repeat(51)), "certificateNo", "结业证书编号不能超过 50 个字");
    }

    @Test
    public void figuresComeFromConfiguration() {
        TrainingForm six = new TrainingForm(Configs.with(TrainingForm.Config.class,
                Map.of("hoursPerDay", 6, "minutesPerHour", 60, "maxPerItem", 40, "maxPerYear", 120)));
        assertProposes(six, days, "18", "3 天 × 6 学时/天 = 18 学时");
        assertProposes(six, with(days, "measure", "minutes", "amount", 120), "2", "120 分钟 ÷ 60 分钟/学时 = 2 学时");
        assertEquals(BigDecimal.valueOf(40), six.description().maxPerItem());
        assertEquals(BigDecimal.valueOf(120), six.description().maxPerYear());
        assertThrows(IllegalArgumentException.class, () -> new TrainingForm(
                Configs.with(TrainingForm.Config.class, Map.of("minutesPerHour", 0))));
        assertThrows(IllegalArgumentException.class, () -> new TrainingForm(
                Configs.with(TrainingForm.Config.class, Map.of("hoursPerDay", -1))));
        assertThrows(IllegalArgumentException.class, () -> new TrainingForm(
                Configs.with(TrainingForm.Config.class, Map.of("maxPerItem", 0))));
        assertThrows(IllegalArgumentException.class, () -> new TrainingForm(
                Configs.with(TrainingForm.Config.class, Map.of("maxPerYear", -1))));
    }
}
