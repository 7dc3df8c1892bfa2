package org.ceportal.platform.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.apache.ibatis.session.SqlSessionFactory;
import org.ceportal.platform.health.HealthCheck;
import org.ceportal.platform.persistence.Database;
import org.ceportal.platform.persistence.Store;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared database: migrations and MyBatis stores per module over the one
 * DataSource service, plus the {@code database} health check.
 */
@Component(service = {Database.class, HealthCheck.class, DatabaseCopies.class}, configurationPid = DatabaseComponent.PID)
@Designate(ocd = DatabaseComponent.Config.class)
public final class DatabaseComponent implements Database, HealthCheck, DatabaseCopies {
    static final String PID = "org.ceportal.platform.database";
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseComponent.class);
    private static final Pattern MODULE = Pattern.compile("[a-z][a-z0-9\\-]{0,62}");

    @ObjectClassDefinition(name = "ceportal database", description = "The portal's shared database")
    @interface Config {
        @AttributeDefinition(name = "DataSource", description = "Filter selecting the DataSource service")
        String dataSource_target() default "(osgi.jndi.service.name=ceportal)";

        @AttributeDefinition(name = "Expected modules",
                description = "Modules whose schema must be migrated before the portal reports ready")
        String[] expectedModules() default {};

        @AttributeDefinition(name = "Validation timeout (s)", description = "Time allowed for the health check's connection test")
        int validationTimeoutSeconds() default 2;

        @AttributeDefinition(name = "Statement timeout (s)",
                description = "How long an SQL statement may run before it is cancelled (0: no limit). Not applied on embedded "
                        + "Derby, whose driver pays for it on every row fetched.", min = "0", max = "3600")
        int statementTimeoutSeconds() default 30;
    }

    private final DataSource dataSource;
    private final Config config;
    private final String databaseId;
    private final MigrationRunner migrations;
    private final Transactions transactions;
    private final Map<String, ModuleState> modules = new ConcurrentHashMap<>();
    /** The modules in the order they were first opened: an order their migrations can run in. */
    private final List<String> opened = new ArrayList<>();

    @Activate
    public DatabaseComponent(Config config, @Reference(name = "dataSource") DataSource dataSource) {
        this.config = config;
        this.dataSource = dataSource;
        this.databaseId = MyBatisConfigs.databaseId(dataSource);
        SqlSessionFactory bookkeeping = MyBatisConfigs.build("platform", dataSource, databaseId,
                config.statementTimeoutSeconds(), DatabaseComponent.class.getClassLoader(), SchemaVersionMapper.class);
        this.migrations = new MigrationRunner(dataSource, bookkeeping, Clock.systemUTC());
        this.transactions = new Transactions(dataSource);
        LOG.info("Database ready ({})", databaseId);
    }

    @Override
    public String databaseId() {
        return databaseId;
    }

    @Override
    public <T> T inTransaction(java.util.function.Supplier<T> work) {
        return transactions.run(work);
    }

    @Override
    public Store open(Bundle bundle, String module, Class<?>... mappers) {
        if (module == null || !MODULE.matcher(module).matches()) {
            throw new IllegalArgumentException("bad module name: " + module);
        }
        synchronized (modules.computeIfAbsent(module, m -> new ModuleState())) {
            ModuleState state = modules.get(module);
            state.bundle = bundle;
            synchronized (opened) {
                if (!opened.contains(module)) {
                    opened.add(module);
                }
            }
            try {
                state.version = migrations.migrate(module, scripts(folder -> read(bundle, folder, module), module, databaseId));
                state.error = null;
            } catch (RuntimeException e) {
                state.error = e.getMessage();
                LOG.error("Schema of module {} cannot be brought up to date: {}", module, e.getMessage(), e);
                throw e;
            }
            ClassLoader loader = bundle.adapt(BundleWiring.class).getClassLoader();
            SqlSessionFactory factory = MyBatisConfigs.build(module, transactions.dataSource(), databaseId,
                    config.statementTimeoutSeconds(), loader, mappers);
            return new ModuleStore(factory, transactions);
        }
    }

    /**
     * The scripts of a module: {@code db/<module>/V<n>__<description>.sql}, each replaced by
     * {@code db/<module>/<databaseId>/V<n>__...sql} where SQL must differ on that database (a
     * variant with no common script of its version is refused, so every database runs the same
     * sequence of versions).
     */
    static List<MigrationScript> scripts(Function<String, List<MigrationScript>> read, String module,
            String databaseId) {
        TreeMap<Integer, MigrationScript> common = new TreeMap<>();
        for (MigrationScript script : read.apply("db/" + module)) {
            common.put(script.version(), script);
        }
        for (MigrationScript variant : read.apply("db/" + module + "/" + databaseId)) {
            if (!common.containsKey(variant.version())) {
                throw new IllegalStateException(module + ": " + databaseId + " variant of V" + variant.version()
                        + " has no common script of that version");
            }
            common.put(variant.version(), variant);
        }
        return new ArrayList<>(common.values());
    }

    private static List<MigrationScript> read(Bundle bundle, String folder, String module) {
        List<MigrationScript> out = new ArrayList<>();
        Enumeration<URL> entries = bundle.findEntries(folder, "V*.sql", false);
        for (URL url : entries == null ? Collections.<URL>emptyList() : Collections.list(entries)) {
            String path = url.getPath();
            String name = path.substring(path.lastIndexOf('/') + 1);
            MigrationScript script;
            try (InputStream in = url.openStream()) {
                script = MigrationScript.of(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + path + ": " + e.getMessage(), e);
            }
            if (script == null) {
                throw new IllegalStateException(module + ": " + name + " is not named V<n>__<description>.sql");
            }
            out.add(script);
        }
        return out;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public Result check() {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("databaseId", databaseId);
        boolean up = true;
        try (Connection c = dataSource.getConnection()) {
            boolean valid = c.isValid(config.validationTimeoutSeconds());
            detail.put("connection", valid ? "UP" : "DOWN");
            up = valid;
        } catch (SQLException e) {
            detail.put("connection", "DOWN");
            detail.put("error", e.getMessage());
            up = false;
        }
        Map<String, Object> moduleDetail = new LinkedHashMap<>();
        for (String expected : expectedModules(config)) {
            if (!modules.containsKey(expected)) {
                moduleDetail.put(expected, Map.of("status", "PENDING"));
                up = false;
            }
        }
        for (Map.Entry<String, ModuleState> e : new TreeMap<>(modules).entrySet()) {
            ModuleState s = e.getValue();
            if (s.error != null) {
                moduleDetail.put(e.getKey(), Map.of("status", "FAILED", "error", s.error));
                up = false;
            } else if (s.version < 0) {
                moduleDetail.put(e.getKey(), Map.of("status", "PENDING"));
                up = false;
            } else {
                moduleDetail.put(e.getKey(), Map.of("status", "UP", "version", s.version));
            }
        }
        detail.put("migrations", moduleDetail);
        return new Result(up, detail);
    }

    /** The configured modules; a .cfg file gives one comma-separated string. */
    static List<String> expectedModules(Config config) {
        List<String> out = new ArrayList<>();
        for (String value : config.expectedModules()) {
            for (String m : value.split(",")) {
                if (!m.isBlank()) {
                    out.add(m.strip());
                }
            }
        }
        return out;
    }

    private static final class ModuleState {
        volatile int version = -1;
        volatile String error;
        volatile Bundle bundle;
    }

    @Override
    public List<Copied> copyTo(DataSource target) throws SQLException {
        List<String> order;
        synchronized (opened) {
            order = List.copyOf(opened);
        }
        for (String module : expectedModules(config)) {
            if (!order.contains(module)) {
                throw new IllegalStateException("module " + module + " has not started yet; copy when /api/health is UP");
            }
        }
        for (String module : order) {
            if (modules.get(module).error != null || modules.get(module).version < 0) {
                throw new IllegalStateException("module " + module + " is not up to date here; copy when /api/health is UP");
            }
        }
        if (!DatabaseCopy.empty(target)) {
            throw new IllegalStateException("the target database already holds tables; give an empty database "
                    + "(after a failed copy: drop it and create it again)");
        }
        String targetId = MyBatisConfigs.databaseId(target);
        SqlSessionFactory bookkeeping = MyBatisConfigs.build("copy", target, targetId, 0,
                DatabaseComponent.class.getClassLoader(), SchemaVersionMapper.class);
        MigrationRunner runner = new MigrationRunner(target, bookkeeping, Clock.systemUTC());
        for (String module : order) {
            Bundle bundle = modules.get(module).bundle;
            int version = runner.migrate(module, scripts(folder -> read(bundle, folder, module), module, targetId));
            if (version != modules.get(module).version) {
                throw new IllegalStateException(module + " is at V" + modules.get(module).version + " here but V" + version
                        + " in the target");
            }
        }
        LOG.info("Copying the database into the {} database", targetId);
        List<Copied> copied = DatabaseCopy.copy(dataSource, target);
        LOG.info("Copied {} tables, {} rows", copied.size(), copied.stream().mapToLong(Copied::rows).sum());
        return copied;
    }
}
