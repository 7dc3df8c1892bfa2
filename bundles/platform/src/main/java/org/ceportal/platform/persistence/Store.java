package org.ceportal.platform.persistence;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import org.apache.ibatis.session.SqlSession;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One module's access to the database through its MyBatis mappers.
 *
 * <p>Sessions do not auto-commit. Use them in try-with-resources and call
 * {@code commit()}; closing without commit rolls back, so a failure never leaves a
 * half-written record.
 */
@ProviderType
public interface Store {

    /** A new session; the caller closes it. */
    SqlSession session();

    /** A new batching session for bulk writes: flush every few hundred rows, commit once. */
    SqlSession batchSession();

    /**
     * Runs {@code work} in a new session and commits it. When the database reports a
     * transient conflict between concurrent transactions (SQLSTATE class 40: lock
     * timeout, deadlock, serialization failure) the whole transaction is rolled back
     * and run again, up to {@link #ATTEMPTS} times in all, after a short random pause.
     * Anything else (including {@code ProblemException}) rolls back and propagates.
     *
     * @since 1.1
     */
    default <T> T inTransaction(Function<SqlSession, T> work) {
        for (int attempt = 1;; attempt++) {
            try (SqlSession s = session()) {
                T result = work.apply(s);
                s.commit();
                return result;
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !isTransientConflict(e)) {
                    throw e;
                }
                try {
                    Thread.sleep(ThreadLocalRandom.current().nextLong(5, 25L * attempt));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** How often {@link #inTransaction} tries a transaction. */
    int ATTEMPTS = 4;

    /** True when a {@link SQLException} in the causes has an SQLSTATE of class 40 (transaction rollback). */
    static boolean isTransientConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("40")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
