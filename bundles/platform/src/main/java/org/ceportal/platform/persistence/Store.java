package org.ceportal.platform.persistence;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import org.apache.ibatis.session.SqlSession;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One module's access to the database through its MyBatis mappers.
 *
 * <p><b>Writes go through {@link #inTransaction}</b>, the platform's one transaction
 * style. The transaction belongs to the thread: an {@code inTransaction} of any
 * module's store that runs inside another (e.g. the declarations bundle linking
 * attachments through the attachments bundle's service) joins it, so a change that
 * spans bundles commits or rolls back as one. Only the outermost one commits, and it
 * re-runs the whole transaction on a transient conflict.
 *
 * <p>{@link #session()} is for reads: inside a transaction it reads through the
 * transaction's connection (and sees its changes). A session that writes and is
 * closed without commit rolls the whole surrounding transaction back.
 */
@ProviderType
public interface Store {

    /** A new session; the caller closes it. */
    SqlSession session();

    /** A new batching session for bulk writes: flush every few hundred rows, commit once. */
    SqlSession batchSession();

    /**
     * Runs {@code work} with a session in the thread's transaction, opening one if
     * there is none (then it commits when the work returns). When the database reports
     * a transient conflict between concurrent transactions (SQLSTATE class 40: lock
     * timeout, deadlock, serialization failure) the outermost transaction is rolled
     * back and run again, up to {@link #ATTEMPTS} times in all, after a short random
     * pause; so the work must not have effects outside the database (use
     * {@link #afterCommit} for those). Anything else (including
     * {@code ProblemException}) rolls back everything and propagates.
     *
     * @since 1.1 (joins the thread's transaction since 1.2)
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

    /**
     * Runs {@code action} (e.g. deleting a file) once the thread's transaction has
     * committed, or at once when there is none. Not run when it rolls back.
     *
     * @since 1.2
     */
    default void afterCommit(Runnable action) {
        action.run();
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
