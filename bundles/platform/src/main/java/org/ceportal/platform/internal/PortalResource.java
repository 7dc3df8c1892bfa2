package org.ceportal.platform.internal;

import java.util.Arrays;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.ceportal.platform.security.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code GET /api/portal}: the operator-configured name of the platform, for the pages' frame. */
@Component(service = PortalResource.class, configurationPid = "org.ceportal.portal")
@Designate(ocd = PortalResource.Config.class)
@JakartarsResource
@JSONRequired
@Path("portal")
public final class PortalResource {

    @ObjectClassDefinition(name = "ceportal portal", description = "How the portal names itself")
    @interface Config {
        @AttributeDefinition(name = "Platform name")
        String name() default "河南省专业技术人员继续教育信息服务平台";

        @AttributeDefinition(name = "Short name")
        String shortName() default "继续教育平台";

        @AttributeDefinition(name = "Province")
        String province() default "河南省";

        @AttributeDefinition(name = "Support contact", description = "Shown in the page footer")
        String supportContact() default "";
    }

    /** A role and its zh-CN name. */
    public record RoleName(String role, String name) {
    }

    /**
     * What the pages' frame needs: the names, the contact, the roles' names, and the REST paths
     * installed now ({@code apis}, e.g. {@code /me/completion}), so that a page offers a function
     * exactly when the bundle behind it is there.
     */
    public record Info(String name, String shortName, String province, String supportContact, List<RoleName> roles,
                       List<String> apis) {
    }

    private final Config config;
    private final List<RoleName> roles;
    private final OpenApiRegistry registry;

    @Activate
    public PortalResource(Config config, @Reference OpenApiRegistry registry) {
        this.config = config;
        this.registry = registry;
        this.roles = Arrays.stream(Role.values()).map(r -> new RoleName(r.name(), r.label())).toList();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Info portal() {
        return new Info(config.name(), config.shortName(), config.province(), config.supportContact(), roles,
                registry.paths());
    }
}
