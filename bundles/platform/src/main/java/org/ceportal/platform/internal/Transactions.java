package org.ceportal.platform.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.apache.ibatis.exceptions.PersistenceException;
import org.ceportal.platform.persistence.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's one transaction style: a transaction belongs to the thread. The
 * outermost {@link #run} takes a connection from the pool, binds it to the thread and
 * commits it when the work returns (rolls it back when the work throws); every
 * module store used on that thread meanwhile — whichever bundle it belongs to — gets
 * the same connection through {@link #dataSource()}, so a change that spans bundles
 * commits or rolls back as one. A {@code commit()} or {@code close()} of a MyBatis
 * session inside does nothing; a rollback inside marks the whole transaction to be
 * rolled back. Transient conflicts (SQLSTATE class 40) re-run the whole transaction.
 */
final class Transactions {
    private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);

    private final DataSource raw;
    private final DataSource scoped;
    private final ThreadLocal<Scope> current = new ThreadLocal<>();

    Transactions(DataSource raw) {
        this.raw = raw;
        this.scoped = (DataSource) Proxy.newProxyInstance(Transactions.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, this::dataSourceCall);
    }

    /** The DataSource of the module stores: the thread's transaction's connection while there is one. */
    DataSource dataSource() {
        return scoped;
    }

    boolean active() {
        return current.get() != null;
    }

    /** Runs {@code action} once the outermost transaction has committed; at once when none is open. */
    void afterCommit(Runnable action) {
        Scope scope = current.get();
        if (scope == null) {
            action.run();
        } else {
            scope.afterCommit.add(action);
        }
    }

    /** Runs the work in the thread's transaction, opening (and finally committing) one if there is none. */
    <T> T run(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        for (int attempt = 1;; attempt++) {
            Scope scope;
            try {
                scope = new Scope(raw.getConnection());
            } catch (SQLException e) {
                throw new PersistenceException("no database connection: " + e.getMessage(), e);
            }
            current.set(scope);
            try {
                T result = work.get();
                if (scope.rollbackOnly) {
                    throw new PersistenceException("a part of the transaction was rolled back, so all of it is");
                }
                scope.connection.commit();
                current.remove();
                for (Runnable action : scope.afterCommit) {
                    try {
                        action.run();
                    } catch (RuntimeException e) {
                        LOG.warn("An action after commit failed: {}", e.toString(), e);
                    }
                }
                return result;
            } catch (RuntimeException | SQLException e) {
                rollback(scope);
                RuntimeException failure = e instanceof RuntimeException r ? r : new PersistenceException(e.getMessage(), e);
                if (attempt >= Store.ATTEMPTS || !Store.isTransientConflict(e)) {
                    throw failure;
                }
                pause(attempt, failure);
            } finally {
                current.remove();
                scope.close();
            }
        }
    }

    private static void pause(int attempt, RuntimeException failure) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 25L * attempt));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }

    private static void rollback(Scope scope) {
        try {
            scope.connection.rollback();
        } catch (SQLException e) {
            LOG.warn("Rollback failed: {}", e.getMessage());
        }
    }

    private Object dataSourceCall(Object proxy, Method method, Object[] args) throws Throwable {
        Scope scope = current.get();
        if (scope != null && method.getName().equals("getConnection")) {
            return scope.shared;
        }
        return invoke(raw, method, args);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** One open transaction: its connection, and the view of it that the sessions inside get. */
    private static final class Scope implements InvocationHandler {
        final Connection connection;
        final Connection shared;
        final List<Runnable> afterCommit = new ArrayList<>();
        boolean rollbackOnly;

        Scope(Connection connection) throws SQLException {
            this.connection = connection;
            connection.setAutoCommit(false);
            this.shared = (Connection) Proxy.newProxyInstance(Transactions.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, this);
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "close", "commit", "setAutoCommit":
                    return null; // the outermost run() decides
                case "rollback":
                    if (args == null || args.length == 0) {
                        rollbackOnly = true;
                        return null;
                    }
                    break;
                case "isClosed":
                    return false;
                case "unwrap":
                    if (args != null && args.length == 1 && args[0] == Connection.class) {
                        return proxy;
                    }
                    break;
                default:
                    break;
            }
            return Transactions.invoke(connection, method, args);
        }

        void close() {
            try {
                connection.setAutoCommit(true);
            } catch (SQLException e) {
                // the pool validates connections it hands out
            }
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.warn("Closing a connection failed: {}", e.getMessage());
            }
        }
    }
}
