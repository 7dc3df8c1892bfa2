package org.ceportal.captcha.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Issues and checks captchas. Consumers (the login) take the highest-ranked service,
 * which lets an integration test install a service with a known answer; no
 * production configuration accepts a fixed answer.
 */
@ProviderType
public interface CaptchaService {

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
