package org.ceportal.declarations.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ceportal.declarations.api.CatalogForm;
import org.ceportal.learningform.api.Field;
import org.ceportal.platform.internal.TestStores;
import org.ceportal.platform.persistence.Store;
import org.ceportal.platform.security.Caller;
import org.ceportal.platform.security.Role;
import org.junit.Before;
import org.junit.Test;

/** The ops' catalogue of learning forms: live and retired, declarations per version. */
public class FormCatalogServiceTest {
    private static final Caller WANG = new Caller(11, "王芳", Role.PROFESSIONAL, 7L);

    private FormRegistry registry;
    private DeclarationsTest.ReadingForm reading;
    private Declarations declarations;
    private FormCatalogService catalog;

    @Before
    public void setUp() {
        registry = new FormRegistry();
        reading = new DeclarationsTest.ReadingForm("1.0.0", List.of());
        registry.addForm(reading, Map.of());
        Store store = TestStores.migrated("declarations", DeclarationMapper.class);
        declarations = new Declarations(store, registry, new FakeAttachments(), 1, ZoneId.of("Asia/Shanghai"),
                Clock.fixed(Instant.parse("2026-12-31T15:30:00Z"), ZoneOffset.UTC), (a, b, c, d, e) -> {
                });
        catalog = new FormCatalogService(store, registry);
    }

    private void declare(String... extra) {
        declarations.create(WANG, reading(extra), null);
    }

    /** A 读书自学 declaration of 2026 with 10 hours; {@code extra}: more values, name then value. */
    static DeclarationRequest reading(String... extra) {
        DeclarationRequest r = new DeclarationRequest();
        r.formId = "reading";
        r.year = 2026;
        r.category = "PROFESSIONAL";
        r.values = new HashMap<>(Map.of("title", "《教育心理学》", "hours", "10"));
        for (int i = 0; i < extra.length; i += 2) {
            r.values.put(extra[i], extra[i + 1]);
        }
        r.attachmentIds = List.of();
        return r;
    }

    @Test
    public void aLiveFormCountsTheDeclarationsOfEachVersion() {
        CatalogForm fresh = catalog.forms().get(0);
        assertEquals("reading", fresh.id());
        assertTrue(fresh.live());
        assertEquals("在用", fresh.statusName());
        assertEquals(0, fresh.declarations());
        assertTrue(fresh.since() != null);

        declare();
        declare();
        registry.addForm(new DeclarationsTest.ReadingForm("1.1.0", List.of(Field.text("publisher", "出版社").required().build())),
                Map.of());
        declare("publisher", "人民教育出版社");
        CatalogForm upgraded = catalog.forms().get(0);
        assertEquals("1.1.0", upgraded.version());
        assertEquals(3, upgraded.declarations());
        assertEquals(List.of("1.1.0", "1.0.0"), upgraded.versions().stream().map(CatalogForm.Version::version).toList());
        assertEquals(1, upgraded.versions().get(0).declarations());
        assertEquals(2, upgraded.versions().get(1).declarations());
        assertEquals("HOURS", upgraded.kind());
    }

    @Test
    public void aFormNoBundleProvidesIsRetiredWithItsDeclarations() {
        declare();
        registry.removeForm(reading);
        List<CatalogForm> forms = catalog.forms();
        assertEquals(1, forms.size());
        CatalogForm retired = forms.get(0);
        assertFalse(retired.live());
        assertEquals("已停用", retired.statusName());
        assertEquals("读书会", retired.name());
        assertEquals("1.0.0", retired.version());
        assertEquals(1, retired.declarations());
        assertNull(retired.kind());
        assertFalse(retired.versions().get(0).live());
    }
}
