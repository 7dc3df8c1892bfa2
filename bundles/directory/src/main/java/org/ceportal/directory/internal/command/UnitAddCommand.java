package org.ceportal.directory.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.ceportal.directory.api.DirectoryService;
import org.ceportal.directory.internal.DirectoryChanges;
import org.ceportal.platform.audit.AuditLog;
import org.ceportal.platform.persistence.Database;
import org.ceportal.directory.api.NewUnit;
import org.ceportal.directory.api.Unit;
import org.ceportal.platform.api.ProblemException;

/** {@code ceportal:unit-add -r 410300 -k PUBLIC NAME [DEPARTMENT...]}. */
@Service
@Command(scope = "ceportal", name = "unit-add", description = "Add a unit with its departments")
public class UnitAddCommand implements Action {

    @Reference
    DirectoryService directory;

    @Reference
    Database database;

    @Reference(optional = true)
    AuditLog audit;

    private DirectoryChanges changes() {
        return new DirectoryChanges(directory, database, audit);
    }

    @Option(name = "-r", aliases = "--region", required = true, description = "Region code, e.g. 410300 (see ceportal:regions)")
    String region;

    @Option(name = "-k", aliases = "--kind", description = "GOV, PUBLIC, ENTERPRISE or OTHER")
    String kind = "PUBLIC";

    @Argument(index = 0, name = "name", required = true, description = "The unit's full name")
    String name;

    @Argument(index = 1, name = "departments", multiValued = true, description = "Department names")
    List<String> departments;

    @Override
    public Object execute() {
        try {
            Unit u = changes().addUnit(new NewUnit(region, name, kind, departments), null, "console");
            System.out.println("Added unit " + u.id + ": " + u.name + " (" + u.regionName + ", " + u.kindName + ")");
        } catch (ProblemException e) {
            System.err.println(e.describe());
        }
        return null;
    }
}
