package org.ceportal.platform.internal;

import java.util.Properties;

import javax.sql.DataSource;

import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.mapping.VendorDatabaseIdProvider;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;

/** Builds MyBatis configurations in Java: no XML config file, no global class loader. */
final class MyBatisConfigs {

    private MyBatisConfigs() {
    }

    /** The databaseId of the DataSource: {@code derby} or {@code postgresql}. */
    static String databaseId(DataSource dataSource) {
        Properties vendors = new Properties();
        vendors.setProperty("Apache Derby", "derby");
        vendors.setProperty("PostgreSQL", "postgresql");
        VendorDatabaseIdProvider provider = new VendorDatabaseIdProvider();
        provider.setProperties(vendors);
        try {
            String id = provider.getDatabaseId(dataSource);
            if (id == null) {
                throw new IllegalStateException("unsupported database product; use Apache Derby or PostgreSQL");
            }
            return id;
        } catch (RuntimeException e) {
            throw new IllegalStateException("database unavailable: " + e.getMessage(), e);
        }
    }

    /**
     * A session factory with the given mappers. The mappers' XML is parsed with the
     * class loader of {@code loader} as context class loader, so result types may be
     * named by class name; the loader is restored afterwards.
     *
     * @param timeoutSeconds how long a statement may run before the driver cancels it (0: no
     *                       limit); not applied on embedded Derby, whose driver schedules and
     *                       cancels a task on one timer shared by every connection for each row
     *                       fetched (a list of 50 spent about a twentieth of its time there, with
     *                       every request thread on the timer's lock)
     */
    static SqlSessionFactory build(String id, DataSource dataSource, String databaseId, int timeoutSeconds,
            ClassLoader loader, Class<?>... mappers) {
        Configuration configuration = new Configuration(new Environment(id, new JdbcTransactionFactory(), dataSource));
        configuration.setDatabaseId(databaseId);
        configuration.setMapUnderscoreToCamelCase(true);
        configuration.setCacheEnabled(false);
        if (timeoutSeconds > 0 && !"derby".equals(databaseId)) {
            configuration.setDefaultStatementTimeout(timeoutSeconds);
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            for (Class<?> mapper : mappers) {
                configuration.addMapper(mapper);
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
        return new SqlSessionFactoryBuilder().build(configuration);
    }
}
