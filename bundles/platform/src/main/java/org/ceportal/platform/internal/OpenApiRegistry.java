package org.ceportal.platform.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects the OpenAPI fragments of the active bundles: a bundle names its fragment
 * (an OpenAPI document with {@code paths} and {@code components.schemas}) in the
 * manifest header {@code Ceportal-OpenAPI}. A bundle that goes away takes its paths
 * with it, so the document always describes what is installed.
 */
@Component(service = OpenApiRegistry.class)
public final class OpenApiRegistry {
    static final String HEADER = "Ceportal-OpenAPI";
    private static final Logger LOG = LoggerFactory.getLogger(OpenApiRegistry.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final ObjectMapper json = Json.mapper();
    private final BundleTracker<Map<String, Object>> tracker;
    private volatile Paths paths = new Paths(-1, List.of());

    @Activate
    public OpenApiRegistry(BundleContext context) {
        tracker = new BundleTracker<>(context, Bundle.ACTIVE, new BundleTrackerCustomizer<>() {
            @Override
            public Map<String, Object> addingBundle(Bundle bundle, BundleEvent event) {
                return fragment(bundle);
            }

            @Override
            public void modifiedBundle(Bundle bundle, BundleEvent event, Map<String, Object> object) {
                // fragments do not change while a bundle is active
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, Map<String, Object> object) {
                // the tracker forgets it
            }
        });
        tracker.open();
    }

    @Deactivate
    void close() {
        tracker.close();
    }

    private Map<String, Object> fragment(Bundle bundle) {
        String path = bundle.getHeaders().get(HEADER);
        if (path == null) {
            return null;
        }
        URL entry = bundle.getEntry(path);
        if (entry == null) {
            LOG.warn("Bundle {} names OpenAPI fragment {} but has no such entry", bundle.getSymbolicName(), path);
            return null;
        }
        try (InputStream in = entry.openStream()) {
            return json.readValue(in, MAP);
        } catch (IOException e) {
            LOG.warn("Bundle {}: OpenAPI fragment {} is not valid JSON: {}", bundle.getSymbolicName(), path, e.getMessage());
            return null;
        }
    }

    /**
     * The REST paths the active bundles document, e.g. {@code /me/completion}: what is installed now,
     * sorted. Every page's frame asks ({@code GET /api/portal}), so the list is worked out again only
     * when the tracker's count says a bundle came or went.
     */
    List<String> paths() {
        Paths known = paths;
        int count = tracker.getTrackingCount();
        if (known.trackingCount() == count) {
            return known.list();
        }
        SortedSet<String> all = new TreeSet<>();
        for (Map<String, Object> fragment : tracker.getTracked().values()) {
            if (fragment.get("paths") instanceof Map<?, ?> m) {
                m.keySet().forEach(k -> all.add(String.valueOf(k)));
            }
        }
        Paths now = new Paths(count, List.copyOf(all));
        paths = now;
        return now.list();
    }

    /** The paths as of a tracking count. */
    private record Paths(int trackingCount, List<String> list) {
    }

    /** The merged document of all active bundles' fragments. */
    @SuppressWarnings("unchecked")
    Map<String, Object> document(String version) {
        Map<String, Object> paths = new TreeMap<>();
        Map<String, Object> schemas = new TreeMap<>();
        for (Map<String, Object> fragment : tracker.getTracked().values()) {
            Object p = fragment.get("paths");
            if (p instanceof Map<?, ?> m) {
                ((Map<String, Object>) m).forEach((path, item) -> paths.put(path,
                        item instanceof Map<?, ?> operations ? withCsrf((Map<String, Object>) operations) : item));
            }
            Object c = fragment.get("components");
            if (c instanceof Map<?, ?> comps && comps.get("schemas") instanceof Map<?, ?> s) {
                schemas.putAll((Map<String, Object>) s);
            }
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.1.0");
        doc.put("info", Map.of("title", "ceportal REST API", "version", version,
                "description", "专业技术人员继续教育信息服务平台 REST API. Errors are application/problem+json with a stable code and a zh-CN message.",
                "license", Map.of("name", "Apache-2.0", "identifier", "Apache-2.0")));
        doc.put("servers", List.of(Map.of("url", "/api")));
        doc.put("paths", paths);
        doc.put("components", Map.of("schemas", schemas, "securitySchemes", Map.of(
                "session", Map.of("type", "apiKey", "in", "cookie", "name", "ceportal_session",
                        "description", "set by POST /sessions"),
                "csrf", Map.of("type", "apiKey", "in", "header", "name", "X-CSRF-Token",
                        "description", "the csrfToken of POST /sessions (or GET /me): every state-changing call of a session sends it"))));
        return doc;
    }

    /**
     * A path's operations as a fragment wrote them, except that every state-changing one that
     * needs the session needs the {@code csrf} scheme with it: the session authenticator refuses
     * such a call without the session's token, so the document says so once, here, for all.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> withCsrf(Map<String, Object> operations) {
        Map<String, Object> copy = new LinkedHashMap<>(operations);
        for (String method : List.of("post", "put", "patch", "delete")) {
            if (copy.get(method) instanceof Map<?, ?> operation && operation.get("security") instanceof List<?> security) {
                List<Object> requirements = new ArrayList<>();
                for (Object requirement : security) {
                    if (requirement instanceof Map<?, ?> r && r.containsKey("session")) {
                        Map<String, Object> both = new LinkedHashMap<>((Map<String, Object>) r);
                        both.putIfAbsent("csrf", List.of());
                        requirements.add(both);
                    } else {
                        requirements.add(requirement);
                    }
                }
                Map<String, Object> changed = new LinkedHashMap<>((Map<String, Object>) operation);
                changed.put("security", requirements);
                copy.put(method, changed);
            }
        }
        return copy;
    }
}
