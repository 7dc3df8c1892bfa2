package org.ceportal.platform.answers;

import org.osgi.annotation.versioning.ProviderType;

/** The answers kept for {@link SameForEveryone} methods. */
@ProviderType
public interface SharedAnswers {
    /**
     * Forgets every answer this node keeps, so the next requests build them afresh
     * (changes of what such answers show are rare: a unit added or imported). Call it after the change has committed (a store's {@code afterCommit}):
     * an answer built before that is not kept. Other nodes keep theirs for at most the
     * configured time.
     */
    void forget();
}
