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

public class BookFormTest {
    private final BookForm form = new BookForm(Configs.defaults(BookForm.Config.class));
    private final Map<String, Object> book = values("title", "桥梁抗震设计", "bookType", "monograph", "publisher", "机械工业出版社",
            "isbn", "978-7-111-54742-6", "publishedOn", "2023-09-01", "words", "12.5", "rank", 1);

    @Test
    public void describesItself() {
        assertValidDescription(form);
        assertEquals("book", form.description().id());
        assertEquals(SubjectCategory.PROFESSIONAL, form.description().category());
        assertEquals(BigDecimal.valueOf(60), form.description().maxPerItem());
    }

    @Test
    public void wordsTimesTheFigureOfTheRank() {
        assertProposes(form, book, "37.5", "12.5 万字 × 3 学时/万字（第 1 作者）= 37.5 学时");
        assertProposes(form, with(book, "rank", 2), "25", "12.5 万字 × 2 学时/万字（第 2 作者）= 25 学时");
        assertProposes(form, with(book, "rank", 3), "12.5", "12.5 万字 × 1 学时/万字（第 3 作者）= 12.5 学时");
    }

    @Test
    public void onlyTheTopThreeAuthorsMayDeclare() {
        assertError(form, with(book, "rank", 4), "rank", "仅前三名作者可申报");
    }

    @Test
    public void itemsAreCapped() {
        assertCapped(form, with(book, "words", 25), "75", "25 万字 × 3 学时/万字（第 1 作者）= 75 学时");
    }

    @Test
    public void isbnsAreChecked() {
        assertProposes(form, with(book, "isbn", "9787111547426"), "37.5", "12.5 万字 × 3 学时/万字（第 1 作者）= 37.5 学时");
        assertProposes(form, with(book, "isbn", "7-111-54742-x"), "37.5", "12.5 万字 × 3 学时/万字（第 1 作者）= 37.5 学时");
        assertError(form, with(book, "isbn", "978-7-111-54742-5"), "isbn", "ISBN 校验位不正确");
        assertError(form, with(book, "isbn", "978-7-11-547"), "isbn", "ISBN 应为 10 位或 13 位");
        assertError(form, with(book, "isbn", "ISBN 978-7-111"), "isbn", "ISBN格式不正确");
    }

    @Test
    public void badValuesAreFieldErrors() {
        assertError(form, with(book, "words", "0.05"), "words", "字数（万字）不能小于 0.1");
        assertError(form, with(book, "words", null), "words", "请填写字数（万字）");
        assertError(form, with(book, "publishedOn", "2023年9月"), "publishedOn", "出版日期格式应为 年-月-日");
        assertError(form, with(book, "bookType", "novel"), "bookType", "请从列表中选择著作类别");
        assertError(form, with(book, "rank", "1.5"), "rank", "作者排名应为整数");
    }

    @Test
    public void figuresComeFromConfiguration() {
        BookForm flat = new BookForm(Configs.with(BookForm.Config.class, Map.of("hoursPerTenThousandChars", "2,2", "maxPerItem", 100)));
        assertProposes(flat, with(book, "rank", 2, "words", 40), "80", "40 万字 × 2 学时/万字（第 2 作者）= 80 学时");
        assertError(flat, with(book, "rank", 3), "rank", "仅前两名作者可申报");
    }
}
