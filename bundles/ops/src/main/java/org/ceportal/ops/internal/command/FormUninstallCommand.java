package org.ceportal.ops.internal.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.ceportal.ops.internal.FormFeatures;
import org.ceportal.platform.api.ProblemException;

/** {@code ceportal:form-uninstall FEATURE}: as 卸载 on the page; the forms' declarations stay readable. */
@Service
@Command(scope = "ceportal", name = "form-uninstall",
        description = "Uninstall a learning-form feature; its forms are retired, their declarations stay readable (audited)")
public class FormUninstallCommand implements Action {

    @Reference
    FormFeatures features;

    @Argument(index = 0, name = "feature", required = true, description = "e.g. ceportal-learningform-example")
    String feature;

    @Override
    public Object execute() {
        try {
            FormFeatures.Installation done = features.uninstall(null, "console", feature);
            System.out.println(done.outcomeName() + " " + done.feature() + " " + done.version() + "; forms retired: "
                    + String.join(", ", done.formIds()));
        } catch (ProblemException e) {
            System.err.println(e.describe());
        }
        return null;
    }
}
