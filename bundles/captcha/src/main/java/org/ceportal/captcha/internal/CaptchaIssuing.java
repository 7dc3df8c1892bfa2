package org.ceportal.captcha.internal;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;

import org.ceportal.captcha.api.Captcha;
import org.ceportal.captcha.api.CaptchaService;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.audit.AuditLog;
import org.ceportal.platform.security.ClientAddresses;
import org.ceportal.platform.security.Throttles;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Issues captchas to clients: from the provider that configuration names (the
 * reference {@code provider}, see {@link CaptchaService#PROVIDER}), at most
 * {@code issuesPerMinute} per client address.
 */
@Component(service = CaptchaIssuing.class, configurationPid = CaptchaServiceImpl.PID)
public final class CaptchaIssuing {
    static final String THROTTLED = "获取验证码过于频繁，请稍后再试";

    private final CaptchaService provider;
    private final ClientAddresses clients;
    private final Throttles.Limit throttle;

    // Optional and dynamic: the audit trail (kept by the accounts bundle) may come and go.
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditLog audit;

    @Activate
    public CaptchaIssuing(CaptchaServiceImpl.Config config,
            @Reference(name = "provider", target = "(" + CaptchaService.PROVIDER + "=drawn)") CaptchaService provider,
            @Reference ClientAddresses clients, @Reference Throttles throttles) {
        this.provider = provider;
        this.clients = clients;
        this.throttle = throttles.limit("captcha", Math.max(1, config.issuesPerMinute()), Duration.ofMinutes(1));
    }

    /** @throws ProblemException 429 when the client asked too often, 503 when too many captchas are outstanding */
    Captcha issue(HttpServletRequest http) {
        String address = clients.of(http);
        long wait = throttle.acquire(ClientAddresses.throttleKey(address), () -> {
            AuditLog log = audit;
            if (log != null) { // once per flood, not once per refused request
                log.record(null, "captcha_issue", null, "throttled", address);
            }
        });
        if (wait > 0) {
            throw new ProblemException(429, "too_many_attempts", THROTTLED + "（约" + wait + "秒后）");
        }
        return provider.issue();
    }
}
