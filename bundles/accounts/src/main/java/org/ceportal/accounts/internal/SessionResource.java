package org.ceportal.accounts.internal;

import java.util.LinkedHashMap;
import java.util.Map;

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

import org.ceportal.captcha.api.CaptchaService;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.security.Access;
import org.ceportal.platform.security.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/** {@code /api/sessions}: login (登录) and logout. */
@Component(service = SessionResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JSONRequired
@Path("sessions")
@Produces(MediaType.APPLICATION_JSON)
public final class SessionResource {
    static final String THROTTLED = "登录尝试过于频繁，请稍后再试";

    private final AccountsComponent accounts;
    private final ThrottleComponent throttle;
    private final CaptchaService captchas;

    @Activate
    public SessionResource(@Reference AccountsComponent accounts, @Reference ThrottleComponent throttle,
            @Reference(policyOption = ReferencePolicyOption.GREEDY) CaptchaService captchas) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.captchas = captchas;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response login(@Context HttpServletRequest http, Sessions.LoginRequest request) {
        long wait = throttle.acquire(http.getRemoteAddr());
        if (wait > 0) {
            throw new ProblemException(429, "too_many_attempts", THROTTLED + "（约" + wait + "秒后）");
        }
        Sessions.NewSession s = accounts.sessions().login(request, http.getRemoteAddr(), captchas::verify);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", s.caller().name());
        body.put("role", s.caller().role().name());
        body.put("csrfToken", s.csrfToken());
        body.put("expiresAt", s.expiresAt().toString());
        int maxAge = (int) accounts.sessions().absoluteTimeout().getSeconds();
        return Response.ok(body).cookie(cookie(http, s.token(), maxAge)).cacheControl(noStore()).build();
    }

    /** Logout: ends the session on the server and clears the cookie. */
    @DELETE
    @Path("current")
    public Response logout(@Context HttpServletRequest http, @Context ContainerRequestContext request) {
        Object session = request.getProperty(SessionAuthenticator.SESSION_PROPERTY);
        if (session instanceof Sessions.Current current) {
            accounts.sessions().logout(current, http.getRemoteAddr());
        } else if (request.getProperty(Access.CSRF_FAILED_PROPERTY) != null) {
            Access.require(request, Role.values()); // answers 403 csrf_failed
        }
        return Response.noContent().cookie(cookie(http, "", 0)).build();
    }

    private NewCookie cookie(HttpServletRequest http, String value, int maxAge) {
        return new NewCookie.Builder(SessionAuthenticator.COOKIE)
                .value(value)
                .path("/")
                .httpOnly(true)
                .secure(http.isSecure() || accounts.secureCookie())
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
