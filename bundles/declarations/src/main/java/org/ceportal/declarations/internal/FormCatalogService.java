package org.ceportal.declarations.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.ibatis.session.SqlSession;
import org.ceportal.declarations.api.CatalogForm;
import org.ceportal.declarations.api.FormCatalog;
import org.ceportal.learningform.api.FormDescription;
import org.ceportal.platform.persistence.Store;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@link FormCatalog}: the live forms of {@link FormRegistry} beside what the declarations name. */
@Component(service = FormCatalog.class)
public final class FormCatalogService implements FormCatalog {
    static final String LIVE = "在用";
    static final String RETIRED = "已停用";
    private static final Comparator<String> NEWEST_FIRST = Comparator.comparing(FormCatalogService::version).reversed();

    private final Store store;
    private final FormRegistry forms;

    @Activate
    public FormCatalogService(@Reference DeclarationsComponent component) {
        this(component.store(), component.forms());
    }

    FormCatalogService(Store store, FormRegistry forms) {
        this.store = store;
        this.forms = forms;
    }

    @Override
    public List<CatalogForm> forms() {
        List<FormUseRow> use;
        try (SqlSession s = store.session()) {
            use = s.getMapper(DeclarationMapper.class).formUse();
        }
        Map<String, Map<String, FormUseRow>> declared = new HashMap<>();
        for (FormUseRow r : use) {
            declared.computeIfAbsent(r.formId, k -> new HashMap<>()).put(r.formVersion, r);
        }
        Map<String, List<FormRegistry.Live>> liveVersions = new HashMap<>();
        for (FormRegistry.Live l : forms.allVersions()) {
            liveVersions.computeIfAbsent(l.description().id(), k -> new ArrayList<>()).add(l);
        }
        List<CatalogForm> out = new ArrayList<>();
        for (FormRegistry.Live offered : forms.live()) {
            FormDescription d = offered.description();
            Map<String, FormUseRow> counts = declared.getOrDefault(d.id(), Map.of());
            List<CatalogForm.Version> versions = versions(liveVersions.getOrDefault(d.id(), List.of()), counts);
            out.add(new CatalogForm(d.id(), d.name(), d.version(), d.kind().name(), d.kind().label(), d.category().name(),
                    d.category().label(), true, LIVE, offered.bundle(), offered.bundleVersion(), offered.since(),
                    total(counts), versions));
        }
        declared.keySet().stream().filter(id -> !liveVersions.containsKey(id)).sorted().forEach(id -> {
            Map<String, FormUseRow> counts = declared.get(id);
            List<CatalogForm.Version> versions = versions(List.of(), counts);
            FormUseRow newest = counts.get(versions.get(0).version());
            out.add(new CatalogForm(id, newest.formName, newest.formVersion, null, null, null, null, false, RETIRED, null,
                    null, null, total(counts), versions));
        });
        return out;
    }

    /** The live versions and the declared ones, newest first. */
    private static List<CatalogForm.Version> versions(List<FormRegistry.Live> live, Map<String, FormUseRow> counts) {
        Map<String, CatalogForm.Version> byVersion = new LinkedHashMap<>();
        for (FormRegistry.Live l : live) {
            String v = l.description().version();
            FormUseRow c = counts.get(v);
            byVersion.put(v, new CatalogForm.Version(v, true, l.bundle(), l.bundleVersion(), l.since(),
                    c == null ? 0 : c.declarations));
        }
        counts.forEach((v, c) -> byVersion.putIfAbsent(v, new CatalogForm.Version(v, false, null, null, null, c.declarations)));
        return byVersion.values().stream().sorted(Comparator.comparing(CatalogForm.Version::version, NEWEST_FIRST)).toList();
    }

    private static long total(Map<String, FormUseRow> counts) {
        return counts.values().stream().mapToLong(c -> c.declarations).sum();
    }

    /** A form's version as OSGi orders it; one that is not an OSGi version sorts as 0.0.0. */
    private static Version version(String v) {
        try {
            return Version.parseVersion(v);
        } catch (IllegalArgumentException e) {
            return Version.emptyVersion;
        }
    }
}
