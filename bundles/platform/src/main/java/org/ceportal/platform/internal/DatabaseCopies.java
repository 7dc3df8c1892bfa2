package org.ceportal.platform.internal;

import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

/** Copies the portal's database into an empty one (the {@code ceportal:database-copy} command). */
public interface DatabaseCopies {

    /** One table's rows as copied. */
    record Copied(String table, long rows) {
    }

    /**
     * Migrates the empty target with every module's scripts for its kind of database, then
     * copies every row ({@link DatabaseCopy}).
     *
     * @throws IllegalStateException when a module is not up to date here or the target is not empty
     */
    List<Copied> copyTo(DataSource target) throws SQLException;
}
