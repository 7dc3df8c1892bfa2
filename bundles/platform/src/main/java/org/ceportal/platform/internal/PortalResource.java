package org.ceportal.platform.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code GET /api/portal}: the operator-configured name of the platform, for the pages' frame. */
@Component(service = PortalResource.class, scope = ServiceScope.PROTOTYPE, configurationPid = "org.ceportal.portal")
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

    private final Map<String, Object> info;

    @Activate
    public PortalResource(Config config) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", config.name());
        m.put("shortName", config.shortName());
        m.put("province", config.province());
        m.put("supportContact", config.supportContact());
        this.info = Map.copyOf(m);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> portal() {
        return info;
    }
}
