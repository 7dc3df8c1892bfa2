package org.ceportal.platform.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings one module's schema up to date: each pending script runs in its own
 * transaction together with its row in {@code ceportal_schema_version}, so a failed
 * script leaves nothing behind (Derby and PostgreSQL both roll back DDL). Nodes that start at
 * once against one PostgreSQL database migrate one after the other: the migration lock (an
 * advisory lock) is held while a module's scripts are checked and run, so the second node
 * waits and then finds them applied.
 */
final class MigrationRunner {
    private static final Logger LOG = LoggerFactory.getLogger(MigrationRunner.class);

    /** The advisory lock's key on PostgreSQL: "ceportal" in ASCII. */
    static final long LOCK_KEY = 0x6365706f7274616cL;

    private final DataSource dataSource;
    private final SqlSessionFactory bookkeeping;
    private final Clock clock;

    MigrationRunner(DataSource dataSource, SqlSessionFactory bookkeeping, Clock clock) {
        this.dataSource = dataSource;
        this.bookkeeping = bookkeeping;
        this.clock = clock;
    }

    /**
     * Applies the pending scripts of a module.
     *
     * @return the module's schema version afterwards
     * @throws MigrationException when a script fails or an applied script was changed
     */
    int migrate(String module, List<MigrationScript> scripts) {
        // one connection holds the lock (session-level on PostgreSQL) while the scripts run on others
        try (SqlSession held = bookkeeping.openSession(true)) {
            SchemaVersionMapper lock = held.getMapper(SchemaVersionMapper.class);
            if (!lock.tryLock(LOCK_KEY)) {
                LOG.info("Waiting for another node to finish its migrations (module {})", module);
                long started = System.nanoTime();
                lock.lock(LOCK_KEY);
                LOG.info("Migration lock taken after {} ms (module {})", (System.nanoTime() - started) / 1_000_000, module);
            }
            try {
                return migrateHoldingLock(module, scripts);
            } finally {
                lock.unlock(LOCK_KEY);
            }
        }
    }

    private int migrateHoldingLock(String module, List<MigrationScript> scripts) {
        ensureVersionTable();
        List<MigrationScript> sorted = scripts.stream().sorted(Comparator.comparingInt(MigrationScript::version)).toList();
        for (int i = 0; i < sorted.size(); i++) {
            if (sorted.get(i).version() != i + 1) {
                throw new MigrationException(module + ": migration versions must run 1, 2, 3... without gaps; found V"
                        + sorted.get(i).version() + " at position " + (i + 1));
            }
        }
        Map<Integer, String> applied = applied(module);
        int version = 0;
        for (MigrationScript script : sorted) {
            String done = applied.get(script.version());
            if (done == null) {
                apply(module, script);
                done = applied(module).get(script.version());
            }
            if (!script.checksum().equals(done)) {
                throw new MigrationException(module + " V" + script.version()
                        + " was changed after it ran; add a new script instead of editing an applied one");
            }
            version = script.version();
        }
        if (applied.size() > sorted.size()) {
            throw new MigrationException(module + ": the database is at a newer schema version ("
                    + applied.size() + ") than this bundle knows (" + sorted.size() + ")");
        }
        return version;
    }

    private void apply(String module, MigrationScript script) {
        try (SqlSession session = bookkeeping.openSession(false)) {
            try (Statement st = session.getConnection().createStatement()) {
                for (String sql : script.statements()) {
                    st.execute(sql);
                }
                session.getMapper(SchemaVersionMapper.class).record(module, script.version(), script.description(),
                        script.checksum(), Timestamp.from(clock.instant()));
                session.commit();
            } catch (SQLException | RuntimeException e) {
                // Forced: MyBatis skips the rollback when no mapper statement ran, and
                // resetting auto-commit on close would then commit the partial DDL.
                session.rollback(true);
                throw e;
            }
            LOG.info("Applied migration {} V{} ({})", module, script.version(), script.description());
        } catch (SQLException | RuntimeException e) {
            // Another node may have applied the same script at the same moment.
            if (applied(module).containsKey(script.version())) {
                LOG.info("Migration {} V{} was applied concurrently by another node", module, script.version());
                return;
            }
            throw new MigrationException(module + " V" + script.version() + " (" + script.description()
                    + ") failed and was rolled back: " + rootMessage(e), e);
        }
    }

    private Map<Integer, String> applied(String module) {
        try (SqlSession session = bookkeeping.openSession()) {
            Map<Integer, String> out = new HashMap<>();
            for (AppliedMigration m : session.getMapper(SchemaVersionMapper.class).applied(module)) {
                out.put(m.version, m.checksum);
            }
            return out;
        }
    }

    private void ensureVersionTable() {
        if (versionTableExists()) {
            return;
        }
        try (SqlSession session = bookkeeping.openSession(false)) {
            session.getMapper(SchemaVersionMapper.class).createTable();
            session.commit();
        } catch (RuntimeException e) {
            if (!versionTableExists()) {
                throw new MigrationException("cannot create ceportal_schema_version: " + rootMessage(e), e);
            }
        }
    }

    private boolean versionTableExists() {
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            for (String name : new String[] {"CEPORTAL_SCHEMA_VERSION", "ceportal_schema_version"}) {
                try (ResultSet rs = meta.getTables(null, null, name, new String[] {"TABLE"})) {
                    if (rs.next()) {
                        return true;
                    }
                }
            }
            return false;
        } catch (SQLException e) {
            throw new MigrationException("database unavailable: " + e.getMessage(), e);
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    /** A module's schema cannot be brought up to date. */
    static final class MigrationException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        MigrationException(String message) {
            super(message);
        }

        MigrationException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
