package org.ceportal.declarations.internal;

import org.apache.ibatis.session.SqlSession;
import org.ceportal.platform.persistence.Store;

/**
 * The person's row in {@code declaration_owner}, which every write of their declarations
 * updates first in its transaction (the lock order of a submission): it counts the change for
 * the own lists kept on every node, and once the write has committed, this node forgets the
 * person's kept pages ({@link OwnLists#forget}). Every write goes through here, never through
 * the mapper's {@code touchOwner} or {@code lockOwner} directly.
 */
final class OwnerLocks {
    private final Store store;
    private final OwnLists lists;

    OwnerLocks(Store store, OwnLists lists) {
        this.store = store;
        this.lists = lists;
    }

    /** Locks the person's row for a submission (counting a change); 0 when they have none yet. */
    int lock(SqlSession s, long ownerId) {
        int rows = s.getMapper(DeclarationMapper.class).lockOwner(ownerId);
        store.afterCommit(() -> lists.forget(ownerId));
        return rows;
    }

    /** Counts a change to the person's declarations (and locks their row until the transaction ends). */
    void touch(SqlSession s, long ownerId) {
        s.getMapper(DeclarationMapper.class).touchOwner(ownerId);
        store.afterCommit(() -> lists.forget(ownerId));
    }
}
