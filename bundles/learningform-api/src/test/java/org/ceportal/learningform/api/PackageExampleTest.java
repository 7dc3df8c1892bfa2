package org.ceportal.learningform.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;

/** The worked example of the package documentation, compiled and held to what the documentation says. */
public class PackageExampleTest {

    static final class ReadingClubForm implements LearningForm {
        private static final BigDecimal HOURS_PER_BOOK = BigDecimal.valueOf(2);
        private static final FormDescription DESCRIPTION = new FormDescription(
                "reading-club", "1.0.0", "读书活动", DeclarationKind.HOURS, SubjectCategory.GENERAL,
                "每讨论一本书计 2 学时，每项最多 10 学时。",
                List.of(
                        Field.text("clubName", "读书会名称").required().maxLength(100).build(),
                        Field.dateRange("period", "活动起止日期").required().build(),
                        Field.number("books", "讨论书目数量").required().min(1).max(20)
                                .help("按读书会出具的记录填写").build()),
                BigDecimal.valueOf(10),
                null);

        @Override
        public FormDescription description() {
            return DESCRIPTION;
        }

        @Override
        public Evaluation evaluate(Map<String, Object> values) {
            FieldValues v = FieldValues.check(DESCRIPTION, values);
            Integer books = v.integer("books");
            if (!v.isValid()) {
                return v.invalid();
            }
            BigDecimal hours = HOURS_PER_BOOK.multiply(BigDecimal.valueOf(books));
            return Caps.propose(DESCRIPTION, hours, books + " 本 × 2 学时/本 = " + Caps.format(hours) + " 学时");
        }
    }

    private final LearningForm form = new ReadingClubForm();

    private static Map<String, Object> values(Object books) {
        Map<String, Object> m = new HashMap<>();
        m.put("clubName", "青年读书会");
        m.put("period", Map.of("from", "2024-03-01", "to", "2024-06-30"));
        m.put("books", books);
        return m;
    }

    @Test
    public void belowTheCap() {
        Evaluation e = form.evaluate(values(3));
        assertEquals(BigDecimal.valueOf(6), e.proposed());
        assertEquals("3 本 × 2 学时/本 = 6 学时", e.explanation());
    }

    @Test
    public void aboveTheCap() {
        Evaluation e = form.evaluate(values(6));
        assertEquals(BigDecimal.valueOf(10), e.proposed());
        assertEquals("6 本 × 2 学时/本 = 12 学时；超过单项上限 10 学时，按 10 学时计", e.explanation());
    }

    @Test
    public void errors() {
        Map<String, Object> noClub = values(3);
        noClub.remove("clubName");
        assertEquals(List.of(new FieldError("clubName", "请填写读书会名称")), form.evaluate(noClub).errors());
        Evaluation half = form.evaluate(values("2.5"));
        assertFalse(half.isValid());
        assertEquals(List.of(new FieldError("books", "讨论书目数量应为整数")), half.errors());
    }
}
