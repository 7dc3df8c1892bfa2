package org.ceportal.accounts.internal;

import org.ceportal.captcha.api.CaptchaService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The captcha that login, registration and the status lookup check: the service that
 * configuration names, never merely the highest-ranked one, so a bundle installed
 * later cannot answer for it. The reference {@code provider} targets the portal's
 * drawn captcha; {@code provider.target} in {@code etc/org.ceportal.captcha.cfg}
 * (the PID the captcha bundle's issuing resource reads too) names another.
 */
@Component(service = CaptchaCheck.class, configurationPid = "org.ceportal.captcha")
public final class CaptchaCheck {
    private final CaptchaService provider;

    @Activate
    public CaptchaCheck(@Reference(name = "provider", target = "(" + CaptchaService.PROVIDER + "=drawn)")
            CaptchaService provider) {
        this.provider = provider;
    }

    /** Verifies and consumes a captcha. */
    boolean verify(String id, String answer) {
        return provider.verify(id, answer);
    }
}
