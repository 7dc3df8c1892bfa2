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

public class DegreeStudyFormTest {
    private final DegreeStudyForm form = new DegreeStudyForm(Configs.defaults(DegreeStudyForm.Config.class));
    private final Map<String, Object> study = values("school", "河南大学", "programme", "土木工程",
            "degreeLevel", "master", "coursesPassed", 3);

    @Test
    public void describesItself() {
        assertValidDescription(form);
        assertEquals("degree-study", form.description().id());
        assertEquals(SubjectCategory.PROFESSIONAL, form.description().category());
        assertEquals(BigDecimal.valueOf(90), form.description().maxPerYear());
    }

    @Test
    public void eachCoursePassedIsWorthFifteenHours() {
        assertProposes(form, study, "45", "3 门课程 × 15 学时/门 = 45 学时");
        assertProposes(form, with(study, "coursesPassed", "1"), "15", "1 门课程 × 15 学时/门 = 15 学时");
        assertProposes(form, with(study, "coursesPassed", 6), "90", "6 门课程 × 15 学时/门 = 90 学时");
    }

    @Test
    public void itemsAreCapped() {
        assertCapped(form, with(study, "coursesPassed", 7), "105", "7 门课程 × 15 学时/门 = 105 学时");
    }

    @Test
    public void badValuesAreFieldErrors() {
        assertError(form, with(study, "coursesPassed", "2.5"), "coursesPassed", "当年考试合格课程门数应为整数");
        assertError(form, with(study, "coursesPassed", 0), "coursesPassed", "当年考试合格课程门数不能小于 1");
        assertError(form, with(study, "coursesPassed", 31), "coursesPassed", "当年考试合格课程门数不能大于 30");
        assertError(form, with(study, "degreeLevel", "phd"), "degreeLevel", "请从列表中选择学历层次");
        assertError(form, with(study, "school", null), "school", "请填写就读院校");
    }

    @Test
    public void figuresComeFromConfiguration() {
        DegreeStudyForm ten = new DegreeStudyForm(Configs.with(DegreeStudyForm.Config.class, Map.of("hoursPerCourse", 10)));
        assertProposes(ten, study, "30", "3 门课程 × 10 学时/门 = 30 学时");
        assertNull(new DegreeStudyForm(Configs.with(DegreeStudyForm.Config.class, Map.of("maxPerYear", 0)))
                .description().maxPerYear());
    }
}
