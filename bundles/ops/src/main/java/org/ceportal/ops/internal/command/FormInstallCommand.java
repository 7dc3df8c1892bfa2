package org.ceportal.ops.internal.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.ceportal.ops.internal.FormFeatures;
import org.ceportal.platform.api.ProblemException;

/** {@code ceportal:form-install FEATURE [VERSION]}: as 安装/升级 on the page, with the same checks and audit. */
@Service
@Command(scope = "ceportal", name = "form-install",
        description = "Install a learning-form feature of the repositories, or upgrade the installed one (audited)")
public class FormInstallCommand implements Action {

    @Reference
    FormFeatures features;

    @Argument(index = 0, name = "feature", required = true, description = "e.g. ceportal-learningform-example (see ceportal:form-features)")
    String feature;

    @Argument(index = 1, name = "version", description = "The version; default the newest offered")
    String version;

    @Override
    public Object execute() {
        try {
            FormFeatures.Installation done = features.install(null, "console", new FormFeatures.Request(feature, version));
            System.out.println(done.outcomeName() + " " + done.feature() + " " + done.version()
                    + (done.previousVersion() == null ? "" : "（原版本 " + done.previousVersion() + "）")
                    + "; forms: " + String.join(", ", done.formIds()));
        } catch (ProblemException e) {
            System.err.println(e.describe());
        }
        return null;
    }
}
