package org.ceportal.directory.internal.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.ceportal.directory.api.DirectoryService;
import org.ceportal.directory.api.Region;

/** {@code ceportal:regions}: the region codes. */
@Service
@Command(scope = "ceportal", name = "regions", description = "List the regions and their codes")
public class RegionsCommand implements Action {

    @Reference
    DirectoryService directory;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Code");
        table.column("Name");
        for (Region r : directory.regions()) {
            table.addRow().addContent(r.code, r.name);
        }
        table.print(System.out);
        return null;
    }
}
