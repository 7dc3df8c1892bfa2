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

public class QualificationExamFormTest {
    private final QualificationExamForm form = new QualificationExamForm(Configs.defaults(QualificationExamForm.Config.class));
    private final Map<String, Object> exam = values("examName", "一级建造师执业资格考试", "certificateNo", "豫141234567890",
            "passDate", "2024-11-20");

    @Test
    public void describesItself() {
        assertValidDescription(form);
        assertEquals("qualification-exam", form.description().id());
        assertEquals(SubjectCategory.PROFESSIONAL, form.description().category());
        assertEquals(BigDecimal.valueOf(60), form.description().maxPerItem());
    }

    @Test
    public void aPassedExamEarnsTheFixedFigure() {
        assertProposes(form, exam, "60", "资格考试合格：60 学时");
    }

    @Test
    public void itemsAreCapped() {
        QualificationExamForm more = new QualificationExamForm(Configs.with(QualificationExamForm.Config.class, Map.of("hours", 80)));
        assertCapped(more, exam, "80", "资格考试合格：80 学时");
    }

    @Test
    public void badValuesAreFieldErrors() {
        assertError(form, with(exam, "certificateNo", null), "certificateNo", "请填写资格证书编号");
        assertError(form, with(exam, "examName", null), "examName", "请填写考试名称");
        assertError(form, with(exam, "passDate", "20241120"), "passDate", "合格日期格式应为 年-月-日");
        assertError(form, with(exam, "passDate", 2024), "passDate", "合格日期格式应为 年-月-日");
    }

    @Test
    public void figuresComeFromConfiguration() {
        QualificationExamForm thirty = new QualificationExamForm(Configs.with(QualificationExamForm.Config.class, Map.of("hours", 30)));
        assertProposes(thirty, exam, "30", "资格考试合格：30 学时");
        assertThrows(IllegalArgumentException.class, () -> new QualificationExamForm(
                Configs.with(QualificationExamForm.Config.class, Map.of("hours", -30))));
    }
}
