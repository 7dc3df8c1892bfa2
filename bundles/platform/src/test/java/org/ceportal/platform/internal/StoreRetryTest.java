package org.ceportal.platform.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.ibatis.exceptions.PersistenceException;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.persistence.Store;
import org.junit.Test;

public class StoreRetryTest {
    private final Store store = TestStores.migrated("retrytest");

    @Test
    public void aLockTimeoutIsRetriedAndThenSucceeds() {
        AtomicInteger attempts = new AtomicInteger();
        String result = store.inTransaction(s -> {
            if (attempts.incrementAndGet() < 3) {
                throw new PersistenceException(new SQLTransactionRollbackException("A lock could not be obtained", "40XL1"));
            }
            return "done";
        });
        assertEquals("done", result);
        assertEquals(3, attempts.get());
    }

    @Test
    public void itGivesUpAfterTheLastAttempt() {
        AtomicInteger attempts = new AtomicInteger();
        try {
            store.inTransaction(s -> {
                attempts.incrementAndGet();
                throw new PersistenceException(new SQLException("deadlock", "40001"));
            });
            fail();
        } catch (PersistenceException e) {
            assertEquals(Store.ATTEMPTS, attempts.get());
        }
    }

    @Test
    public void otherFailuresAreNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        try {
            store.inTransaction(s -> {
                attempts.incrementAndGet();
                throw ProblemException.conflict("x", "冲突");
            });
            fail();
        } catch (ProblemException e) {
            assertEquals(1, attempts.get());
        }
        assertFalse(Store.isTransientConflict(new PersistenceException(new SQLException("unique", "23505"))));
        assertTrue(Store.isTransientConflict(new RuntimeException(new SQLException("deadlock", "40P01"))));
    }
}
