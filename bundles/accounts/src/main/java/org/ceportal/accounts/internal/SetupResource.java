package org.ceportal.accounts.internal;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.ceportal.platform.api.ProblemException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/** {@code /api/setup}: the first ops account, created with the one-time setup token (首次安装). */
@Component(service = SetupResource.class)
@JakartarsResource
@JSONRequired
@Path("setup")
@Produces(MediaType.APPLICATION_JSON)
public final class SetupResource {
    private final FirstOpsSetup setup;
    private final ThrottleComponent throttle;

    @Activate
    public SetupResource(@Reference AccountsComponent accounts, @Reference ThrottleComponent throttle) {
        this.setup = accounts.setup();
        this.throttle = throttle;
    }

    /** Whether setup is still needed, and where the token file lies (relative to the Karaf folder). */
    record State(boolean needed, String tokenFile) {
    }

    /** Body of {@code POST /setup/ops-account}. */
    public static final class NewOps {
        public String token;
        public String login;
        public String name;
        public String password;
    }

    /** The account made. */
    record Created(long id, String login) {
    }

    @GET
    public State state() {
        return new State(setup.needed(), "data/ceportal/" + setup.tokenFile().getFileName());
    }

    @POST
    @Path("ops-account")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Context HttpServletRequest http, NewOps body) {
        String address = throttle.acquire(http, "setup");
        if (body == null) {
            throw ProblemException.invalid("token", "请输入安装令牌");
        }
        long id = setup.createOps(body.token, body.login, body.name, body.password, Credentials.clip(address));
        return Response.created(URI.create("ops/accounts/" + id)).entity(new Created(id, body.login.strip())).build();
    }
}
