package org.ceportal.platform.internal;

import java.util.function.Function;

import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.ceportal.platform.persistence.Store;

/**
 * A module's store: sessions of its own MyBatis configuration, never auto-committing,
 * over the connection of the thread's transaction when there is one.
 */
record ModuleStore(SqlSessionFactory factory, Transactions transactions) implements Store {
    @Override
    public SqlSession session() {
        return factory.openSession(false);
    }

    @Override
    public SqlSession batchSession() {
        return factory.openSession(ExecutorType.BATCH, false);
    }

    @Override
    public <T> T inTransaction(Function<SqlSession, T> work) {
        return transactions.run(() -> {
            try (SqlSession s = session()) {
                T result = work.apply(s);
                s.commit();
                return result;
            }
        });
    }

    @Override
    public void afterCommit(Runnable action) {
        transactions.afterCommit(action);
    }
}
