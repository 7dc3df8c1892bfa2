package org.ceportal.directory.internal.command;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.ceportal.directory.api.DirectoryService;
import org.ceportal.directory.internal.DirectoryChanges;
import org.ceportal.platform.audit.AuditLog;
import org.ceportal.platform.persistence.Database;
import org.ceportal.directory.api.ImportReport;
import org.ceportal.platform.api.ProblemException;

/** {@code ceportal:unit-import FILE}: import units from a UTF-8 CSV file. */
@Service
@Command(scope = "ceportal", name = "unit-import",
        description = "Import units from a UTF-8 CSV file with the header region_code,name,kind,departments")
public class UnitImportCommand implements Action {

    @Reference
    DirectoryService directory;

    @Reference
    Database database;

    @Reference(optional = true)
    AuditLog audit;

    private DirectoryChanges changes() {
        return new DirectoryChanges(directory, database, audit);
    }

    @Argument(index = 0, name = "file", required = true, description = "The CSV file")
    String file;

    @Override
    public Object execute() throws Exception {
        try (Reader reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            ImportReport r = changes().importUnits(reader, null, "console");
            System.out.println("Imported: " + r.unitsCreated() + " new units, " + r.unitsExisting()
                    + " already present, " + r.departmentsCreated() + " new departments");
        } catch (ProblemException e) {
            System.err.println(e.describe());
        }
        return null;
    }
}
