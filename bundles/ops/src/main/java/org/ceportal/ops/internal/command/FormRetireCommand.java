package org.ceportal.ops.internal.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.ceportal.ops.internal.FormDefiner;
import org.ceportal.platform.api.ProblemException;

/** {@code ceportal:form-retire ID}: retires a form defined without Java; its declarations stay readable. */
@Service
@Command(scope = "ceportal", name = "form-retire", description = "Retire a learning form defined without Java (audited)")
public class FormRetireCommand implements Action {

    @Reference
    FormDefiner definer;

    @Argument(index = 0, name = "id", required = true, description = "The defined form's id")
    String id;

    @Override
    public Object execute() {
        try {
            definer.retire(null, "console", id);
            System.out.println("已停用 " + id);
        } catch (ProblemException e) {
            System.err.println(e.describe());
        }
        return null;
    }
}
