package org.ceportal.ops.internal.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.ceportal.ops.internal.FormFigures;
import org.ceportal.platform.api.ProblemException;

/**
 * {@code ceportal:form-figures FORM [KEY=VALUE ...]}: a form's figures, or a change of them with the page's checks
 * (metatype, the form itself) and audit.
 */
@Service
@Command(scope = "ceportal", name = "form-figures",
        description = "Show a learning form's figures, or change them (KEY=VALUE ...; checked, audited, new evaluations only)")
public class FormFiguresCommand implements Action {

    @Reference
    FormFigures figures;

    @Argument(index = 0, name = "form", required = true, description = "The form's id, e.g. training (see ceportal:forms)")
    String form;

    @Argument(index = 1, name = "changes", multiValued = true, description = "KEY=VALUE pairs, e.g. hoursPerDay=6")
    List<String> changes;

    @Override
    public Object execute() {
        try {
            FormFigures.Figures now;
            if (changes == null || changes.isEmpty()) {
                now = figures.get(form);
            } else {
                Map<String, String> change = new LinkedHashMap<>();
                for (String c : changes) {
                    int eq = c.indexOf('=');
                    if (eq <= 0) {
                        System.err.println("Not KEY=VALUE: " + c);
                        return null;
                    }
                    change.put(c.substring(0, eq).strip(), c.substring(eq + 1));
                }
                now = figures.update(null, "console", form, new FormFigures.Change(change, null));
                System.out.println("已保存 " + now.formName() + " 的数值（新的计算按此执行，已有申报不变）");
            }
            ShellTable table = new ShellTable();
            table.column("Key");
            table.column("Name");
            table.column("Value");
            table.column("Default");
            for (FormFigures.Figure f : now.figures()) {
                table.addRow().addContent(f.key(), f.name(), f.value(), f.defaultValue());
            }
            table.print(System.out);
        } catch (ProblemException e) {
            System.err.println(e.describe());
        }
        return null;
    }
}
