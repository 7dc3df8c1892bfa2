package org.ceportal.accounts.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;

import org.ceportal.platform.audit.AuditLog;
import org.ceportal.platform.security.Access;
import org.ceportal.platform.security.Authenticator;
import org.ceportal.platform.security.Caller;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Resolves the caller from the session cookie. A state-changing request must also
 * carry the session's CSRF token in {@code X-CSRF-Token}; without it the caller is
 * anonymous and marked so that protected calls answer 403 {@code csrf_failed}.
 */
@Component(service = Authenticator.class, property = Authenticator.NAME + "=sessions")
public final class SessionAuthenticator implements Authenticator {
    static final String COOKIE = "ceportal_session";
    /** The name of the cookie when it is Secure: the browser keeps it for this host, path / and https only. */
    static final String SECURE_COOKIE = "__Host-ceportal_session";
    static final String CSRF_HEADER = "X-CSRF-Token";
    /** Request property holding the {@link Sessions.Current} session. */
    static final String SESSION_PROPERTY = "org.ceportal.accounts.session";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final Sessions sessions;
    private final boolean secureOnly;
    private final AuditLog audit;

    @Activate
    public SessionAuthenticator(@Reference AccountsComponent accounts, @Reference AuditLog audit) {
        this.sessions = accounts.sessions();
        this.secureOnly = accounts.secureCookie();
        this.audit = audit;
    }

    @Override
    public Optional<Caller> authenticate(ContainerRequestContext request) {
        // behind TLS only the __Host- cookie counts: a sibling host cannot plant that one
        Cookie cookie = request.getCookies().get(SECURE_COOKIE);
        if (cookie == null && !secureOnly) {
            cookie = request.getCookies().get(COOKIE);
        }
        if (cookie == null) {
            return Optional.empty();
        }
        boolean read = SAFE.contains(request.getMethod().toUpperCase(Locale.ROOT));
        Optional<Sessions.Current> found = sessions.current(cookie.getValue(), read);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Sessions.Current session = found.get();
        if (!read && !sameToken(request.getHeaderString(CSRF_HEADER), session.csrfToken())) {
            request.setProperty(Access.CSRF_FAILED_PROPERTY, Boolean.TRUE);
            String path = request.getMethod() + " " + request.getUriInfo().getPath();
            audit.record(session.caller().accountId(), "csrf", path.length() <= 64 ? path : path.substring(0, 64), "refused",
                    Access.clientAddress(request));
            return Optional.empty();
        }
        request.setProperty(SESSION_PROPERTY, session);
        if (session.mustChangePassword() && !allowedWithTemporaryPassword(request)) {
            request.setProperty(Access.PASSWORD_CHANGE_PROPERTY, Boolean.TRUE);
            return Optional.empty();
        }
        return Optional.of(session.caller());
    }

    /** With a temporary password only who am I, 修改密码 and logout work. */
    private static boolean allowedWithTemporaryPassword(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        String p = path.startsWith("/") ? path.substring(1) : path;
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        return ("GET".equals(method) && "me".equals(p)) || ("PUT".equals(method) && "me/password".equals(p))
                || ("DELETE".equals(method) && "sessions/current".equals(p));
    }

    private static boolean sameToken(String given, String expected) {
        return given != null && MessageDigest.isEqual(given.strip().getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }
}
