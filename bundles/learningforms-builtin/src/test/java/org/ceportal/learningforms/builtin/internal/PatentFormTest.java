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

public class PatentFormTest {
    private final PatentForm form = new PatentForm(Configs.defaults(PatentForm.Config.class));
    private final Map<String, Object> patent = values("title", "一种预应力锚索张拉装置", "kind", "invention",
            "patentNo", "ZL202310123456.7", "grantedOn", "2024-04-02", "rank", 1);

    @Test
    public void describesItself() {
        assertValidDescription(form);
        assertEquals("patent", form.description().id());
        assertEquals(SubjectCategory.PROFESSIONAL, form.description().category());
        assertEquals(BigDecimal.valueOf(40), form.description().maxPerItem());
    }

    private void assertTable(String kind, String label, int... figures) {
        for (int rank = 1; rank <= figures.length; rank++) {
            assertProposes(form, with(patent, "kind", kind, "rank", rank), String.valueOf(figures[rank - 1]),
                    label + "第 " + rank + " 发明人：" + figures[rank - 1] + " 学时");
        }
    }

    @Test
    public void everyRowOfTheTable() {
        assertTable("invention", "发明专利", 40, 30, 20);
        assertTable("utility-model", "实用新型专利", 20, 15, 10);
        assertTable("design", "外观设计专利", 10, 6, 4);
    }

    @Test
    public void onlyTheTopThreeInventorsMayDeclare() {
        assertError(form, with(patent, "rank", 4), "rank", "仅前三名发明人可申报");
        assertError(form, with(patent, "kind", "design", "rank", 4), "rank", "仅前三名发明人可申报");
    }

    @Test
    public void itemsAreCapped() {
        PatentForm capped = new PatentForm(Configs.with(PatentForm.Config.class, Map.of("maxPerItem", 25)));
        assertCapped(capped, patent, "40", "发明专利第 1 发明人：40 学时");
    }

    @Test
    public void patentNumbersHaveTheOfficialFormat() {
        assertProposes(form, with(patent, "patentNo", "ZL97112345.6"), "40", "发明专利第 1 发明人：40 学时");
        assertProposes(form, with(patent, "patentNo", "ZL202320123456.X"), "40", "发明专利第 1 发明人：40 学时");
        for (String bad : new String[] {"202310123456.7", "ZL 202310123456.7", "ZL2023101234567", "zl202310123456.7"}) {
            assertError(form, with(patent, "patentNo", bad), "patentNo", "专利号格式不正确");
        }
    }

    @Test
    public void badValuesAreFieldErrors() {
        assertError(form, with(patent, "kind", "software"), "kind", "请从列表中选择专利类型");
        assertError(form, with(patent, "grantedOn", "2024-02-30"), "grantedOn", "授权公告日不是有效的日期");
        assertError(form, with(patent, "rank", "first"), "rank", "发明人排名应为数字");
        assertError(form, with(patent, "rank", "1.5"), "rank", "发明人排名应为整数");
    }

    @Test
    public void tablesComeFromConfiguration() {
        PatentForm five = new PatentForm(Configs.with(PatentForm.Config.class, Map.of("utilityModel", "20,15,10,5,5")));
        assertProposes(five, with(patent, "kind", "utility-model", "rank", 5), "5", "实用新型专利第 5 发明人：5 学时");
        assertThrows(IllegalArgumentException.class, () -> new PatentForm(
                Configs.with(PatentForm.Config.class, Map.of("design", "ten"))));
    }
}
