package org.ceportal.learningforms.builtin.internal;

import static org.ceportal.learningforms.builtin.internal.FormAssert.assertCapped;
import static org.ceportal.learningforms.builtin.internal.FormAssert.assertError;
import static org.ceportal.learningforms.builtin.internal.FormAssert.assertProposes;
import static org.ceportal.learningforms.builtin.internal.FormAssert.assertValidDescription;
import static org.ceportal.learningforms.builtin.internal.FormAssert.range;
import static org.ceportal.learningforms.builtin.internal.FormAssert.values;
import static org.ceportal.learningforms.builtin.internal.FormAssert.with;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.math.BigDecimal;
import java.util.Map;

import org.ceportal.learningform.api.SubjectCategory;
import org.junit.Test;

public class ResearchProjectFormTest {
    private final ResearchProjectForm form = new ResearchProjectForm(Configs.defaults(ResearchProjectForm.Config.class));
    private final Map<String, Object> project = values("projectName", "黄河流域生态保护研究", "fundedBy", "国家自然科学基金委员会",
            "level", "national", "role", "main", "rank", 1, "period", range("2023-01-01", "2025-12-31"));

    @Test
    public void describesItself() {
        assertValidDescription(form);
        assertEquals("research-project", form.description().id());
        assertEquals(SubjectCategory.PROFESSIONAL, form.description().category());
        assertEquals(BigDecimal.valueOf(64), form.description().maxPerItem());
    }

    private void assertTable(String level, String role, String label, int... figures) {
        for (int rank = 1; rank <= figures.length; rank++) {
            assertProposes(form, with(project, "level", level, "role", role, "rank", rank), String.valueOf(figures[rank - 1]),
                    label + "第 " + rank + " 名：" + figures[rank - 1] + " 学时");
        }
    }

    @Test
    public void everyRowOfTheTable() {
        assertTable("national", "main", "国家级主课题（项目）", 64, 56, 48, 40, 32);
        assertTable("national", "sub", "国家级子课题", 48, 40, 32);
        assertTable("provincial", "main", "省部级主课题（项目）", 56, 48, 40);
        assertTable("provincial", "sub", "省部级子课题", 40, 32, 24);
        assertTable("municipal", "main", "市厅级主课题（项目）", 32, 24, 16);
        assertTable("municipal", "sub", "市厅级子课题", 24, 16, 8);
    }

    @Test
    public void ranksBeyondTheTableCannotDeclare() {
        assertError(form, with(project, "rank", 6), "rank", "该级别课题仅前五名成员可申报");
        assertError(form, with(project, "role", "sub", "rank", 4), "rank", "该级别课题仅前三名成员可申报");
        assertError(form, with(project, "level", "provincial", "rank", 4), "rank", "该级别课题仅前三名成员可申报");
        assertError(form, with(project, "level", "municipal", "role", "sub", "rank", 99), "rank", "该级别课题仅前三名成员可申报");
    }

    @Test
    public void itemsAreCapped() {
        ResearchProjectForm capped = new ResearchProjectForm(Configs.with(ResearchProjectForm.Config.class, Map.of("maxPerItem", 50)));
        assertCapped(capped, project, "64", "国家级主课题（项目）第 1 名：64 学时");
        assertProposes(capped, with(project, "rank", 3), "48", "国家级主课题（项目）第 3 名：48 学时");
    }

    @Test
    public void badValuesAreFieldErrors() {
        assertError(form, with(project, "rank", "1.5"), "rank", "本人排名应为整数");
        assertError(form, with(project, "rank", 0), "rank", "本人排名不能小于 1");
        assertError(form, with(project, "rank", 100), "rank", "本人排名不能大于 99");
        assertError(form, with(project, "level", "county"), "level", "请从列表中选择课题级别");
        assertError(form, with(project, "role", null), "role", "请选择课题类别");
        assertError(form, with(project, "fundedBy", null), "fundedBy", "请填写立项部门");
    }

    @Test
    public void tablesComeFromConfiguration() {
        ResearchProjectForm longer = new ResearchProjectForm(Configs.with(ResearchProjectForm.Config.class,
                Map.of("provincialSub", " 30, 25, 20, 15 ")));
        assertProposes(longer, with(project, "level", "provincial", "role", "sub", "rank", 4), "15", "省部级子课题第 4 名：15 学时");
        assertError(longer, with(project, "level", "provincial", "role", "sub", "rank", 5), "rank", "该级别课题仅前四名成员可申报");
        for (String bad : new String[] {"", "64,x", "64,,32", "64,-1", "1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21"}) {
            assertThrows(bad, IllegalArgumentException.class, () -> new ResearchProjectForm(
                    Configs.with(ResearchProjectForm.Config.class, Map.of("nationalMain", bad))));
        }
    }
}
