package org.ceportal.platform.answers;

import org.osgi.annotation.versioning.ProviderType;

/** The answers kept for {@link SameForEveryone} methods. */
@ProviderType
public interface SharedAnswers {
    /**
     * Makes every answer this node keeps stale, so that the next request of each builds it
     * afresh (what such answers show changes rarely: a unit added or imported). Call it once
     * the change has committed (a store's {@code afterCommit}); an answer whose request began
     * before the call is not kept. Other nodes give theirs for at most the configured time.
     */
    void forget();
}
