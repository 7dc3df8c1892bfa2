package org.ceportal.platform.internal;

import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.ceportal.platform.persistence.Store;

/** A module's store: sessions of its own MyBatis configuration, never auto-committing. */
record ModuleStore(SqlSessionFactory factory) implements Store {
    @Override
    public SqlSession session() {
        return factory.openSession(false);
    }

    @Override
    public SqlSession batchSession() {
        return factory.openSession(ExecutorType.BATCH, false);
    }
}
