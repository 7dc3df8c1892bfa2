package org.ceportal.ops.internal;

import java.util.Map;

import org.ceportal.learningform.api.Evaluation;
import org.ceportal.learningform.api.FormDescription;
import org.ceportal.learningform.api.LearningForm;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One learning form per factory configuration {@code org.ceportal.ops.definedform} (what 新建学习形式 saves): the
 * configuration's {@code definition} (JSON of a {@link FormDefinition}) and {@code revision} (its version is
 * {@code 1.<revision>.0}). A definition that does not pass {@link FormDefinitions#check} (a file edited by hand)
 * registers nothing and says why in the log.
 */
@Component(service = LearningForm.class, configurationPid = FormDefiner.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public final class DefinedFormComponent implements LearningForm {
    private static final Logger LOG = LoggerFactory.getLogger(DefinedFormComponent.class);

    private final DefinedForm form;

    @Activate
    public DefinedFormComponent(Map<String, Object> properties) {
        this.form = FormDefiner.make(properties, "configuration " + properties.get("service.pid"));
        LOG.info("Learning form {} {} defined without Java is live", form.description().id(), form.description().version());
    }

    @Override
    public FormDescription description() {
        return form.description();
    }

    @Override
    public Evaluation evaluate(Map<String, Object> values) {
        return form.evaluate(values);
    }
}
