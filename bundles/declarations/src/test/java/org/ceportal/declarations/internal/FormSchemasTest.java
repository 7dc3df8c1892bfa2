package org.ceportal.declarations.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.ibatis.session.SqlSession;
import org.ceportal.declarations.api.DeclarationDetail;
import org.ceportal.learningform.api.Field;
import org.ceportal.platform.internal.TestStores;
import org.ceportal.platform.persistence.Store;
import org.ceportal.platform.security.Caller;
import org.ceportal.platform.security.Role;
import org.junit.Before;
import org.junit.Test;

/** Each snapshot of a form's description is kept once (form_schema) and every declaration reads its own. */
public class FormSchemasTest {
    private static final Caller WANG = new Caller(11, "王芳", Role.PROFESSIONAL, 7L);

    private FormRegistry registry;
    private TestStores.Shared db;
    private Store store;
    private Declarations declarations;

    @Before
    public void setUp() {
        registry = new FormRegistry();
        registry.addForm(new DeclarationsTest.ReadingForm("1.0.0", List.of()), Map.of());
        db = TestStores.shared();
        store = db.migrated("declarations", DeclarationMapper.class);
        declarations = new Declarations(store, registry, new FakeAttachments(), 1, ZoneId.of("Asia/Shanghai"),
                Clock.fixed(Instant.parse("2026-12-31T15:30:00Z"), ZoneOffset.UTC), (a, b, c, d, e) -> {
                });
    }

    private DeclarationDetail declare(String... extra) {
        return declarations.create(WANG, FormCatalogServiceTest.reading(extra), null);
    }

    private static int count(DataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        }
    }

    @Test
    public void declarationsOfOneVersionShareOneSnapshotAndANewVersionGetsItsOwn() throws Exception {
        DeclarationDetail first = declare();
        declare();
        declare();
        assertEquals(1, count(db.dataSource(), "SELECT COUNT(*) FROM form_schema"));

        registry.addForm(new DeclarationsTest.ReadingForm("1.1.0", List.of(Field.text("publisher", "出版社").required().build())),
                Map.of());
        DeclarationDetail upgraded = declare("publisher", "人民教育出版社");
        assertEquals(2, count(db.dataSource(), "SELECT COUNT(*) FROM form_schema"));

        // each reads the description it was made with: the old one without the new field
        String before = declarations.get(WANG, first.summary().id()).schema().json();
        String after = declarations.get(WANG, upgraded.summary().id()).schema().json();
        assertFalse(before.contains("publisher"));
        assertTrue(after.contains("publisher"));
        assertEquals("1.0.0", declarations.get(WANG, first.summary().id()).formVersion());
    }

    @Test
    public void savingADraftWithTheNewVersionNamesTheNewSnapshot() throws Exception {
        DeclarationDetail draft = declare();
        registry.addForm(new DeclarationsTest.ReadingForm("1.1.0", List.of(Field.text("publisher", "出版社").build())),
                Map.of());
        registry.removeForm(registry.get("reading", "1.0.0").orElseThrow().form());
        DeclarationRequest r = new DeclarationRequest();
        r.year = 2026;
        r.category = "PROFESSIONAL";
        r.values = new HashMap<>(Map.of("title", "《教育心理学》", "hours", "12", "publisher", "人民教育出版社"));
        r.attachmentIds = List.of();
        r.version = draft.summary().version();
        declarations.update(WANG, draft.summary().id(), r, null);

        DeclarationDetail saved = declarations.get(WANG, draft.summary().id());
        assertEquals("1.1.0", saved.formVersion());
        assertTrue(saved.schema().json().contains("publisher"));
        assertEquals(2, count(db.dataSource(), "SELECT COUNT(*) FROM form_schema"));
    }

    @Test
    public void aSnapshotMadeInATransactionThatRolledBackIsMadeAgain() throws Exception {
        FormSchemas snapshots = new FormSchemas(store);
        DeclarationRow row = version9("{\"id\":\"reading\",\"version\":\"9.0.0\"}");
        namedAndRolledBack(snapshots, row, s -> { });
        long lost = row.schemaId;
        assertEquals(0, count(db.dataSource(), "SELECT COUNT(*) FROM form_schema"));

        store.inTransaction(s -> {
            snapshots.name(s, row);
            return null;
        });
        assertNotEquals(lost, (long) row.schemaId);
        try (SqlSession s = store.session()) {
            List<FormSchemaRow> kept = s.getMapper(DeclarationMapper.class).snapshotsOf("reading", "9.0.0");
            assertEquals(1, kept.size());
            assertEquals(row.schemaId, kept.get(0).id);
            assertEquals(row.schemaJson, kept.get(0).schemaJson);
        }
    }

    /** A snapshot read by its id is remembered only once what read it commits: one made and rolled back is gone. */
    @Test
    public void aSnapshotReadInATransactionThatRolledBackIsNotRemembered() throws Exception {
        FormSchemas snapshots = new FormSchemas(store);
        DeclarationRow row = version9("{\"id\":\"reading\",\"kind\":\"HOURS\",\"maxPerYear\":40,\"fields\":[]}");
        namedAndRolledBack(snapshots, row, s -> {
            FormSchemas.Snapshot read = snapshots.of(s, row.schemaId);
            assertEquals(row.schemaJson, read.json());
            assertEquals(new java.math.BigDecimal("40"), read.figures().maxPerYear());
        });
        try (SqlSession s = store.session()) {
            snapshots.of(s, row.schemaId);
            fail("a snapshot that was never committed is not given from memory");
        } catch (IllegalStateException expected) {
            assertTrue(expected.getMessage().contains("missing"));
        }

        DeclarationDetail kept = declare();
        long id = kept.summary().id();
        String json = declarations.get(WANG, id).schema().json();
        try (SqlSession s = store.session()) {
            long schemaId = s.getMapper(DeclarationMapper.class).find(WANG.accountId(), id).schemaId;
            assertEquals(json, snapshots.of(s, schemaId).json());
            assertEquals("HOURS", snapshots.of(s, schemaId).figures().kind());
        }
    }

    private static DeclarationRow version9(String schemaJson) {
        DeclarationRow row = new DeclarationRow();
        row.formId = "reading";
        row.formVersion = "9.0.0";
        row.schemaJson = schemaJson;
        return row;
    }

    /** Names the row's snapshot (then runs {@code inside}) in a transaction that fails and rolls back. */
    private void namedAndRolledBack(FormSchemas snapshots, DeclarationRow row,
            java.util.function.Consumer<SqlSession> inside) {
        try {
            store.inTransaction(s -> {
                snapshots.name(s, row);
                inside.accept(s);
                throw new IllegalStateException("the declaration failed");
            });
            fail("rolled back");
        } catch (IllegalStateException expected) {
            // the snapshot went with it
        }
    }

    /** V10 over declarations that kept their snapshot in the row: each distinct snapshot once, every row its own. */
    @Test
    public void theMigrationKeepsEachDistinctSnapshotOnce() throws Exception {
        TestStores.Shared old = TestStores.shared().migrateUpTo("declarations", 9, DeclarationMapper.class.getClassLoader());
        String a = "{\"id\":\"reading\",\"version\":\"1.0.0\",\"maxPerYear\":60}";
        String b = "{\"id\":\"reading\",\"version\":\"1.0.0\",\"maxPerYear\":80}"; // the same version, other figures
        String c = "{\"id\":\"reading\",\"version\":\"1.1.0\",\"maxPerYear\":60}";
        Map<Long, String> written = new HashMap<>();
        try (Connection con = old.dataSource().getConnection();
             PreparedStatement p = con.prepareStatement("INSERT INTO declaration (id, owner_id, unit_id, form_id, form_version, "
                     + "form_name, kind, schema_json, values_json, title, decl_year, category, proposed_hours, claimed_hours, "
                     + "state, version, created_at, updated_at) VALUES (?, 11, 7, 'reading', ?, '读书会', 'HOURS', ?, '{}', "
                     + "'书', 2026, 'PROFESSIONAL', 10, 10, 'draft', 0, ?, ?)")) {
            Object[][] rows = {{1L, "1.0.0", a}, {2L, "1.0.0", a}, {3L, "1.0.0", b}, {4L, "1.1.0", c}, {5L, "1.0.0", a}};
            Timestamp now = Timestamp.from(Instant.parse("2026-06-01T00:00:00Z"));
            for (Object[] r : rows) {
                p.setLong(1, (Long) r[0]);
                p.setString(2, (String) r[1]);
                p.setString(3, (String) r[2]);
                p.setTimestamp(4, now);
                p.setTimestamp(5, now);
                p.executeUpdate();
                written.put((Long) r[0], (String) r[2]);
            }
        }

        Store migrated = old.migrated("declarations", DeclarationMapper.class);
        assertEquals(3, count(old.dataSource(), "SELECT COUNT(*) FROM form_schema"));
        assertEquals(3, count(old.dataSource(), "SELECT COUNT(DISTINCT schema_id) FROM declaration"));
        FormSchemas snapshots = new FormSchemas(migrated);
        try (SqlSession s = migrated.session()) {
            DeclarationMapper m = s.getMapper(DeclarationMapper.class);
            for (Map.Entry<Long, String> e : written.entrySet()) {
                assertEquals(e.getValue(), snapshots.of(s, m.find(11, e.getKey()).schemaId).json());
                assertEquals(e.getValue(), m.schemaOf(e.getKey()));
            }
        }
    }
}
