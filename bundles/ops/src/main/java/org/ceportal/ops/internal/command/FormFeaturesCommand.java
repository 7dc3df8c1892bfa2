package org.ceportal.ops.internal.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.ceportal.ops.internal.FormFeatures;
import org.ceportal.platform.api.ProblemException;

/** {@code ceportal:form-features}: the learning-form features the repositories offer, installed or not. */
@Service
@Command(scope = "ceportal", name = "form-features", description = "List the ceportal-learningform-* features of the feature repositories")
public class FormFeaturesCommand implements Action {

    @Reference
    FormFeatures features;

    @Override
    public Object execute() {
        try {
            ShellTable table = new ShellTable();
            table.column("Feature");
            table.column("Installed");
            table.column("Newest");
            table.column("Status");
            table.column("Forms");
            for (FormFeatures.FormFeature f : features.available()) {
                table.addRow().addContent(f.name(), f.installedVersion() == null ? "" : f.installedVersion(), f.newestVersion(),
                        f.statusName(), String.join(", ", f.forms()));
            }
            table.print(System.out);
        } catch (ProblemException e) {
            System.err.println(e.describe());
        }
        return null;
    }
}
