package org.ceportal.accounts.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.ceportal.directory.api.DirectoryService;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.security.Access;
import org.ceportal.platform.security.ClientAddresses;
import org.ceportal.platform.security.Caller;
import org.ceportal.platform.security.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/** {@code /api/me}: who is logged in, and 修改密码. */
@Component(service = MeResource.class)
@JakartarsResource
@JSONRequired
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
public final class MeResource {
    private final AccountsComponent accounts;
    private final DirectoryService directory;
    private final ClientAddresses clients;

    @Activate
    public MeResource(@Reference AccountsComponent accounts, @Reference DirectoryService directory,
            @Reference ClientAddresses clients) {
        this.accounts = accounts;
        this.directory = directory;
        this.clients = clients;
    }

    /** Who is logged in: {@code GET /api/me}. */
    public record Me(long accountId, String login, String name, String role, String roleName, Long unitId,
                     String unitName, Long baseId, String baseName, String csrfToken, String sessionExpiresAt,
                     boolean mustChangePassword) {
    }

    /** Body of {@code PUT /me/password}. */
    public static final class PasswordChange {
        public String currentPassword;
        public String newPassword;
    }

    @GET
    public Response me(@Context ContainerRequestContext request) {
        Caller caller = Access.require(request, Role.values());
        Sessions.Current session = session(request);
        Me body = new Me(caller.accountId(), session.login(), caller.name(), caller.role().name(), caller.role().label(),
                caller.unitId(),
                caller.unitId() == null ? null : directory.unit(caller.unitId()).map(u -> u.name).orElse(null),
                caller.baseId(), caller.baseId() == null ? null : accounts.baseName(caller.baseId()).orElse(null),
                session.csrfToken(), session.expiresAt().toString(), session.mustChangePassword());
        return Response.ok(body).cacheControl(SessionResource.noStore()).build();
    }

    @PUT
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response changePassword(@Context HttpServletRequest http, @Context ContainerRequestContext request,
            PasswordChange change) {
        Access.require(request, Role.values());
        if (change == null) {
            throw ProblemException.invalid("currentPassword", "请输入当前密码");
        }
        accounts.sessions().changePassword(session(request), change.currentPassword, change.newPassword, clients.of(http));
        return Response.noContent().build();
    }

    private static Sessions.Current session(ContainerRequestContext request) {
        Object s = request.getProperty(SessionAuthenticator.SESSION_PROPERTY);
        if (s instanceof Sessions.Current current) {
            return current;
        }
        throw ProblemException.unauthorized();
    }
}
