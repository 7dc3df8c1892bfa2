package org.ceportal.platform.internal;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.apache.ibatis.session.SqlSessionFactory;
import org.ceportal.platform.persistence.Store;

/**
 * For other bundles' unit tests (shipped in the platform's test-jar): a fresh
 * in-memory Derby database migrated by the real {@link MigrationRunner} with the
 * module's scripts from the test class path, and a {@link Store} over it.
 */
public final class TestStores {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestStores() {
    }

    /** A store of its own in-memory database. */
    public static Store migrated(String module, Class<?>... mappers) {
        return shared().migrated(module, mappers);
    }

    /** One in-memory database for several modules, whose stores share the thread's transaction as in the portal. */
    public static Shared shared() {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:shared" + COUNTER.incrementAndGet());
        ds.setCreateDatabase("create");
        return new Shared(ds, new Transactions(ds));
    }

    /** Module stores over one database and one transaction scope. */
    public static final class Shared {
        private final EmbeddedDataSource ds;
        private final Transactions transactions;

        private Shared(EmbeddedDataSource ds, Transactions transactions) {
            this.ds = ds;
            this.transactions = transactions;
        }

        /**
         * Runs the module's scripts up to {@code version} only (a later {@link #migrated} runs the rest):
         * for a test of a migration over rows written as an earlier version kept them.
         */
        public Shared migrateUpTo(String module, int version, ClassLoader loader) {
            SqlSessionFactory bookkeeping = MyBatisConfigs.build("platform", ds, "derby", 0,
                    TestStores.class.getClassLoader(), SchemaVersionMapper.class);
            new MigrationRunner(ds, bookkeeping, Clock.systemUTC()).migrate(module,
                    scripts(loader, module).stream().filter(s -> s.version() <= version).toList());
            return this;
        }

        /** The database, for writing rows as an earlier schema version had them. */
        public javax.sql.DataSource dataSource() {
            return ds;
        }

        public Store migrated(String module, Class<?>... mappers) {
            ClassLoader loader = mappers.length > 0 ? mappers[0].getClassLoader() : TestStores.class.getClassLoader();
            SqlSessionFactory bookkeeping = MyBatisConfigs.build("platform", ds, "derby", 0,
                    TestStores.class.getClassLoader(), SchemaVersionMapper.class);
            new MigrationRunner(ds, bookkeeping, Clock.systemUTC()).migrate(module, scripts(loader, module));
            SqlSessionFactory factory = MyBatisConfigs.build(module, transactions.dataSource(), "derby", 0, loader, mappers);
            return new ModuleStore(factory, transactions);
        }
    }

    /** The module's scripts as the platform picks them on Derby (a per-database variant folder is not Derby's). */
    private static List<MigrationScript> scripts(ClassLoader loader, String module) {
        return DatabaseComponent.scripts(folder -> folder(loader, folder), module, "derby");
    }

    private static List<MigrationScript> folder(ClassLoader loader, String folder) {
        URL dir = loader.getResource(folder);
        List<MigrationScript> out = new ArrayList<>();
        if (dir == null) {
            return out;
        }
        try {
            File[] files = new File(dir.toURI()).listFiles(File::isFile);
            for (File f : files == null ? new File[0] : files) {
                MigrationScript s = MigrationScript.of(f.getName(), Files.readString(f.toPath(), StandardCharsets.UTF_8));
                if (s != null) {
                    out.add(s);
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
