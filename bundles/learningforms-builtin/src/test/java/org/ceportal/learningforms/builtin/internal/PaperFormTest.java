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

public class PaperFormTest {
    private final PaperForm form = new PaperForm(Configs.defaults(PaperForm.Config.class));
    private final Map<String, Object> paper = values("title", "高填方路基沉降预测", "journal", "岩土工程学报",
            "level", "core", "issn", "1000-4548", "cn", "CN 32-1124/TU", "issue", "2024 年第 3 期", "rank", 1);

    @Test
    public void describesItself() {
        assertValidDescription(form);
        assertEquals("paper", form.description().id());
        assertEquals(SubjectCategory.PROFESSIONAL, form.description().category());
        assertEquals(BigDecimal.valueOf(40), form.description().maxPerItem());
    }

    private void assertTable(String level, String label, int... figures) {
        for (int rank = 1; rank <= figures.length; rank++) {
            assertProposes(form, with(paper, "level", level, "rank", rank), String.valueOf(figures[rank - 1]),
                    label + "论文第 " + rank + " 作者：" + figures[rank - 1] + " 学时");
        }
    }

    @Test
    public void everyRowOfTheTable() {
        assertTable("core", "核心期刊或 SCI/EI/SSCI 收录", 40, 30, 20);
        assertTable("provincial", "省级及以上公开期刊", 30, 20, 10);
        assertTable("other", "其他刊物", 10, 6, 4);
    }

    @Test
    public void onlyTheTopThreeAuthorsMayDeclare() {
        assertError(form, with(paper, "rank", 4), "rank", "仅前三名作者可申报");
        assertError(form, with(paper, "level", "other", "rank", 10), "rank", "仅前三名作者可申报");
    }

    @Test
    public void publicJournalsNeedAnIssnOrCn() {
        assertError(form, with(paper, "issn", null, "cn", null), "issn", "公开期刊请填写 ISSN 刊号或 CN 刊号");
        assertError(form, with(paper, "level", "provincial", "issn", null, "cn", null), "issn", "公开期刊请填写 ISSN 刊号或 CN 刊号");
        assertProposes(form, with(paper, "issn", null), "40", "核心期刊或 SCI/EI/SSCI 收录论文第 1 作者：40 学时");
        assertProposes(form, with(paper, "cn", null, "issn", "1000-002X"), "40", "核心期刊或 SCI/EI/SSCI 收录论文第 1 作者：40 学时");
        assertProposes(form, with(paper, "level", "other", "issn", null, "cn", null), "10", "其他刊物论文第 1 作者：10 学时");
    }

    @Test
    public void issnsAreChecked() {
        assertError(form, with(paper, "issn", "1000-4549"), "issn", "ISSN 刊号校验位不正确");
        assertError(form, with(paper, "issn", "10004548"), "issn", "ISSN 刊号格式不正确");
        assertError(form, with(paper, "cn", "32-1124"), "cn", "CN 刊号格式不正确");
    }

    @Test
    public void ruleErrorsAreReportedTogether() {
        Map<String, Object> bad = with(paper, "rank", 5, "issn", "1000-4549");
        assertError(form, bad, "rank", "仅前三名作者可申报");
        assertError(form, bad, "issn", "ISSN 刊号校验位不正确");
    }

    @Test
    public void itemsAreCapped() {
        PaperForm capped = new PaperForm(Configs.with(PaperForm.Config.class, Map.of("core", "50,30,20")));
        assertCapped(capped, paper, "50", "核心期刊或 SCI/EI/SSCI 收录论文第 1 作者：50 学时");
    }

    @Test
    public void badValuesAreFieldErrors() {
        assertError(form, with(paper, "rank", "2.5"), "rank", "作者排名应为整数");
        assertError(form, with(paper, "journal", null), "journal", "请填写刊物名称");
        assertError(form, with(paper, "issue", null), "issue", "请填写刊期");
        assertError(form, with(paper, "level", "sci"), "level", "请从列表中选择刊物级别");
    }
}
