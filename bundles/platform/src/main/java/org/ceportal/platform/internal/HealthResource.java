package org.ceportal.platform.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.ceportal.platform.health.HealthCheck;
import org.ceportal.platform.security.Access;
import org.ceportal.platform.security.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * {@code GET /api/health}: 200 with {@code status UP} when every required check is
 * present and up, otherwise 503 with {@code DOWN}; each check's facts under
 * {@code checks}. Error texts (which may name hosts, files or SQL) are shown to ops
 * only; everyone else sees the statuses.
 */
@Component(service = HealthResource.class, configurationPid = "org.ceportal.platform.health")
@Designate(ocd = HealthResource.Config.class)
@JakartarsResource
@JSONRequired
@Path("health")
public final class HealthResource {

    @ObjectClassDefinition(name = "ceportal health", description = "What the portal needs before it reports ready")
    @interface Config {
        @AttributeDefinition(name = "Required checks", description = "Health checks that must be present and up")
        String[] requiredChecks() default {"database"};
    }

    private final List<String> required;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private final List<HealthCheck> checks = new CopyOnWriteArrayList<>();

    @Activate
    public HealthResource(Config config) {
        this.required = List.of(config.requiredChecks());
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health(@Context ContainerRequestContext request) {
        boolean ops = Access.caller(request).map(c -> c.role() == Role.OPS).orElse(false);
        Map<String, Object> results = new LinkedHashMap<>();
        boolean up = true;
        for (HealthCheck check : checks) {
            HealthCheck.Result r;
            try {
                r = check.check();
            } catch (RuntimeException e) {
                r = new HealthCheck.Result(false, Map.of("error", String.valueOf(e.getMessage())));
            }
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("status", r.up() ? "UP" : "DOWN");
            one.putAll(ops ? r.detail() : withoutErrors(r.detail()));
            results.put(check.name(), one);
            up &= r.up();
        }
        for (String name : required) {
            if (!results.containsKey(name)) {
                results.put(name, ops ? Map.of("status", "DOWN", "error", "not available") : Map.of("status", "DOWN"));
                up = false;
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("checks", results);
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.status(up ? 200 : 503).entity(body).cacheControl(noStore).build();
    }

    /** The detail without {@code error} entries, at any depth. */
    static Map<String, Object> withoutErrors(Map<?, ?> detail) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : detail.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (key.equals("error") || key.endsWith("Error")) {
                continue;
            }
            out.put(key, e.getValue() instanceof Map<?, ?> inner ? withoutErrors(inner) : e.getValue());
        }
        return out;
    }
}
