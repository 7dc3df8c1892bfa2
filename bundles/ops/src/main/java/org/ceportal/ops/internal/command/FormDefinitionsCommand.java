package org.ceportal.ops.internal.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.ceportal.ops.internal.FormDefiner;

/** {@code ceportal:form-definitions}: the learning forms defined without Java. */
@Service
@Command(scope = "ceportal", name = "form-definitions", description = "List the learning forms defined without Java")
public class FormDefinitionsCommand implements Action {

    @Reference
    FormDefiner definer;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Name");
        table.column("Version");
        table.column("Rule");
        table.column("Live");
        for (FormDefiner.Defined d : definer.list()) {
            table.addRow().addContent(d.definition().id(), d.definition().name(), d.version(), d.definition().rule().type(),
                    d.live() ? "在用" : "未上线");
        }
        table.print(System.out);
        return null;
    }
}
