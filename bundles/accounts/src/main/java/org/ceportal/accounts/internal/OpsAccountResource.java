package org.ceportal.accounts.internal;

import java.net.URI;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.ceportal.platform.api.Page;
import org.ceportal.platform.api.PageRequest;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.security.Access;
import org.ceportal.platform.security.Caller;
import org.ceportal.platform.security.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/** {@code /api/ops/accounts}: provincial ops create unit admin, base admin and ops accounts. */
@Component(service = OpsAccountResource.class)
@JakartarsResource
@JSONRequired
@Path("ops/accounts")
@Produces(MediaType.APPLICATION_JSON)
public final class OpsAccountResource {
    private final StaffAccounts staff;
    private final PasswordResets resets;
    private final StaffStates states;

    @Activate
    public OpsAccountResource(@Reference AccountsComponent accounts) {
        this.staff = accounts.staff();
        this.resets = accounts.resets();
        this.states = accounts.staffStates();
    }

    /** 账号管理: unit admins and ops, searched by login or name. */
    @GET
    public Page<PasswordResets.Staff> list(@Context ContainerRequestContext request, @QueryParam("q") String q,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        Access.require(request, Role.OPS);
        return resets.staff(q, PageRequest.parse(page, size, 20, 100));
    }

    /** A temporary password for a staff account, shown once. */
    @POST
    @Path("{id}/password-reset")
    public Response resetPassword(@Context ContainerRequestContext request, @PathParam("id") String id) {
        PasswordResets.Reset r = resets.ofStaff(Access.require(request, Role.OPS),
                UnitPasswordResetResource.parse(id, "account_not_found", "未找到该账号"), Access.clientAddress(request));
        return Response.ok(r).cacheControl(SessionResource.noStore()).build();
    }

    /** 停用: the account cannot log in, its sessions end. */
    @POST
    @Path("{id}/disabling")
    public PasswordResets.Staff disable(@Context ContainerRequestContext request, @PathParam("id") String id) {
        Caller ops = Access.require(request, Role.OPS);
        return states.disable(ops.accountId(), account(id), Access.clientAddress(request));
    }

    /** 启用 a disabled account again. */
    @POST
    @Path("{id}/enabling")
    public PasswordResets.Staff enable(@Context ContainerRequestContext request, @PathParam("id") String id) {
        Caller ops = Access.require(request, Role.OPS);
        return states.enable(ops.accountId(), account(id), Access.clientAddress(request));
    }

    /** 解锁: lifts the lock-out of wrong passwords. */
    @POST
    @Path("{id}/unlocking")
    public PasswordResets.Staff unlock(@Context ContainerRequestContext request, @PathParam("id") String id) {
        Caller ops = Access.require(request, Role.OPS);
        return states.unlock(ops.accountId(), account(id), Access.clientAddress(request));
    }

    private static long account(String id) {
        return UnitPasswordResetResource.parse(id, "account_not_found", "未找到该账号");
    }

    /** Body of {@code POST /ops/accounts}. */
    public static final class NewAccount {
        public String role;
        public String login;
        public String name;
        public Long unitId;
        public Long baseId;
        public String password;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Context ContainerRequestContext request, NewAccount a) {
        Caller ops = Access.require(request, Role.OPS);
        if (a == null) {
            throw ProblemException.invalid("login", "请填写账号信息");
        }
        long id = staff.create(a.role, a.login, a.name, a.unitId, a.baseId, a.password, ops.accountId());
        return Response.created(URI.create("ops/accounts/" + id))
                .entity(Map.of("id", id, "role", a.role.strip().toUpperCase(java.util.Locale.ROOT), "login", a.login.strip()))
                .build();
    }
}
