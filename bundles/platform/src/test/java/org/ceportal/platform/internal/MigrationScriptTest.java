package org.ceportal.platform.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

public class MigrationScriptTest {

    private static MigrationScript script(String sql) {
        return MigrationScript.of("V1__test.sql", sql);
    }

    // --- file names ---

    @Test
    public void simpleNameIsParsed() {
        MigrationScript s = MigrationScript.of("V1__schema.sql", "CREATE TABLE a (id INT);");
        assertNotNull(s);
        assertEquals(1, s.version());
        assertEquals("schema", s.description());
        assertEquals("CREATE TABLE a (id INT);", s.sql());
    }

    @Test
    public void multiDigitVersionAndUnderscoresInTheDescription() {
        MigrationScript s = MigrationScript.of("V12__add_unit_index.sql", "");
        assertNotNull(s);
        assertEquals(12, s.version());
        assertEquals("add unit index", s.description());
    }

    @Test
    public void namesThatAreNotMigrationsAreRefused() {
        for (String name : new String[] {
                "V0__x.sql",      // versions start at 1
                "V01__x.sql",     // no leading zero
                "v1__x.sql",      // upper-case V
                "V1_x.sql",       // two underscores
                "V1__x.txt",      // .sql only
                "V1__x.sql.bak",
                "V1__.sql",       // a description is needed
                "V__x.sql",
                "Vx__x.sql",
                "V1__a b.sql",    // no spaces
                "R1__x.sql",
                "x.sql"}) {
            assertNull(name, MigrationScript.of(name, "SELECT 1"));
        }
    }

    // --- statements ---

    @Test
    public void statementsAreSplitAtASemicolonEndingALine() {
        List<String> st = script("CREATE TABLE a (id INT);\nINSERT INTO a VALUES (1);\n").statements();
        assertEquals(List.of("CREATE TABLE a (id INT)", "INSERT INTO a VALUES (1)"), st);
    }

    @Test
    public void commentLinesAreDropped() {
        List<String> st = script("-- the schema of the test\n"
                + "CREATE TABLE a (id INT);\n"
                + "   -- an indented comment;\n"
                + "\n"
                + "INSERT INTO a VALUES (1);\n").statements();
        assertEquals(List.of("CREATE TABLE a (id INT)", "INSERT INTO a VALUES (1)"), st);
    }

    @Test
    public void multiLineStatementsAreKeptWhole() {
        List<String> st = script("CREATE TABLE person (\n"
                + "  id   INT NOT NULL,\n"
                + "  -- the display name\n"
                + "  name VARCHAR(40),\n"
                + "  PRIMARY KEY (id)\n"
                + ");\n"
                + "CREATE INDEX person_name ON person (name);\n").statements();
        assertEquals(2, st.size());
        String create = st.get(0);
        assertTrue(create, create.startsWith("CREATE TABLE person ("));
        assertTrue(create, create.contains("id   INT NOT NULL,"));
        assertTrue(create, create.contains("name VARCHAR(40),"));
        assertTrue(create, create.endsWith(")"));
        assertTrue("comment line inside a statement is dropped: " + create, !create.contains("display name"));
        assertTrue("statement ends without its ';': " + create, !create.endsWith(";"));
        assertEquals("CREATE INDEX person_name ON person (name)", st.get(1));
    }

    @Test
    public void semicolonInsideALineDoesNotSplit() {
        List<String> st = script("INSERT INTO a (note) VALUES ('x; y');\n"
                + "UPDATE a SET note = 'p;q'\n"
                + "  WHERE id = 1 ;\n").statements();
        assertEquals(2, st.size());
        assertEquals("INSERT INTO a (note) VALUES ('x; y')", st.get(0));
        assertTrue(st.get(1), st.get(1).startsWith("UPDATE a SET note = 'p;q'"));
        assertTrue(st.get(1), st.get(1).endsWith("WHERE id = 1"));
    }

    @Test
    public void lastStatementWithoutSemicolonIsKept() {
        List<String> st = script("CREATE TABLE a (id INT);\nINSERT INTO a VALUES (1)").statements();
        assertEquals(List.of("CREATE TABLE a (id INT)", "INSERT INTO a VALUES (1)"), st);
    }

    @Test
    public void crlfScriptGivesTheSameStatementsAsLf() {
        String lf = "CREATE TABLE a (\n  id INT\n);\n-- c\nINSERT INTO a VALUES (1);\n";
        assertEquals(script(lf).statements(), script(lf.replace("\n", "\r\n")).statements());
        for (String s : script(lf.replace("\n", "\r\n")).statements()) {
            assertTrue("no carriage return left in " + s, s.indexOf('\r') < 0);
        }
    }

    @Test
    public void scriptOfOnlyCommentsHasNoStatements() {
        assertEquals(List.of(), script("-- nothing yet\n\n   \n-- still nothing;\n").statements());
        assertEquals(List.of(), script("").statements());
    }

    // --- checksum ---

    @Test
    public void checksumIsStable() {
        String sql = "CREATE TABLE a (id INT);\n";
        String c = script(sql).checksum();
        assertEquals(c, script(sql).checksum());
        assertEquals(c, MigrationScript.of("V1__test.sql", new String(sql.toCharArray())).checksum());
        assertTrue(c, c.matches("[0-9a-f]{64}"));
    }

    @Test
    public void checksumIgnoresLineEndings() {
        String lf = "CREATE TABLE a (\n  id INT\n);\nINSERT INTO a VALUES (1);\n";
        assertEquals(script(lf).checksum(), script(lf.replace("\n", "\r\n")).checksum());
    }

    @Test
    public void checksumChangesWithTheContent() {
        String a = script("CREATE TABLE a (id INT);\n").checksum();
        assertNotEquals(a, script("CREATE TABLE a (id BIGINT);\n").checksum());
        assertNotEquals(a, script("CREATE TABLE a (id INT);\nINSERT INTO a VALUES (1);\n").checksum());
        assertNotEquals(a, script("create table a (id int);\n").checksum());
    }

    // --- per-database variants ---

    private static final java.util.Map<String, List<MigrationScript>> FOLDERS = java.util.Map.of(
            "db/m", List.of(MigrationScript.of("V1__a.sql", "CREATE TABLE a (b BLOB);\n"),
                    MigrationScript.of("V2__b.sql", "CREATE INDEX b ON a (b);\n")),
            "db/m/postgresql", List.of(MigrationScript.of("V1__a.sql", "CREATE TABLE a (b BYTEA);\n")),
            "db/n", List.of(MigrationScript.of("V1__a.sql", "CREATE TABLE a (id INT);\n")),
            "db/n/postgresql", List.of(MigrationScript.of("V2__b.sql", "CREATE TABLE b (id INT);\n")));

    private static List<MigrationScript> folder(String name) {
        return FOLDERS.getOrDefault(name, List.of());
    }

    @Test
    public void aDatabasesVariantReplacesTheCommonScriptOfItsVersion() {
        List<MigrationScript> pg = DatabaseComponent.scripts(MigrationScriptTest::folder, "m", "postgresql");
        assertEquals(List.of(1, 2), pg.stream().map(MigrationScript::version).toList());
        assertEquals("CREATE TABLE a (b BYTEA)", pg.get(0).statements().get(0));
        assertEquals("CREATE INDEX b ON a (b)", pg.get(1).statements().get(0));
        List<MigrationScript> derby = DatabaseComponent.scripts(MigrationScriptTest::folder, "m", "derby");
        assertEquals("CREATE TABLE a (b BLOB)", derby.get(0).statements().get(0));
    }

    @Test
    public void aVariantWithoutACommonScriptIsRefused() {
        try {
            DatabaseComponent.scripts(MigrationScriptTest::folder, "n", "postgresql");
            org.junit.Assert.fail("a version only PostgreSQL has would make the databases' sequences differ");
        } catch (IllegalStateException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("V2"));
        }
        assertEquals(1, DatabaseComponent.scripts(MigrationScriptTest::folder, "n", "derby").size());
    }
}
