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

public class BaseStudyFormTest {
    private final BaseStudyForm form = new BaseStudyForm(Configs.defaults(BaseStudyForm.Config.class));
    private final Map<String, Object> study = values("baseName", "郑州大学继续教育基地", "courseName", "人工智能应用",
            "period", range("2024-06-01", "2024-06-30"), "hours", 40);

    @Test
    public void describesItself() {
        assertValidDescription(form);
        assertEquals("base-study", form.description().id());
        assertEquals(DeclarationKind.BASE_HOURS, form.description().kind());
        assertEquals(SubjectCategory.CHOICE, form.description().category());
    }

    @Test
    public void hoursAreThoseTheBaseCertifies() {
        assertProposes(form, study, "40", "继续教育基地认定 40 学时");
        assertProposes(form, with(study, "hours", "12.5"), "12.5", "继续教育基地认定 12.5 学时");
    }

    @Test
    public void itemsAreCapped() {
        assertCapped(form, with(study, "hours", 120), "120", "继续教育基地认定 120 学时");
    }

    @Test
    public void badValuesAreFieldErrors() {
        assertError(form, with(study, "baseName", null), "baseName", "请填写继续教育基地名称");
        assertError(form, with(study, "hours", 0), "hours", "基地认定学时不能小于 0.5");
        assertError(form, with(study, "hours", 1001), "hours", "基地认定学时不能大于 1000");
        assertError(form, with(study, "hours", "1.234"), "hours", "基地认定学时最多保留两位小数");
    }

    @Test
    public void capsComeFromConfiguration() {
        BaseStudyForm small = new BaseStudyForm(Configs.with(BaseStudyForm.Config.class, Map.of("maxPerItem", 30, "maxPerYear", 60)));
        assertCapped(small, study, "40", "继续教育基地认定 40 学时");
        assertEquals(BigDecimal.valueOf(60), small.description().maxPerYear());
    }
}
