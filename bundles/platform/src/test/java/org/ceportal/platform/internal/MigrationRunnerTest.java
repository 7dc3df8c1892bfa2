package org.ceportal.platform.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

public class MigrationRunnerTest {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private static final MigrationScript V1 = MigrationScript.of("V1__schema.sql",
            "-- people\n"
            + "CREATE TABLE person (\n"
            + "  id   INT NOT NULL PRIMARY KEY,\n"
            + "  name VARCHAR(40) NOT NULL\n"
            + ");\n");
    private static final MigrationScript V2 = MigrationScript.of("V2__seed_people.sql",
            "INSERT INTO person (id, name) VALUES (1, '张三');\n"
            + "INSERT INTO person (id, name) VALUES (2, '李四');\n");
    private static final MigrationScript V3 = MigrationScript.of("V3__courses.sql",
            "CREATE TABLE course (id INT NOT NULL PRIMARY KEY, title VARCHAR(80));\n"
            + "INSERT INTO course (id, title) VALUES (1, '安全生产');\n");

    private String databaseName;
    private EmbeddedDataSource dataSource;
    private MigrationRunner runner;

    @Before
    public void setUp() {
        databaseName = "memory:migrations" + COUNTER.incrementAndGet();
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(databaseName);
        dataSource.setCreateDatabase("create");
        runner = newRunner();
    }

    /** A runner as the platform builds it (a restart of the portal is a new runner on the same database). */
    private MigrationRunner newRunner() {
        SqlSessionFactory factory = MyBatisConfigs.build("platform", dataSource, "derby", 0,
                MigrationRunnerTest.class.getClassLoader(), SchemaVersionMapper.class);
        return new MigrationRunner(dataSource, factory, Clock.systemUTC());
    }

    @After
    public void dropDatabase() {
        EmbeddedDataSource drop = new EmbeddedDataSource();
        drop.setDatabaseName(databaseName);
        drop.setConnectionAttributes("drop=true");
        try {
            drop.getConnection().close();
        } catch (SQLException expected) {
            // Derby reports a successful drop as an exception
        }
    }

    // --- helpers ---

    private boolean tableExists(String name) throws SQLException {
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.getMetaData().getTables(null, null, name.toUpperCase(), new String[] {"TABLE"})) {
            return rs.next();
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }

    private List<Integer> recordedVersions(String module) throws SQLException {
        List<Integer> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT version FROM ceportal_schema_version WHERE module = '"
                        + module + "' ORDER BY version")) {
            while (rs.next()) {
                out.add(rs.getInt(1));
            }
        }
        return out;
    }

    private MigrationRunner.MigrationException failsToMigrate(String module, MigrationScript... scripts) {
        try {
            int v = runner.migrate(module, List.of(scripts));
            fail("migration succeeded with version " + v);
            return null;
        } catch (MigrationRunner.MigrationException e) {
            return e;
        }
    }

    // --- tests ---

    @Test
    public void freshDatabaseIsMigratedToTheHighestVersion() throws SQLException {
        assertEquals(3, runner.migrate("people", List.of(V1, V2, V3)));
        assertTrue(tableExists("person"));
        assertTrue(tableExists("course"));
        assertEquals(2, count("SELECT COUNT(*) FROM person"));
        assertEquals(List.of(1, 2, 3), recordedVersions("people"));
    }

    @Test
    public void scriptsMayBeGivenInAnyOrder() throws SQLException {
        assertEquals(3, runner.migrate("people", List.of(V3, V1, V2)));
        assertEquals(1, count("SELECT COUNT(*) FROM course"));
        assertEquals(List.of(1, 2, 3), recordedVersions("people"));
    }

    @Test
    public void secondRunChangesNothing() throws SQLException {
        assertEquals(2, runner.migrate("people", List.of(V1, V2)));
        assertEquals(2, runner.migrate("people", List.of(V1, V2)));
        // and after a restart
        assertEquals(2, newRunner().migrate("people", List.of(V1, V2)));
        assertEquals(List.of(1, 2), recordedVersions("people"));
        assertEquals("V2's rows are inserted once", 2, count("SELECT COUNT(*) FROM person"));
    }

    @Test
    public void laterScriptIsAppliedAlone() throws SQLException {
        assertEquals(2, runner.migrate("people", List.of(V1, V2)));
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO person (id, name) VALUES (3, '王五')");
        }
        assertFalse(tableExists("course"));

        assertEquals(3, newRunner().migrate("people", List.of(V1, V2, V3)));
        assertTrue(tableExists("course"));
        assertEquals("user data kept, V2 not run again", 3, count("SELECT COUNT(*) FROM person"));
        assertEquals(List.of(1, 2, 3), recordedVersions("people"));
    }

    @Test
    public void failingScriptLeavesNothingBehind() throws SQLException {
        MigrationScript badV2 = MigrationScript.of("V2__half_done.sql",
                "CREATE TABLE course (id INT NOT NULL PRIMARY KEY);\n"
                + "INSERT INTO course (id) VALUES (1);\n"
                + "INSERT INTO no_such_table (id) VALUES (1);\n");
        assertEquals(1, runner.migrate("people", List.of(V1)));

        MigrationRunner.MigrationException e = failsToMigrate("people", V1, badV2);
        assertTrue(e.getMessage(), e.getMessage().contains("people"));
        assertTrue(e.getMessage(), e.getMessage().contains("V2"));
        assertTrue("the database's reason is given: " + e.getMessage(),
                e.getMessage().toUpperCase().contains("NO_SUCH_TABLE"));

        // The transaction was rolled back: even V2's successful first statement is gone.
        assertFalse("table created by the failed script remains", tableExists("course"));
        assertEquals(List.of(1), recordedVersions("people"));
        assertEquals(1, newRunner().migrate("people", List.of(V1)));

        // Once the script is fixed, it runs on the next start.
        MigrationScript fixedV2 = MigrationScript.of("V2__half_done.sql",
                "CREATE TABLE course (id INT NOT NULL PRIMARY KEY);\n"
                + "INSERT INTO course (id) VALUES (1);\n");
        assertEquals(2, newRunner().migrate("people", List.of(V1, fixedV2)));
        assertEquals(1, count("SELECT COUNT(*) FROM course"));
    }

    @Test
    public void failingFirstScriptOnFreshDatabaseLeavesNoTable() throws SQLException {
        MigrationScript bad = MigrationScript.of("V1__broken.sql",
                "CREATE TABLE person (id INT NOT NULL PRIMARY KEY);\n"
                + "THIS IS NOT SQL;\n");
        failsToMigrate("people", bad);
        assertFalse(tableExists("person"));
        assertEquals(List.of(), recordedVersions("people"));
    }

    @Test
    public void editedAppliedScriptIsRefused() throws SQLException {
        assertEquals(2, runner.migrate("people", List.of(V1, V2)));
        MigrationScript editedV2 = MigrationScript.of("V2__seed_people.sql",
                "INSERT INTO person (id, name) VALUES (1, '张三');\n");

        MigrationRunner.MigrationException e = failsToMigrate("people", V1, editedV2);
        assertTrue(e.getMessage(), e.getMessage().contains("changed"));
        assertTrue(e.getMessage(), e.getMessage().contains("V2"));
        assertEquals(List.of(1, 2), recordedVersions("people"));
        assertEquals(2, count("SELECT COUNT(*) FROM person"));
    }

    @Test
    public void sameScriptWithWindowsLineEndingsIsNotAChange() {
        assertEquals(2, runner.migrate("people", List.of(V1, V2)));
        MigrationScript crlfV1 = MigrationScript.of("V1__schema.sql", V1.sql().replace("\n", "\r\n"));
        assertEquals(2, newRunner().migrate("people", List.of(crlfV1, V2)));
    }

    @Test
    public void gapInVersionsIsRefusedBeforeAnythingRuns() throws SQLException {
        MigrationRunner.MigrationException e = failsToMigrate("people", V1, V3);
        assertTrue(e.getMessage(), e.getMessage().contains("V3"));
        assertFalse("nothing applied", tableExists("person"));
        assertEquals(List.of(), recordedVersions("people"));
    }

    @Test
    public void duplicateVersionIsRefused() {
        MigrationScript otherV1 = MigrationScript.of("V1__other.sql", "CREATE TABLE other (id INT);\n");
        failsToMigrate("people", V1, otherV1);
    }

    @Test
    public void databaseNewerThanTheScriptsIsRefused() throws SQLException {
        assertEquals(3, runner.migrate("people", List.of(V1, V2, V3)));
        MigrationRunner.MigrationException e = failsToMigrate("people", V1, V2);
        assertTrue(e.getMessage(), e.getMessage().contains("newer"));
        assertEquals(List.of(1, 2, 3), recordedVersions("people"));
    }

    @Test
    public void modulesKeepTheirOwnVersions() throws SQLException {
        MigrationScript a1 = MigrationScript.of("V1__a.sql", "CREATE TABLE a_item (id INT);\n");
        MigrationScript b1 = MigrationScript.of("V1__b.sql", "CREATE TABLE b_item (id INT);\n");
        MigrationScript b2 = MigrationScript.of("V2__b.sql", "CREATE TABLE b_other (id INT);\n");

        assertEquals(1, runner.migrate("module-a", List.of(a1)));
        assertEquals(2, runner.migrate("module-b", List.of(b1, b2)));
        // a's single script is not "older" than b's two, and b's V1 is not a's changed V1
        assertEquals(1, runner.migrate("module-a", List.of(a1)));
        assertEquals(2, runner.migrate("module-b", List.of(b1, b2)));

        assertEquals(List.of(1), recordedVersions("module-a"));
        assertEquals(List.of(1, 2), recordedVersions("module-b"));
        assertTrue(tableExists("a_item"));
        assertTrue(tableExists("b_item"));
        assertTrue(tableExists("b_other"));
    }

    @Test
    public void moduleWithoutScriptsIsAtVersionZero() {
        assertEquals(0, runner.migrate("empty", List.of()));
    }
}
