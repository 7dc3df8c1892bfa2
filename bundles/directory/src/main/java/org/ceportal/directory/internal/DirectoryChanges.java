package org.ceportal.directory.internal;

import java.io.Reader;

import org.ceportal.directory.api.DirectoryService;
import org.ceportal.directory.api.ImportReport;
import org.ceportal.directory.api.NewUnit;
import org.ceportal.directory.api.Unit;
import org.ceportal.platform.audit.AuditLog;
import org.ceportal.platform.persistence.Database;

/**
 * The operators' changes to the directory (REST and console) with their audit record,
 * each change and its record in one transaction.
 */
public final class DirectoryChanges {
    private final DirectoryService directory;
    private final Database database;
    private final AuditLog audit;

    /** @param audit the audit trail, or {@code null} when no bundle keeps one */
    public DirectoryChanges(DirectoryService directory, Database database, AuditLog audit) {
        this.directory = directory;
        this.database = database;
        this.audit = audit;
    }

    public Unit addUnit(NewUnit unit, Long actorId, String address) {
        return database.inTransaction(() -> {
            Unit u = directory.addUnit(unit);
            record(actorId, "unit_add", "unit:" + u.id + " " + u.regionCode, "created", address);
            return u;
        });
    }

    public Unit updateUnit(long id, NewUnit unit, Long actorId, String address) {
        return database.inTransaction(() -> {
            Unit u = directory.updateUnit(id, unit);
            record(actorId, "unit_update", "unit:" + u.id + " " + u.regionCode, "updated", address);
            return u;
        });
    }

    public ImportReport importUnits(Reader csv, Long actorId, String address) {
        return database.inTransaction(() -> {
            ImportReport r = directory.importUnits(csv);
            record(actorId, "unit_import", "units:" + r.unitsCreated() + " new", "imported", address);
            return r;
        });
    }

    private void record(Long actorId, String action, String subject, String outcome, String address) {
        if (audit != null) {
            audit.record(actorId, action, subject, outcome, address);
        }
    }
}
