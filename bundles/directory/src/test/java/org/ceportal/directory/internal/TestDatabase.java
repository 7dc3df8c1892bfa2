package org.ceportal.directory.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.ceportal.platform.persistence.Store;

/**
 * A fresh in-memory Derby database with the directory's migration scripts applied,
 * for unit tests outside OSGi. (In the portal, the platform's migration runner does
 * this; the itests prove that path.)
 */
final class TestDatabase {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestDatabase() {
    }

    static Store create() throws IOException, SQLException {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:directory" + COUNTER.incrementAndGet());
        ds.setCreateDatabase("create");
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            for (int v = 1; ; v++) {
                InputStream in = script(v);
                if (in == null) {
                    break;
                }
                String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                StringBuilder current = new StringBuilder();
                for (String line : sql.split("\n")) {
                    String t = line.strip();
                    if (t.startsWith("--") || t.isEmpty()) {
                        continue;
                    }
                    if (t.endsWith(";")) {
                        current.append(t, 0, t.length() - 1);
                        st.execute(current.toString());
                        current.setLength(0);
                    } else {
                        current.append(line).append('\n');
                    }
                }
            }
        }
        Configuration configuration = new Configuration(new Environment("test", new JdbcTransactionFactory(), ds));
        configuration.setDatabaseId("derby");
        configuration.setMapUnderscoreToCamelCase(true);
        configuration.addMapper(DirectoryMapper.class);
        SqlSessionFactory factory = new SqlSessionFactoryBuilder().build(configuration);
        return new Store() {
            @Override
            public SqlSession session() {
                return factory.openSession(false);
            }

            @Override
            public SqlSession batchSession() {
                return factory.openSession(ExecutorType.BATCH, false);
            }
        };
    }

    private static InputStream script(int version) {
        ClassLoader cl = TestDatabase.class.getClassLoader();
        java.net.URL dir = cl.getResource("db/directory");
        if (dir == null) {
            return null;
        }
        java.io.File[] files = new java.io.File(dir.getPath()).listFiles((d, n) -> n.startsWith("V" + version + "__"));
        try {
            return files == null || files.length == 0 ? null : new java.io.FileInputStream(files[0]);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void shutdown() {
        try {
            DriverManager.getConnection("jdbc:derby:;shutdown=true");
        } catch (SQLException expected) {
            // Derby reports a clean shutdown as an exception
        }
    }
}
