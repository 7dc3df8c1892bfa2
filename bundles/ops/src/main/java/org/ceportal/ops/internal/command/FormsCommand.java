package org.ceportal.ops.internal.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.ceportal.declarations.api.CatalogForm;
import org.ceportal.ops.internal.FormFeatures;

/** {@code ceportal:forms}: the learning forms, live and retired, as 运维 › 学习形式 lists them. */
@Service
@Command(scope = "ceportal", name = "forms", description = "List the learning forms: live ones with their bundle, retired ones, declarations per version")
public class FormsCommand implements Action {

    @Reference
    FormFeatures features;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Name");
        table.column("Version");
        table.column("Status");
        table.column("Bundle");
        table.column("Since");
        table.column("Declarations (per version)");
        for (CatalogForm f : features.forms()) {
            StringBuilder per = new StringBuilder(String.valueOf(f.declarations()));
            if (f.versions().size() > 1 || f.declarations() > 0) {
                per.append(" (");
                f.versions().forEach(v -> per.append(per.charAt(per.length() - 1) == '(' ? "" : ", ").append(v.version())
                        .append(": ").append(v.declarations()));
                per.append(')');
            }
            table.addRow().addContent(f.id(), f.name(), f.version(), f.statusName(),
                    f.bundle() == null ? "" : f.bundle() + " " + f.bundleVersion(), f.since() == null ? "" : f.since(), per);
        }
        table.print(System.out);
        return null;
    }
}
