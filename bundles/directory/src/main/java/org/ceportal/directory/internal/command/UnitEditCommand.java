package org.ceportal.directory.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.ceportal.directory.api.DirectoryService;
import org.ceportal.directory.api.NewUnit;
import org.ceportal.directory.api.Unit;
import org.ceportal.directory.internal.DirectoryChanges;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.audit.AuditLog;
import org.ceportal.platform.persistence.Database;

/**
 * {@code ceportal:unit-edit ID [-r REGION] [-k KIND] [-n NAME] [DEPARTMENT...]}: changes what is given, keeps the rest,
 * adds the departments the unit lacks (as 单位管理 on the page does), audited with address {@code console}.
 */
@Service
@Command(scope = "ceportal", name = "unit-edit", description = "Change a unit's region, name or kind, and add departments")
public class UnitEditCommand implements Action {

    @Reference
    DirectoryService directory;

    @Reference
    Database database;

    @Reference(optional = true)
    AuditLog audit;

    @Option(name = "-r", aliases = "--region", description = "New region code (see ceportal:regions)")
    String region;

    @Option(name = "-k", aliases = "--kind", description = "GOV, PUBLIC, ENTERPRISE or OTHER")
    String kind;

    @Option(name = "-n", aliases = "--name", description = "The unit's new full name")
    String name;

    @Argument(index = 0, name = "id", required = true, description = "The unit id (see ceportal:units)")
    long id;

    @Argument(index = 1, name = "departments", multiValued = true, description = "Department names to add")
    List<String> departments;

    @Override
    public Object execute() {
        try {
            Unit now = directory.unit(id).orElseThrow(() -> ProblemException.notFound("unit_not_found", "单位不存在"));
            NewUnit change = new NewUnit(region != null ? region : now.regionCode, name != null ? name : now.name,
                    kind != null ? kind : now.kind, departments);
            Unit u = new DirectoryChanges(directory, database, audit).updateUnit(id, change, null, "console");
            System.out.println("已修改单位 " + u.id + "：" + u.name + "（" + u.regionName + "，" + u.kindName + "），部门 "
                    + directory.departments(u.id).size() + " 个");
        } catch (ProblemException e) {
            System.err.println(e.describe());
        }
        return null;
    }
}
