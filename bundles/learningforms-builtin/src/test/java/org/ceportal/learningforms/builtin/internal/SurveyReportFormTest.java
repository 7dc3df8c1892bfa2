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

public class SurveyReportFormTest {
    private final SurveyReportForm form = new SurveyReportForm(Configs.defaults(SurveyReportForm.Config.class));
    private final Map<String, Object> report = values("title", "关于县域医疗人才队伍建设的调研报告", "level", "provincial",
            "endorsedBy", "副省长", "endorsedOn", "2024-07-08");

    @Test
    public void describesItself() {
        assertValidDescription(form);
        assertEquals("survey-report", form.description().id());
        assertEquals(SubjectCategory.PROFESSIONAL, form.description().category());
        assertEquals(BigDecimal.valueOf(30), form.description().maxPerItem());
    }

    @Test
    public void figuresByLevelOfEndorsement() {
        assertProposes(form, report, "30", "调研报告获省部级及以上领导批示：30 学时");
        assertProposes(form, with(report, "level", "municipal"), "20", "调研报告获市厅级领导批示：20 学时");
        assertProposes(form, with(report, "level", "county"), "10", "调研报告获县处级领导批示：10 学时");
    }

    @Test
    public void itemsAreCapped() {
        SurveyReportForm capped = new SurveyReportForm(Configs.with(SurveyReportForm.Config.class, Map.of("maxPerItem", 25)));
        assertCapped(capped, report, "30", "调研报告获省部级及以上领导批示：30 学时");
    }

    @Test
    public void badValuesAreFieldErrors() {
        assertError(form, with(report, "level", "national"), "level", "请从列表中选择批示级别");
        assertError(form, with(report, "endorsedBy", null), "endorsedBy", "请填写批示领导及职务");
        assertError(form, with(report, "summary", "字".repeat(1001)), "summary", "批示内容摘要不能超过 1000 个字");
    }

    @Test
    public void figuresComeFromConfiguration() {
        SurveyReportForm other = new SurveyReportForm(Configs.with(SurveyReportForm.Config.class, Map.of("countyHours", 6)));
        assertProposes(other, with(report, "level", "county"), "6", "调研报告获县处级领导批示：6 学时");
        assertThrows(IllegalArgumentException.class, () -> new SurveyReportForm(
                Configs.with(SurveyReportForm.Config.class, Map.of("municipalHours", -1))));
    }
}
