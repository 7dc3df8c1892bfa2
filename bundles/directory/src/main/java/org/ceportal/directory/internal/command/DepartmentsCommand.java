package org.ceportal.directory.internal.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.ceportal.directory.api.DirectoryService;
import org.ceportal.platform.api.ProblemException;

/** {@code ceportal:departments UNIT_ID}: a unit's departments, by name. */
@Service
@Command(scope = "ceportal", name = "departments", description = "List a unit's departments")
public class DepartmentsCommand implements Action {

    @Reference
    DirectoryService directory;

    @Argument(index = 0, name = "unit", required = true, description = "The unit id (see ceportal:units)")
    long unit;

    @Override
    public Object execute() {
        try {
            directory.departments(unit).forEach(d -> System.out.println(d.id + "\t" + d.name));
        } catch (ProblemException e) {
            System.err.println(e.describe());
        }
        return null;
    }
}
