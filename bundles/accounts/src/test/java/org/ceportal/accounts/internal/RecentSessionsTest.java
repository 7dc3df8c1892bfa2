package org.ceportal.accounts.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.ceportal.platform.internal.TestClock;
import org.ceportal.platform.internal.TestStores;
import org.ceportal.platform.persistence.Store;
import org.junit.Before;
import org.junit.Test;

/**
 * Two nodes share the database; node B remembers the sessions it read for 2 s. Its reads
 * (GET) use them, its writes never do, and what ends a session on B counts on B at once. The only node of an
 * embedded database uses them for writes too.
 */
public class RecentSessionsTest {
    private static final String PASSWORD = "审核员的长密码2026";

    private TestClock clock;
    private Store store;
    private Sessions nodeA;
    private Sessions nodeB;
    private Sessions sole;

    @Before
    public void setUp() {
        store = TestStores.migrated("accounts", AccountMapper.class);
        clock = new TestClock(Instant.parse("2026-12-31T15:00:00Z"));
        PasswordPolicy policy = new PasswordPolicy(Set.of("12345678"));
        PasswordHasher hasher = new PasswordHasher(1000);
        Credentials credentials = new Credentials(store, hasher,
                new LockoutPolicy(3, Duration.ofSeconds(60), Duration.ofSeconds(600)), clock);
        nodeA = new Sessions(store, policy, hasher, credentials, Duration.ofMinutes(30), Duration.ofHours(12), clock);
        nodeB = new Sessions(store, policy, hasher, credentials, Duration.ofMinutes(30), Duration.ofHours(12), clock,
                new RecentSessions(2, clock));
        sole = new Sessions(store, policy, hasher, credentials, Duration.ofMinutes(30), Duration.ofHours(12), clock,
                new RecentSessions(2, clock, true));
        new StaffAccounts(store, new RegistrationServiceTest.Directory(), policy, hasher, clock)
                .create("UNIT_ADMIN", "ly-admin", "李主任", 7L, PASSWORD, null);
    }

    private Sessions.NewSession login(Sessions node) {
        Sessions.LoginRequest r = new Sessions.LoginRequest();
        r.userType = "unit_admin";
        r.account = "ly-admin";
        r.password = PASSWORD;
        r.captchaId = "c1";
        r.captchaAnswer = "1234";
        return node.login(r, "127.0.0.1", (id, answer) -> true);
    }

    @Test
    public void aLogoutThroughAnotherNodeCountsForWritesAtOnceAndForReadsWithinTheBound() {
        Sessions.NewSession s = login(nodeA);
        assertTrue(nodeB.current(s.token(), true).isPresent());
        nodeA.logout(nodeA.current(s.token()).orElseThrow(), "127.0.0.1");

        assertTrue("a read within 2 s is given from memory", nodeB.current(s.token(), true).isPresent());
        clock.advance(Duration.ofMillis(2100));
        assertFalse(nodeB.current(s.token(), true).isPresent());

        Sessions.NewSession again = login(nodeA);
        assertTrue(nodeB.current(again.token(), true).isPresent());
        nodeA.logout(nodeA.current(again.token()).orElseThrow(), "127.0.0.1");
        assertFalse("a write reads the database", nodeB.current(again.token(), false).isPresent());
        assertFalse("and what it found counts for reads too", nodeB.current(again.token(), true).isPresent());
    }

    @Test
    public void aLogoutOrPasswordChangeOnTheSameNodeCountsAtOnce() {
        Sessions.NewSession s = login(nodeB);
        nodeB.logout(nodeB.current(s.token(), true).orElseThrow(), "127.0.0.1");
        assertFalse(nodeB.current(s.token(), true).isPresent());

        Sessions.NewSession desk = login(nodeB);
        Sessions.NewSession phone = login(nodeB);
        assertTrue(nodeB.current(phone.token(), true).isPresent());
        nodeB.changePassword(nodeB.current(desk.token(), false).orElseThrow(), PASSWORD, "另一个足够长的新密码", "127.0.0.1");
        assertFalse(nodeB.current(phone.token(), true).isPresent());
        assertTrue(nodeB.current(desk.token(), true).isPresent());
    }

    /**
     * Embedded Derby: this node is the only one, so its writes use the session it read too (the row deleted behind
     * its back, which only another node could do, still serves for the bound), and what it changes itself counts at
     * once.
     */
    @Test
    public void onTheOnlyNodeWritesUseTheKeptSessionAndItsOwnChangesCountAtOnce() {
        Sessions.NewSession s = login(sole);
        assertTrue(sole.current(s.token(), false).isPresent());
        store.inTransaction(x -> x.getMapper(AccountMapper.class).deleteSession(Sessions.hash(s.token())));
        assertTrue("a write is served from memory", sole.current(s.token(), false).isPresent());
        clock.advance(Duration.ofMillis(2100));
        assertFalse(sole.current(s.token(), false).isPresent());

        Sessions.NewSession desk = login(sole);
        Sessions.NewSession phone = login(sole);
        assertTrue(sole.current(phone.token(), false).isPresent());
        sole.changePassword(sole.current(desk.token(), false).orElseThrow(), PASSWORD, "另一个足够长的新密码", "127.0.0.1");
        assertFalse("the other session ends for writes at once", sole.current(phone.token(), false).isPresent());
        sole.logout(sole.current(desk.token(), false).orElseThrow(), "127.0.0.1");
        assertFalse(sole.current(desk.token(), false).isPresent());
    }

    @Test
    public void theIdleTimerIsStillRenewedInTheDatabase() {
        Sessions.NewSession s = login(nodeA);
        for (int minute = 0; minute < 45; minute++) {
            assertTrue("minute " + minute, nodeB.current(s.token(), true).isPresent());
            clock.advance(Duration.ofSeconds(59));
        }
        // read through node A alone for 45 minutes, the session would have been idle for 30
        assertEquals(s.csrfToken(), nodeA.current(s.token()).orElseThrow().csrfToken());
    }
}
