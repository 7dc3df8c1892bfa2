package org.ceportal.declarations.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.ceportal.learningform.api.FormDescription;
import org.ceportal.learningform.api.LearningForm;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The learning forms that are live right now. Forms are OSGi services of any bundle;
 * this component follows them dynamically (no restart of anything when a form bundle
 * comes, goes or is updated). When several versions of one form id are live, the
 * highest version is the one offered for new declarations.
 */
@Component(service = FormRegistry.class, immediate = true, configurationPid = DeclarationsComponent.PID)
public final class FormRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(FormRegistry.class);
    private static final Comparator<Live> NEWEST_FIRST = Comparator.comparing((Live l) -> Version.parseVersion(l.description().version()))
            .reversed();

    /**
     * A live form with the description it gave when it arrived, the bundle that registered it (symbolic name and
     * version; null outside OSGi) and when it arrived.
     */
    record Live(LearningForm form, FormDescription description, String bundle, String bundleVersion, Instant since) {
    }

    private final Map<String, List<Live>> byId = new ConcurrentHashMap<>();
    /** The forms listed first (config {@code formOrder}, a default of metatype); empty in tests that do not set it. */
    private volatile List<String> first = List.of();

    @Activate
    @Modified
    void configure(DeclarationsComponent.Config config) {
        first = order(config.formOrder());
    }

    /** A .cfg file gives a list as one comma-separated string. */
    static List<String> order(String[] ids) {
        return java.util.Arrays.stream(ids).flatMap(i -> java.util.Arrays.stream(i.split(","))).map(String::strip)
                .filter(i -> !i.isEmpty()).distinct().toList();
    }

    void listFirst(List<String> ids) {
        first = List.copyOf(ids);
    }

    @Reference(service = LearningForm.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeForm", updated = "updateForm")
    void addForm(LearningForm form, Map<String, Object> properties) {
        FormDescription d;
        try {
            d = form.description();
        } catch (RuntimeException e) {
            LOG.error("Learning form service {} gave no valid description and is ignored", form.getClass().getName(), e);
            return;
        }
        Bundle provider = provider(properties.get(Constants.SERVICE_BUNDLEID));
        byId.computeIfAbsent(d.id(), k -> new CopyOnWriteArrayList<>()).add(new Live(form, d,
                provider == null ? null : provider.getSymbolicName(), provider == null ? null : provider.getVersion().toString(),
                Instant.now()));
        LOG.info("Learning form {} {} ({}) is live", d.id(), d.version(), d.name());
    }

    void updateForm(LearningForm form, Map<String, Object> properties) {
        removeForm(form);
        addForm(form, properties);
    }

    /** The bundle of that id ({@code service.bundleid} of a form's registration), or null outside OSGi. */
    private static Bundle provider(Object bundleId) {
        Bundle self = FrameworkUtil.getBundle(FormRegistry.class);
        BundleContext context = self == null ? null : self.getBundleContext();
        return context == null || !(bundleId instanceof Long id) ? null : context.getBundle(id);
    }

    /** Every live version of every form. */
    List<Live> allVersions() {
        return byId.values().stream().flatMap(List::stream).toList();
    }

    void removeForm(LearningForm form) {
        for (Map.Entry<String, List<Live>> e : byId.entrySet()) {
            if (e.getValue().removeIf(l -> l.form() == form)) {
                LOG.info("Learning form {} ({}) is gone", e.getKey(), form.getClass().getName());
            }
        }
    }

    /** The newest live version of every form: those of {@code formOrder} first, then by kind and id. */
    List<Live> live() {
        List<Live> out = new ArrayList<>();
        for (List<Live> versions : byId.values()) {
            newest(versions).ifPresent(out::add);
        }
        List<String> order = first;
        out.sort(Comparator.comparing((Live l) -> {
            int i = order.indexOf(l.description().id());
            return i < 0 ? Integer.MAX_VALUE : i;
        }).thenComparing(l -> l.description().kind().ordinal()).thenComparing(l -> l.description().id()));
        return out;
    }

    /** The newest live version of a form. */
    Optional<Live> get(String id) {
        List<Live> versions = id == null ? null : byId.get(id);
        return versions == null ? Optional.empty() : newest(versions);
    }

    /** That exact version of a form, if live. */
    Optional<Live> get(String id, String version) {
        List<Live> versions = id == null ? null : byId.get(id);
        if (versions == null) {
            return Optional.empty();
        }
        return versions.stream().filter(l -> l.description().version().equals(version)).findFirst();
    }

    private static Optional<Live> newest(List<Live> versions) {
        return versions.stream().sorted(NEWEST_FIRST).findFirst();
    }
}
