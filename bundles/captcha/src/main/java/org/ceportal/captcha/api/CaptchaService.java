package org.ceportal.captcha.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Issues and checks captchas. Every service names itself in the property
 * {@link #PROVIDER}; consumers bind the one that configuration names
 * ({@code provider.target} in {@code org.ceportal.captcha}, by default the portal's
 * {@code drawn} captcha), never merely the highest-ranked one, so a bundle installed
 * later cannot take over. No production configuration accepts a fixed answer.
 */
@ProviderType
public interface CaptchaService {
    /**
     * Service property naming a captcha provider; the portal's own is {@code drawn}.
     *
     * @since 1.1
     */
    String PROVIDER = "ceportal.captcha.provider";

    /** A new captcha. */
    Captcha issue();

    /**
     * Checks an answer and consumes the captcha, whatever the outcome.
     *
     * @return true only if the captcha exists, has not expired, was not used before,
     *         and the answer matches (ignoring case and surrounding blanks)
     */
    boolean verify(String id, String answer);
}
