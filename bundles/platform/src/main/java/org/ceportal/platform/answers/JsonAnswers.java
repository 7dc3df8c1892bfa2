package org.ceportal.platform.answers;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The REST API's JSON writing, for a resource that keeps an answer as bytes and gives it
 * again without writing it afresh (return the bytes from a method that
 * {@code @Produces(MediaType.APPLICATION_JSON)}: JAX-RS writes a {@code byte[]} as it is).
 *
 * @since 1.1
 */
@ProviderType
public interface JsonAnswers {
    /** {@code answer} in UTF-8 JSON, exactly as the REST API would write it. */
    byte[] write(Object answer);
}
