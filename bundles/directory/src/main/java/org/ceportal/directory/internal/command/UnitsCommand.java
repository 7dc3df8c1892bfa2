package org.ceportal.directory.internal.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.ceportal.directory.api.DirectoryService;
import org.ceportal.directory.api.Unit;
import org.ceportal.platform.api.Page;
import org.ceportal.platform.api.PageRequest;
import org.ceportal.platform.api.ProblemException;

/** {@code ceportal:units REGION [QUERY]}: the units of a region. */
@Service
@Command(scope = "ceportal", name = "units", description = "List the units of a region")
public class UnitsCommand implements Action {

    @Reference
    DirectoryService directory;

    @Argument(index = 0, name = "region", required = true, description = "Region code")
    String region;

    @Argument(index = 1, name = "query", description = "Part of the unit name")
    String query;

    @Option(name = "-p", aliases = "--page", description = "Page, from 0")
    int page;

    @Override
    public Object execute() {
        try {
            Page<Unit> units = directory.units(region, query, new PageRequest(Math.max(page, 0), 50));
            ShellTable table = new ShellTable();
            table.column("Id");
            table.column("Name");
            table.column("Kind");
            for (Unit u : units.getItems()) {
                table.addRow().addContent(u.id, u.name, u.kindName);
            }
            table.print(System.out);
            System.out.println(units.getTotal() + " units in all");
        } catch (ProblemException e) {
            System.err.println(e.describe());
        }
        return null;
    }
}
