package org.ceportal.accounts.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.ceportal.platform.security.Access;
import org.ceportal.platform.security.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/** {@code /api/sessions}: login (登录) and logout. */
@Component(service = SessionResource.class)
@JakartarsResource
@JSONRequired
@Path("sessions")
@Produces(MediaType.APPLICATION_JSON)
public final class SessionResource {
    private final AccountsComponent accounts;
    private final ThrottleComponent throttle;
    private final CaptchaCheck captchas;

    @Activate
    public SessionResource(@Reference AccountsComponent accounts, @Reference ThrottleComponent throttle,
            @Reference CaptchaCheck captchas) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.captchas = captchas;
    }

    /** The answer to a login; {@code mustChangePassword} after an admin's reset: only 修改密码 works until then. */
    record LoggedIn(String name, String role, String csrfToken, String expiresAt, boolean mustChangePassword) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response login(@Context HttpServletRequest http, Sessions.LoginRequest request) {
        String address = throttle.acquire(http, "login");
        Sessions.NewSession s = accounts.sessions().login(request, address, captchas::verify);
        LoggedIn body = new LoggedIn(s.caller().name(), s.caller().role().name(), s.csrfToken(), s.expiresAt().toString(),
                s.mustChangePassword());
        int maxAge = (int) accounts.sessions().absoluteTimeout().getSeconds();
        return Response.ok(body).cookie(cookie(http, s.token(), maxAge)).cacheControl(noStore()).build();
    }

    /** Logout: ends the session on the server and clears the cookie. */
    @DELETE
    @Path("current")
    public Response logout(@Context HttpServletRequest http, @Context ContainerRequestContext request) {
        Object session = request.getProperty(SessionAuthenticator.SESSION_PROPERTY);
        if (session instanceof Sessions.Current current) {
            accounts.sessions().logout(current, throttle.address(http));
        } else if (request.getProperty(Access.CSRF_FAILED_PROPERTY) != null) {
            Access.require(request, Role.values()); // answers 403 csrf_failed
        }
        return Response.noContent().cookie(cookie(http, "", 0)).build();
    }

    /**
     * The session cookie. A Secure one carries the {@code __Host-} prefix, so that the
     * browser takes it only from this host over https, for path /, with no Domain.
     */
    private NewCookie cookie(HttpServletRequest http, String value, int maxAge) {
        boolean secure = http.isSecure() || accounts.secureCookie();
        return new NewCookie.Builder(secure ? SessionAuthenticator.SECURE_COOKIE : SessionAuthenticator.COOKIE)
                .value(value)
                .path("/")
                .httpOnly(true)
                .secure(secure)
                .sameSite(NewCookie.SameSite.STRICT)
                .maxAge(maxAge)
                .build();
    }

    static CacheControl noStore() {
        CacheControl c = new CacheControl();
        c.setNoStore(true);
        return c;
    }
}
