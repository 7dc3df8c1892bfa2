package org.ceportal.platform.answers;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;

/**
 * Marks a {@code GET} resource method whose answer depends on the request's path and
 * query only, never on the caller: the platform may keep a 200 answer of it and give
 * it to anyone asking the same path and query, for at most the configured time
 * ({@code seconds} of {@code org.ceportal.platform.answers}), or until {@link
 * SharedAnswers#forget} is called on this node.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface SameForEveryone {
}
