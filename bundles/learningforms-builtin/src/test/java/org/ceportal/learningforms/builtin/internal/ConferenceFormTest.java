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

public class ConferenceFormTest {
    private final ConferenceForm form = new ConferenceForm(Configs.defaults(ConferenceForm.Config.class));
    private final Map<String, Object> meeting = values("conferenceName", "全国岩土工程学术大会", "organiser", "中国土木工程学会",
            "level", "national", "period", range("2024-10-11", "2024-10-13"), "paperPresented", "no");

    @Test
    public void describesItself() {
        assertValidDescription(form);
        assertEquals("conference", form.description().id());
        assertEquals(SubjectCategory.PROFESSIONAL, form.description().category());
        assertEquals(BigDecimal.valueOf(20), form.description().maxPerItem());
    }

    @Test
    public void attendanceCountsByLevel() {
        assertProposes(form, meeting, "12", "国家级及以上学术会议 12 学时");
        assertProposes(form, with(meeting, "level", "provincial"), "8", "省级学术会议 8 学时");
        assertProposes(form, with(meeting, "level", "other"), "4", "其他学术会议 4 学时");
    }

    @Test
    public void aPresentedPaperAddsABonusByLevel() {
        Map<String, Object> paper = with(meeting, "paperPresented", "yes", "paperTitle", "软土地基沉降分析");
        assertProposes(form, paper, "20", "国家级及以上学术会议 12 学时 + 交流论文 8 学时 = 20 学时");
        assertProposes(form, with(paper, "level", "provincial"), "14", "省级学术会议 8 学时 + 交流论文 6 学时 = 14 学时");
        assertProposes(form, with(paper, "level", "other"), "8", "其他学术会议 4 学时 + 交流论文 4 学时 = 8 学时");
    }

    @Test
    public void aPaperTitleWithoutAPaperIsIgnored() {
        assertProposes(form, with(meeting, "paperTitle", "未交流"), "12", "国家级及以上学术会议 12 学时");
    }

    @Test
    public void itemsAreCapped() {
        ConferenceForm generous = new ConferenceForm(Configs.with(ConferenceForm.Config.class, Map.of("nationalPaperHours", 20)));
        assertCapped(generous, with(meeting, "paperPresented", "yes", "paperTitle", "论文"), "32",
                "国家级及以上学术会议 12 学时 + 交流论文 20 学时 = 32 学时");
    }

    @Test
    public void badValuesAreFieldErrors() {
        assertError(form, with(meeting, "paperPresented", "yes"), "paperTitle", "请填写交流论文题目");
        assertError(form, with(meeting, "level", "international"), "level", "请从列表中选择会议级别");
        assertError(form, with(meeting, "paperPresented", true), "paperPresented", "请从列表中选择是否交流论文");
        assertError(form, with(meeting, "conferenceName", null), "conferenceName", "请填写会议名称");
    }

    @Test
    public void figuresComeFromConfiguration() {
        ConferenceForm other = new ConferenceForm(Configs.with(ConferenceForm.Config.class,
                Map.of("provincialHours", 10, "provincialPaperHours", 5)));
        assertProposes(other, with(meeting, "level", "provincial", "paperPresented", "yes", "paperTitle", "论文"), "15",
                "省级学术会议 10 学时 + 交流论文 5 学时 = 15 学时");
        assertThrows(IllegalArgumentException.class, () -> new ConferenceForm(
                Configs.with(ConferenceForm.Config.class, Map.of("otherPaperHours", -4))));
    }
}
