package org.ceportal.platform.security;

import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.ceportal.platform.api.ProblemException;

/** Role checks for resources; the platform's request filter has resolved the caller. */
public final class Access {

    /** Request property under which the platform stores the {@link Caller}. */
    public static final String CALLER_PROPERTY = "org.ceportal.caller";

    /**
     * Request property an {@link Authenticator} sets (to any value) when the request
     * carried a valid session but failed the CSRF check: the caller is then anonymous
     * and {@link #require} answers 403 {@code csrf_failed} instead of 401.
     */
    public static final String CSRF_FAILED_PROPERTY = "org.ceportal.csrf-failed";

    /**
     * Request property holding the client's address as {@link ClientAddresses} names it
     * (set for every request by the platform before any resource runs).
     *
     * @since 1.2
     */
    public static final String CLIENT_ADDRESS_PROPERTY = "org.ceportal.client-address";

    /**
     * Request property an {@link Authenticator} sets (to any value) when the caller logged in
     * with a temporary password an admin set and this call is not one that changes it: the
     * caller is then anonymous and {@link #require} answers 403 {@code password_change_required}.
     *
     * @since 1.4
     */
    public static final String PASSWORD_CHANGE_PROPERTY = "org.ceportal.password-change-required";

    /** The message a page shows while the caller must still replace a temporary password. */
    public static final String PASSWORD_CHANGE_MESSAGE = "您正在使用临时密码，请先修改密码";

    /** The message a page shows when its CSRF token is missing or stale. */
    public static final String CSRF_FAILED_MESSAGE = "页面已过期，请刷新页面后重试";

    private Access() {
    }

    /** The client's address (behind trusted proxies, the client's own), or {@code null} outside a request. */
    public static String clientAddress(ContainerRequestContext request) {
        Object a = request.getProperty(CLIENT_ADDRESS_PROPERTY);
        return a instanceof String s ? s : null;
    }

    /** The caller of this request, if authenticated. */
    public static Optional<Caller> caller(ContainerRequestContext request) {
        Object c = request.getProperty(CALLER_PROPERTY);
        return c instanceof Caller caller ? Optional.of(caller) : Optional.empty();
    }

    /**
     * The caller, who must hold one of the roles.
     *
     * @throws ProblemException 401 when not logged in, 403 when the role is wrong, the
     *         CSRF check failed or a temporary password must be changed first
     */
    public static Caller require(ContainerRequestContext request, Role... roles) {
        Optional<Caller> found = caller(request);
        if (found.isEmpty() && request.getProperty(CSRF_FAILED_PROPERTY) != null) {
            throw new ProblemException(403, "csrf_failed", CSRF_FAILED_MESSAGE);
        }
        if (found.isEmpty() && request.getProperty(PASSWORD_CHANGE_PROPERTY) != null) {
            throw new ProblemException(403, "password_change_required", PASSWORD_CHANGE_MESSAGE);
        }
        Caller caller = found.orElseThrow(ProblemException::unauthorized);
        for (Role r : roles) {
            if (caller.role() == r) {
                return caller;
            }
        }
        throw ProblemException.forbidden();
    }
}
