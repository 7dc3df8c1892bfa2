package org.ceportal.learningform.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.Test;

public class EvaluationTest {
    private static final FormDescription TRAINING = new FormDescription("training", "1.0.0", "培训",
            DeclarationKind.HOURS, SubjectCategory.CHOICE, null, List.of(Field.number("days", "天数").build()),
            BigDecimal.valueOf(90), null);

    @Test
    public void aValidEvaluationHasAnAmountAndAnExplanation() {
        Evaluation e = Evaluation.of(BigDecimal.valueOf(24), "3 天 × 8 学时/天 = 24 学时");
        assertTrue(e.isValid());
        assertEquals(List.of(), e.errors());
        assertThrows(NullPointerException.class, () -> Evaluation.of(null, "x"));
        assertThrows(IllegalArgumentException.class, () -> Evaluation.of(BigDecimal.ONE, " "));
        assertThrows(IllegalArgumentException.class, () -> Evaluation.of(BigDecimal.valueOf(-1), "x"));
        assertThrows(IllegalArgumentException.class, () -> Evaluation.of(new BigDecimal("1.234"), "x"));
        Evaluation.of(new BigDecimal("1.230"), "trailing zeros are not decimals");
        Evaluation.of(BigDecimal.ZERO, "zero is allowed");
    }

    @Test
    public void anInvalidEvaluationHasErrorsAndNoAmount() {
        Evaluation e = Evaluation.invalid(new FieldError("days", "请填写天数"));
        assertFalse(e.isValid());
        assertNull(e.proposed());
        assertNull(e.explanation());
        assertEquals(List.of(new FieldError("days", "请填写天数")), e.errors());
        assertThrows(IllegalArgumentException.class, () -> Evaluation.invalid(List.of()));
        assertThrows(IllegalArgumentException.class, () -> Evaluation.invalid((List<FieldError>) null));
        assertThrows(IllegalArgumentException.class, () -> Evaluation.invalid());
        assertThrows(IllegalArgumentException.class,
                () -> new Evaluation(BigDecimal.ONE, "x", List.of(new FieldError("days", "请填写天数"))));
    }

    @Test
    public void fieldErrorsNameFieldAndMessage() {
        assertThrows(IllegalArgumentException.class, () -> new FieldError(" ", "m"));
        assertThrows(IllegalArgumentException.class, () -> new FieldError("f", null));
    }

    @Test
    public void capsApplyOnlyAboveTheLimit() {
        assertEquals(new Caps.Result(BigDecimal.valueOf(90), true), Caps.apply(BigDecimal.valueOf(91), BigDecimal.valueOf(90)));
        assertEquals(new Caps.Result(BigDecimal.valueOf(90), false), Caps.apply(BigDecimal.valueOf(90), BigDecimal.valueOf(90)));
        assertEquals(new Caps.Result(BigDecimal.valueOf(500), false), Caps.apply(BigDecimal.valueOf(500), null));
    }

    @Test
    public void proposeExplainsTheCap() {
        Evaluation under = Caps.propose(TRAINING, BigDecimal.valueOf(24), "3 天 × 8 学时/天 = 24 学时");
        assertEquals(BigDecimal.valueOf(24), under.proposed());
        assertEquals("3 天 × 8 学时/天 = 24 学时", under.explanation());

        Evaluation over = Caps.propose(TRAINING, BigDecimal.valueOf(1200), "150 天 × 8 学时/天 = 1200 学时");
        assertEquals(BigDecimal.valueOf(90), over.proposed());
        assertEquals("150 天 × 8 学时/天 = 1200 学时；超过单项上限 90 学时，按 90 学时计", over.explanation());

        assertEquals(new BigDecimal("2.22"), Caps.propose(TRAINING, new BigDecimal("2.2222"), "x").proposed());
        assertThrows(IllegalArgumentException.class, () -> Caps.propose(TRAINING, BigDecimal.valueOf(-1), "x"));
    }

    @Test
    public void creditFormsExplainInCredits() {
        FormDescription credits = new FormDescription("accounting", "1.0.0", "会计培训", DeclarationKind.CREDITS,
                SubjectCategory.PROFESSIONAL, null, TRAINING.fields(), BigDecimal.TEN, null);
        assertEquals("20 学分；超过单项上限 10 学分，按 10 学分计",
                Caps.propose(credits, BigDecimal.valueOf(20), "20 学分").explanation());
    }

    @Test
    public void roundAndFormat() {
        assertEquals("24", Caps.round(new BigDecimal("24.00")).toPlainString());
        assertEquals(new BigDecimal("8.89"), Caps.round(new BigDecimal("8.888")));
        assertEquals(new BigDecimal("100"), Caps.round(new BigDecimal("1E+2")));
        assertEquals(0, Caps.round(new BigDecimal("1E+2")).scale());
        assertEquals("2.5", Caps.format(new BigDecimal("2.50")));
        assertEquals("1200", Caps.format(new BigDecimal("1.2E+3")));
        assertEquals("0", Caps.format(new BigDecimal("0.00")));
    }
}
