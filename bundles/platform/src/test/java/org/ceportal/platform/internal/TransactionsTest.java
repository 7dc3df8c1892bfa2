package org.ceportal.platform.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import org.apache.ibatis.session.SqlSession;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.persistence.Store;
import org.junit.Before;
import org.junit.Test;

/** One change across two modules' stores is one transaction. */
public class TransactionsTest {
    private Store first;
    private Store second;

    @Before
    public void setUp() throws Exception {
        TestStores.Shared db = TestStores.shared();
        first = db.migrated("txa");
        second = db.migrated("txb");
        first.inTransaction(s -> update(s, "CREATE TABLE a (v INT)"));
        second.inTransaction(s -> update(s, "CREATE TABLE b (v INT)"));
    }

    private static int update(SqlSession s, String sql) {
        try {
            return s.getConnection().createStatement().executeUpdate(sql);
        } catch (java.sql.SQLException e) {
            throw new org.apache.ibatis.exceptions.PersistenceException(e);
        }
    }

    private int count(Store store, String table) throws Exception {
        try (SqlSession s = store.session(); ResultSet rs = s.getConnection().createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    public void aFailureInTheSecondModuleUndoesTheFirstModulesWrite() throws Exception {
        try {
            first.inTransaction(s -> {
                update(s, "INSERT INTO a VALUES (1)");
                return second.inTransaction(t -> {
                    update(t, "INSERT INTO b VALUES (1)");
                    throw ProblemException.conflict("x", "冲突");
                });
            });
            fail();
        } catch (ProblemException expected) {
            // both inserts are gone
        }
        assertEquals(0, count(first, "a"));
        assertEquals(0, count(second, "b"));
    }

    @Test
    public void bothCommitTogetherAndInnerCommitsWaitForTheOuter() throws Exception {
        first.inTransaction(s -> {
            update(s, "INSERT INTO a VALUES (1)");
            second.inTransaction(t -> update(t, "INSERT INTO b VALUES (1)"));
            try {
                assertEquals("the thread reads its own transaction's changes", 1, count(second, "b"));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            return null;
        });
        assertEquals(1, count(first, "a"));
        assertEquals(1, count(second, "b"));
    }

    @Test
    public void actionsAfterCommitRunOnlyWhenItCommits() {
        List<String> ran = new ArrayList<>();
        first.inTransaction(s -> {
            second.afterCommit(() -> ran.add("committed"));
            assertTrue("not before the commit", ran.isEmpty());
            return null;
        });
        assertEquals(List.of("committed"), ran);
        try {
            first.inTransaction(s -> {
                second.afterCommit(() -> ran.add("rolled back"));
                throw ProblemException.conflict("x", "冲突");
            });
        } catch (ProblemException expected) {
            // the action is dropped
        }
        assertEquals(List.of("committed"), ran);
    }

    @Test
    public void aWriteClosedWithoutCommitInsideRollsBackTheWhole() throws Exception {
        try {
            first.inTransaction(s -> {
                update(s, "INSERT INTO a VALUES (1)");
                try (SqlSession t = second.session()) {
                    t.getConnection().createStatement().executeUpdate("INSERT INTO b VALUES (1)");
                    t.rollback(true); // what closing a dirty MyBatis session without commit does
                } catch (java.sql.SQLException e) {
                    throw new AssertionError(e);
                }
                return null;
            });
            fail("the transaction should refuse to commit");
        } catch (org.apache.ibatis.exceptions.PersistenceException expected) {
            // rolled back as a whole
        }
        assertEquals(0, count(first, "a"));
        assertEquals(0, count(second, "b"));
    }
}
