package org.ceportal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.sql.Blob;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.junit.Assume;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.ServiceReference;
import org.osgi.service.jdbc.DataSourceFactory;

/**
 * Moving an installation from embedded Derby to PostgreSQL ({@code ceportal:database-copy},
 * docs/POSTGRESQL.md), on the Derby suite's database as the suite left it: the demo data and
 * everything the checks before made. Only on the Derby run (the source is Derby).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class DatabaseCopyChecks extends ReviewTestBase {

    @Test
    public void theDatabaseMovesToAnEmptyPostgresqlDatabaseRowForRow() throws Exception {
        Assume.assumeTrue("the copy starts from Derby", "derby".equals(System.getProperty("ceportal.database")));
        String url = System.getProperty("ceportal.test.copyTarget");
        // at least one approved declaration of a person who logs in with a password, whatever ran before
        Http me = professional("41030219850505002", "迁移测试");
        long id = declare(me, 3);
        decide(admin(), id, "{\"decision\":\"approve\"}");

        String out = Console.execute(shell, "ceportal:database-copy --user " + PostgresServer.USER + " " + url, "");
        assertTrue(out, out.matches("(?s).*Copied \\d+ tables, \\d+ rows.*"));

        DataSource target = postgresql(url);
        DataSource source = context.getService(context.getServiceReferences(DataSource.class,
                "(osgi.jndi.service.name=ceportal)").iterator().next());
        try (Connection from = source.getConnection(); Connection to = target.getConnection()) {
            List<String> tables = tables(from);
            assertTrue(tables.toString(), tables.containsAll(List.of("account", "declaration", "declaration_history",
                    "attachment", "unit", "region", "audit_log", "base_import", "ceportal_schema_version")));
            assertEquals(tables, tables(to));
            for (String table : tables) {
                if (!table.equals("ceportal_schema_version")) { // applied_at: when the target's migrations ran
                    assertEquals(table, rows(from, table), rows(to, table));
                }
            }
            // the target's sequences continue after the copied ids: a new declaration does not collide
            long max = single(to, "SELECT MAX(id) FROM declaration");
            long next = single(to, "SELECT nextval(pg_get_serial_sequence('declaration', 'id'))");
            assertTrue(next + " after " + max, next > max);
        }

        String again = Console.execute(shell, "ceportal:database-copy --user " + PostgresServer.USER + " " + url, "");
        assertTrue(again, again.contains("Not copied: the target database already holds tables"));
    }

    private DataSource postgresql(String url) throws Exception {
        ServiceReference<DataSourceFactory> ref = context.getServiceReferences(DataSourceFactory.class,
                "(osgi.jdbc.driver.name=PostgreSQL JDBC Driver)").iterator().next();
        Properties props = new Properties();
        props.setProperty(DataSourceFactory.JDBC_URL, url);
        props.setProperty(DataSourceFactory.JDBC_USER, PostgresServer.USER);
        return context.getService(ref).createDataSource(props);
    }

    private static List<String> tables(Connection c) throws SQLException {
        TreeSet<String> out = new TreeSet<>();
        try (ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                out.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return new ArrayList<>(out);
    }

    /** Every row as comparable text, sorted (the order rows come in is not what is compared). */
    private static List<String> rows(Connection c, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(rs.getMetaData().getColumnName(i).toLowerCase(Locale.ROOT)).append('=')
                            .append(text(rs.getObject(i))).append('|');
                }
                out.add(row.toString());
            }
        }
        out.sort(null);
        return out;
    }

    private static String text(Object value) throws SQLException {
        if (value == null) {
            return "null";
        }
        if (value instanceof Blob blob) {
            return Arrays.toString(blob.getBytes(1, (int) blob.length()));
        }
        if (value instanceof byte[] bytes) {
            return Arrays.toString(bytes);
        }
        if (value instanceof java.sql.Timestamp ts) { // PostgreSQL keeps microseconds (rounded), Derby nanoseconds
            java.time.LocalDateTime t = ts.toLocalDateTime();
            return t.withNano(0).plusNanos(Math.round(t.getNano() / 1000.0) * 1000).toString();
        }
        if (value instanceof Boolean b) {
            return b ? "1" : "0"; // a Derby SMALLINT flag is a PostgreSQL BOOLEAN
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
