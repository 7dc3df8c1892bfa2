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

    public static Store migrated(String module, Class<?>... mappers) {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:" + module + COUNTER.incrementAndGet());
        ds.setCreateDatabase("create");
        ClassLoader loader = mappers.length > 0 ? mappers[0].getClassLoader() : TestStores.class.getClassLoader();
        SqlSessionFactory bookkeeping = MyBatisConfigs.build("platform", ds, "derby",
                TestStores.class.getClassLoader(), SchemaVersionMapper.class);
        new MigrationRunner(ds, bookkeeping, Clock.systemUTC()).migrate(module, scripts(loader, module));
        SqlSessionFactory factory = MyBatisConfigs.build(module, ds, "derby", loader, mappers);
        return new ModuleStore(factory);
    }

    private static List<MigrationScript> scripts(ClassLoader loader, String module) {
        URL dir = loader.getResource("db/" + module);
        List<MigrationScript> out = new ArrayList<>();
        if (dir == null) {
            return out;
        }
        try {
            File[] files = new File(dir.toURI()).listFiles();
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
