package org.ceportal.declarations.internal;

import static org.junit.Assert.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.ceportal.learningform.api.DeclarationKind;
import org.ceportal.learningform.api.Evaluation;
import org.ceportal.learningform.api.Field;
import org.ceportal.learningform.api.FormDescription;
import org.ceportal.learningform.api.LearningForm;
import org.ceportal.learningform.api.SubjectCategory;
import org.junit.Test;

/** The order of the 学习形式 list: the configured ones first (培训/进修 is what most people declare). */
public class FormRegistryTest {

    private static LearningForm form(String id, DeclarationKind kind) {
        FormDescription d = new FormDescription(id, "1.0.0", id, kind, SubjectCategory.PROFESSIONAL, null,
                List.of(Field.text("title", "名称").required().build()), new BigDecimal("40"), null);
        return new LearningForm() {
            @Override
            public FormDescription description() {
                return d;
            }

            @Override
            public Evaluation evaluate(Map<String, Object> values) {
                return Evaluation.of(BigDecimal.ONE, "1");
            }
        };
    }

    @Test
    public void theConfiguredFormsComeFirstThenHoursBeforeCreditsByIdentifier() {
        FormRegistry registry = new FormRegistry();
        for (LearningForm f : List.of(form("award", DeclarationKind.HOURS), form("credits-course", DeclarationKind.CREDITS),
                form("training", DeclarationKind.HOURS), form("base-study", DeclarationKind.HOURS),
                form("book", DeclarationKind.HOURS))) {
            registry.addForm(f, java.util.Map.of());
        }
        registry.listFirst(FormRegistry.order(new String[] {"training, base-study", "no-such-form"}));
        assertEquals(List.of("training", "base-study", "award", "book", "credits-course"),
                registry.live().stream().map(l -> l.description().id()).toList());
    }
}
