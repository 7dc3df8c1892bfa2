package org.ceportal.platform.internal;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/** {@code GET /api/openapi.json}: the API of the bundles installed now, as OpenAPI 3.1. */
@Component(service = OpenApiResource.class)
@JakartarsResource
@JSONRequired
@Path("openapi.json")
public final class OpenApiResource {
    private final OpenApiRegistry registry;
    private final String version;

    @Activate
    public OpenApiResource(BundleContext context, @Reference OpenApiRegistry registry) {
        this.registry = registry;
        this.version = context.getBundle().getVersion().toString();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> document() {
        return registry.document(version);
    }
}
