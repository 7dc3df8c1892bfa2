package org.ceportal.ops.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.karaf.features.BundleInfo;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.ceportal.declarations.api.CatalogForm;
import org.ceportal.declarations.api.FormCatalog;
import org.ceportal.learningform.api.LearningForm;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.audit.AuditLog;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The learning forms of the feature repository (运维 › 学习形式): the {@code ceportal-learningform-*} features the
 * registered repositories offer, installed, upgraded and uninstalled through Karaf's {@link FeaturesService}.
 * Nothing else can be installed this way: only features of that name, only from a repository Karaf already knows
 * (no upload of arbitrary code from a browser). Installs never refresh other bundles
 * ({@code NoAutoRefreshBundles}): a form must not restart the portal under its users. Every attempt is audited.
 */
@Component(service = FormFeatures.class)
public final class FormFeatures {
    static final String PREFIX = "ceportal-learningform-";
    private static final Logger LOG = LoggerFactory.getLogger(FormFeatures.class);
    /** How long an answer waits for an installed feature's forms to go live. */
    private static final long LIVE_WAIT_MILLIS = 5000;

    /** Where a feature stands: its status and what ops can do with it, each with its zh-CN label. */
    enum Status {
        NOT_INSTALLED("未安装", "install", "安装"), INSTALLED("已安装", null, null), UPGRADABLE("可升级", "upgrade", "升级");

        final String label;
        final String action;
        final String actionLabel;

        Status(String label, String action, String actionLabel) {
            this.label = label;
            this.action = action;
            this.actionLabel = actionLabel;
        }
    }

    /**
     * A learning-form feature of the repositories.
     *
     * @param name             the feature's name
     * @param description      what it says of itself
     * @param installedVersion the version installed, or null
     * @param newestVersion    the newest version the repositories offer
     * @param versions         every version offered, newest first
     * @param status           NOT_INSTALLED, INSTALLED or UPGRADABLE
     * @param statusName       its label
     * @param action           {@code install}, {@code upgrade}, or null when there is nothing to install
     * @param actionName       its label
     * @param forms            the ids of the live forms its installed bundles provide
     */
    public record FormFeature(String name, String description, String installedVersion, String newestVersion,
                              List<String> versions, String status, String statusName, String action, String actionName,
                              List<String> forms) {
    }

    /**
     * What an installation, upgrade or removal did.
     *
     * @param feature         the feature
     * @param version         the version installed now (the one removed, for a removal)
     * @param previousVersion the version it replaced, or null
     * @param outcome         {@code installed}, {@code upgraded} or {@code uninstalled}
     * @param outcomeName     its label
     * @param formIds         the ids of the feature's forms
     * @param forms           the catalogue's entries of the feature's forms as they are now (live after an
     *                        installation; retired, when declarations name them, after a removal)
     */
    public record Installation(String feature, String version, String previousVersion, String outcome,
                               String outcomeName, List<String> formIds, List<CatalogForm> forms) {
    }

    /** An installation or removal asked for: the feature and, optionally, a version (default: the newest). */
    public record Request(String feature, String version) {
    }

    private final FeaturesService features;
    private final FormCatalog catalog;
    private final AuditLog audit;
    private final BundleContext context;

    @Activate
    public FormFeatures(@Reference FeaturesService features, @Reference FormCatalog catalog, @Reference AuditLog audit,
            BundleContext context) {
        this.features = features;
        this.catalog = catalog;
        this.audit = audit;
        this.context = context;
    }

    /** The catalogue of forms, live and retired. */
    public List<CatalogForm> forms() {
        return catalog.forms();
    }

    /** Every learning-form feature the registered repositories offer, by name. */
    public List<FormFeature> available() {
        List<FormFeature> out = new ArrayList<>();
        for (Map.Entry<String, List<Feature>> e : offered().entrySet()) {
            List<Feature> versions = e.getValue();
            Feature newest = versions.get(0);
            Optional<Feature> installed = versions.stream().filter(features::isInstalled).findFirst();
            Status status = installed.isEmpty() ? Status.NOT_INSTALLED
                    : version(newest).compareTo(version(installed.get())) > 0 ? Status.UPGRADABLE : Status.INSTALLED;
            out.add(new FormFeature(e.getKey(), newest.getDescription(), installed.map(Feature::getVersion).orElse(null),
                    newest.getVersion(), versions.stream().map(Feature::getVersion).toList(), status.name(), status.label,
                    status.action, status.actionLabel, installed.map(this::liveForms).orElse(List.of())));
        }
        return out;
    }

    /** Installs a feature, or upgrades it when an older version is installed. */
    public Installation install(Long actorId, String address, Request request) {
        String name = requireName(request);
        List<Feature> versions = offered().get(name);
        if (versions == null) {
            throw notOffered(name);
        }
        Feature wanted = request.version() == null || request.version().isBlank() ? versions.get(0)
                : versions.stream().filter(f -> f.getVersion().equals(request.version().strip())).findFirst()
                        .orElseThrow(() -> ProblemException.notFound("feature_not_found",
                                "功能包库中没有该学习形式的版本 " + request.version().strip()));
        Optional<Feature> installed = versions.stream().filter(features::isInstalled).findFirst();
        if (installed.isPresent()) {
            int c = version(wanted).compareTo(version(installed.get()));
            if (c == 0) {
                throw ProblemException.conflict("already_installed", "该学习形式已安装（版本 " + wanted.getVersion() + "）");
            }
            if (c < 0) {
                throw ProblemException.conflict("newer_installed",
                        "已安装更新的版本 " + installed.get().getVersion() + "，不能换回旧版本 " + wanted.getVersion());
            }
        }
        boolean upgrade = installed.isPresent();
        String action = upgrade ? "learning_form_upgrade" : "learning_form_install";
        String subject = subject(name, wanted.getVersion());
        try {
            EnumSet<FeaturesService.Option> options = EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles);
            if (upgrade) {
                options.add(FeaturesService.Option.Upgrade);
            }
            features.installFeature(name, wanted.getVersion(), options);
        } catch (Exception e) {
            LOG.warn("Installing feature {} {} failed", name, wanted.getVersion(), e);
            audit.record(actorId, action, subject, "failed", address);
            throw new ProblemException(409, "install_failed", "学习形式安装失败，系统未作改动：" + reason(e));
        }
        Set<String> ids = awaitForms(wanted);
        audit.record(actorId, action, subject, upgrade ? "upgraded" : "installed", address);
        LOG.info("Feature {} {} {} by account {}: forms {}", name, wanted.getVersion(), upgrade ? "upgraded" : "installed",
                actorId, ids);
        return new Installation(name, wanted.getVersion(), installed.map(Feature::getVersion).orElse(null),
                upgrade ? "upgraded" : "installed", upgrade ? "已升级" : "已安装", List.copyOf(ids), entries(ids));
    }

    /** Uninstalls the installed version of a feature; its forms' declarations stay readable (retired forms). */
    public Installation uninstall(Long actorId, String address, String feature) {
        String name = requireName(new Request(feature, null));
        List<Feature> versions = offered().get(name);
        Feature installed = versions == null ? null : versions.stream().filter(features::isInstalled).findFirst().orElse(null);
        if (installed == null) {
            throw ProblemException.notFound("feature_not_installed", "该学习形式功能包未安装：" + name);
        }
        List<String> ids = liveForms(installed);
        String subject = subject(name, installed.getVersion());
        try {
            features.uninstallFeature(name, installed.getVersion(), EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        } catch (Exception e) {
            LOG.warn("Uninstalling feature {} {} failed", name, installed.getVersion(), e);
            audit.record(actorId, "learning_form_uninstall", subject, "failed", address);
            throw new ProblemException(409, "uninstall_failed", "学习形式卸载失败，系统未作改动：" + reason(e));
        }
        audit.record(actorId, "learning_form_uninstall", subject, "uninstalled", address);
        LOG.info("Feature {} {} uninstalled by account {}: forms {} retired", name, installed.getVersion(), actorId, ids);
        return new Installation(name, installed.getVersion(), null, "uninstalled", "已卸载", ids, entries(new LinkedHashSet<>(ids)));
    }

    /** The repositories' learning-form features by name, each name's versions newest first. */
    private Map<String, List<Feature>> offered() {
        Feature[] all;
        try {
            all = features.listFeatures();
        } catch (Exception e) {
            throw new ProblemException(503, "repository_unavailable", "功能包库暂时无法读取，请稍后再试");
        }
        Map<String, List<Feature>> byName = new TreeMap<>();
        for (Feature f : all) {
            if (f.getName().startsWith(PREFIX) && !f.isHidden()) {
                byName.computeIfAbsent(f.getName(), k -> new ArrayList<>()).add(f);
            }
        }
        byName.values().forEach(l -> l.sort(Comparator.comparing(FormFeatures::version).reversed()));
        return byName;
    }

    private static String requireName(Request request) {
        String name = request == null || request.feature() == null ? "" : request.feature().strip();
        if (name.isEmpty()) {
            throw ProblemException.invalid("feature", "请选择要安装的学习形式功能包");
        }
        if (!name.startsWith(PREFIX) || name.length() > 100) {
            throw notOffered(name.length() > 100 ? name.substring(0, 100) : name);
        }
        return name;
    }

    private static ProblemException notOffered(String name) {
        return ProblemException.notFound("feature_not_found", "功能包库中没有该学习形式：" + name);
    }

    /** The live forms the feature's bundles provide now. */
    private List<String> liveForms(Feature feature) {
        Set<String> out = new LinkedHashSet<>();
        for (Bundle b : bundles(feature)) {
            ServiceReference<?>[] services = b.getRegisteredServices();
            if (services == null) {
                continue;
            }
            for (ServiceReference<?> r : services) {
                if (List.of((String[]) r.getProperty("objectClass")).contains(LearningForm.class.getName())) {
                    @SuppressWarnings("unchecked")
                    ServiceReference<LearningForm> ref = (ServiceReference<LearningForm>) r;
                    LearningForm form = context.getService(ref);
                    try {
                        if (form != null) {
                            out.add(form.description().id());
                        }
                    } finally {
                        context.ungetService(r);
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    private List<Bundle> bundles(Feature feature) {
        List<Bundle> out = new ArrayList<>();
        for (BundleInfo info : feature.getBundles()) {
            Bundle b = context.getBundle(info.getLocation());
            if (b != null) {
                out.add(b);
            }
        }
        return out;
    }

    /** Waits (at most {@link #LIVE_WAIT_MILLIS}) until the installed feature's bundles registered a form. */
    private Set<String> awaitForms(Feature feature) {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LIVE_WAIT_MILLIS);
        List<String> ids = liveForms(feature);
        while (ids.isEmpty() && System.nanoTime() < until) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            ids = liveForms(feature);
        }
        return new LinkedHashSet<>(ids);
    }

    private List<CatalogForm> entries(Set<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, CatalogForm> byId = catalog.forms().stream()
                .collect(Collectors.toMap(CatalogForm::id, Function.identity(), (a, b) -> a));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    private static String subject(String name, String version) {
        String s = "feature:" + name + "/" + version;
        return s.length() > 64 ? s.substring(0, 64) : s;
    }

    /** The first line of the failure, for ops (the whole trace is in the log). */
    private static String reason(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        m = m.lines().findFirst().orElse(m);
        return m.length() > 300 ? m.substring(0, 300) + "…" : m;
    }

    private static Version version(Feature f) {
        try {
            return Version.parseVersion(f.getVersion());
        } catch (IllegalArgumentException e) {
            return Version.emptyVersion;
        }
    }
}
