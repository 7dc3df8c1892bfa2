package org.ceportal.itests.upgrade;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.ceportal.learningform.api.Caps;
import org.ceportal.learningform.api.DeclarationKind;
import org.ceportal.learningform.api.Evaluation;
import org.ceportal.learningform.api.Field;
import org.ceportal.learningform.api.FieldValues;
import org.ceportal.learningform.api.FormDescription;
import org.ceportal.learningform.api.LearningForm;
import org.ceportal.learningform.api.SubjectCategory;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * A newer version (1.1.0) of the example form 技能竞赛, as a province would publish it in a newer feature repository:
 * one field more, a flat figure. {@link FormBundles} packs this class alone into a bundle of its own (it must use
 * nothing else of the tests) and a feature of a higher version; the ops console upgrades to it.
 */
public final class UpgradedSkillsCompetition implements LearningForm, BundleActivator {
    private final FormDescription description = new FormDescription("skills-competition", "1.1.0", "技能竞赛",
            DeclarationKind.HOURS, SubjectCategory.PROFESSIONAL, null,
            List.of(Field.text("competition", "竞赛名称").required().maxLength(100).build(),
                    Field.text("organizer", "主办单位").required().maxLength(100).build()),
            new BigDecimal("40"), null);

    @Override
    public void start(BundleContext context) {
        context.registerService(LearningForm.class, this, null);
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the service
    }

    @Override
    public FormDescription description() {
        return description;
    }

    @Override
    public Evaluation evaluate(Map<String, Object> values) {
        FieldValues v = FieldValues.check(description, values);
        return v.isValid() ? Caps.propose(description, new BigDecimal("12"), "技能竞赛 12 学时") : v.invalid();
    }
}
