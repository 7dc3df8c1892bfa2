package org.ceportal.captcha.api;

import java.time.Instant;

/**
 * An issued captcha.
 *
 * @param id        the id the client sends back with its answer
 * @param image     the picture as a {@code data:image/png;base64,} URL
 * @param expiresAt when it stops being accepted
 */
public record Captcha(String id, String image, Instant expiresAt) {
}
