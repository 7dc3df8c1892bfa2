package org.ceportal.accounts.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.BiPredicate;

import org.apache.ibatis.session.SqlSession;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.internal.TestClock;
import org.ceportal.platform.internal.TestStores;
import org.ceportal.platform.persistence.Store;
import org.ceportal.platform.security.Role;
import org.junit.Before;
import org.junit.Test;

public class SessionsTest {
    private static final BiPredicate<String, String> RIGHT_CAPTCHA = (id, answer) -> true;
    private static final String PASSWORD = "洛阳牡丹2026春";

    private Store store;
    private TestClock clock;
    private Sessions sessions;
    private RegistrationService registrations;
    private long adminId;

    @Before
    public void setUp() {
        store = TestStores.migrated("accounts", AccountMapper.class);
        clock = new TestClock(Instant.parse("2026-12-31T15:00:00Z"));
        PasswordPolicy policy = new PasswordPolicy(Set.of("12345678"));
        PasswordHasher hasher = new PasswordHasher(1000);
        Credentials credentials = new Credentials(store, hasher,
                new LockoutPolicy(3, Duration.ofSeconds(60), Duration.ofSeconds(600)), clock);
        registrations = new RegistrationService(store, new RegistrationServiceTest.Directory(), policy, hasher, credentials, clock);
        sessions = new Sessions(store, policy, hasher, credentials, Duration.ofMinutes(30), Duration.ofHours(12), clock);
        adminId = new StaffAccounts(store, new RegistrationServiceTest.Directory(), policy, hasher, clock)
                .create("UNIT_ADMIN", "ly-admin", "李主任", 7L, "审核员的长密码2026", null);
    }

    private static Sessions.LoginRequest login(String type, String account, String password) {
        Sessions.LoginRequest r = new Sessions.LoginRequest();
        r.userType = type;
        r.account = account;
        r.password = password;
        r.captchaId = "c1";
        r.captchaAnswer = "1234";
        return r;
    }

    private ProblemException refused(Sessions.LoginRequest r, BiPredicate<String, String> captcha) {
        try {
            sessions.login(r, "127.0.0.1", captcha);
        } catch (ProblemException e) {
            return e;
        }
        throw new AssertionError("login should have been refused");
    }

    private void approve(String state) {
        try (SqlSession s = store.session()) {
            s.getConnection().createStatement().executeUpdate("UPDATE account SET state = '" + state
                    + "', reject_reason = '单位名称填写错误' WHERE role = 'PROFESSIONAL'");
            s.commit();
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    public void theGuidesThreeMessages() {
        registrations.register(RegistrationServiceTest.valid(), "127.0.0.1", RegistrationServiceTest.OK);
        ProblemException captcha = refused(login("professional", RegistrationServiceTest.ID, PASSWORD), (id, a) -> false);
        assertEquals(400, captcha.status());
        assertEquals("验证码错误", captcha.getMessage());

        ProblemException wrong = refused(login("professional", RegistrationServiceTest.ID, "wrong password"), RIGHT_CAPTCHA);
        assertEquals(401, wrong.status());
        assertEquals("账户或密码错误", wrong.getMessage());
        ProblemException unknown = refused(login("professional", "410302199003071248", PASSWORD), RIGHT_CAPTCHA);
        assertEquals("账户或密码错误", unknown.getMessage());
        ProblemException wrongType = refused(login("unit_admin", RegistrationServiceTest.ID, PASSWORD), RIGHT_CAPTCHA);
        assertEquals("账户或密码错误", wrongType.getMessage());

        ProblemException pending = refused(login("professional", RegistrationServiceTest.ID, PASSWORD), RIGHT_CAPTCHA);
        assertEquals(403, pending.status());
        assertEquals("此账号还未被审核", pending.getMessage());

        approve("rejected");
        ProblemException rejected = refused(login("professional", RegistrationServiceTest.ID, PASSWORD), RIGHT_CAPTCHA);
        assertEquals("registration_rejected", rejected.code());
        assertTrue(rejected.getMessage(), rejected.getMessage().contains("单位名称填写错误"));

        approve("approved");
        Sessions.NewSession s = sessions.login(login("professional", RegistrationServiceTest.ID.toLowerCase(), PASSWORD), "127.0.0.1", RIGHT_CAPTCHA);
        assertEquals(Role.PROFESSIONAL, s.caller().role());
        assertEquals("王芳", s.caller().name());
        assertEquals(Long.valueOf(7), s.caller().unitId());
    }

    @Test
    public void theTokenIsStoredOnlyAsAHash() throws Exception {
        Sessions.NewSession s = sessions.login(login("unit_admin", "ly-admin", "审核员的长密码2026"), "127.0.0.1", RIGHT_CAPTCHA);
        assertEquals(22, s.token().length());
        try (SqlSession db = store.session();
                var rs = db.getConnection().createStatement().executeQuery("SELECT token_hash FROM login_session")) {
            assertTrue(rs.next());
            assertEquals(Sessions.hash(s.token()), rs.getString(1));
            assertNotEquals(s.token(), rs.getString(1));
        }
        assertEquals(adminId, sessions.current(s.token()).orElseThrow().caller().accountId());
        String forged = (s.token().charAt(0) == 'A' ? "B" : "A") + s.token().substring(1);
        assertTrue(sessions.current(forged).isEmpty());
    }

    @Test
    public void idleAndAbsoluteTimeoutsEndSessions() {
        Sessions.NewSession s = sessions.login(login("unit_admin", "ly-admin", "审核员的长密码2026"), "127.0.0.1", RIGHT_CAPTCHA);
        for (int i = 0; i < 23; i++) { // 23 × 29 min of steady use: kept alive by use, until 12 h have passed
            clock.advance(Duration.ofMinutes(29));
            assertTrue("after " + (i + 1) * 29 + " min", sessions.current(s.token()).isPresent());
        }
        clock.advance(Duration.ofMinutes(29)); // 696 min
        assertTrue(sessions.current(s.token()).isPresent());
        clock.advance(Duration.ofMinutes(25)); // 721 min > 12 h
        assertFalse(sessions.current(s.token()).isPresent());

        Sessions.NewSession idle = sessions.login(login("unit_admin", "ly-admin", "审核员的长密码2026"), "127.0.0.1", RIGHT_CAPTCHA);
        clock.advance(Duration.ofMinutes(31));
        assertFalse(sessions.current(idle.token()).isPresent());
    }

    @Test
    public void aLoginWithoutAnAccountLocksExactlyLikeOneWith() {
        for (int i = 0; i < 3; i++) {
            assertEquals("bad_credentials", refused(login("unit_admin", "ly-admin", "guess-" + i), RIGHT_CAPTCHA).code());
            assertEquals("bad_credentials", refused(login("unit_admin", "no-such-admin", "guess-" + i), RIGHT_CAPTCHA).code());
        }
        ProblemException real = refused(login("unit_admin", "ly-admin", "guess-3"), RIGHT_CAPTCHA);
        ProblemException unknown = refused(login("unit_admin", "no-such-admin", "guess-3"), RIGHT_CAPTCHA);
        assertEquals(429, unknown.status());
        assertEquals(real.code(), unknown.code());
        assertEquals(real.getMessage(), unknown.getMessage());
        clock.advance(Duration.ofSeconds(61));
        assertEquals("bad_credentials", refused(login("unit_admin", "no-such-admin", "guess-4"), RIGHT_CAPTCHA).code());
        assertEquals("密码错误次数过多，账户已暂时锁定，请2分钟后再试",
                refused(login("unit_admin", "no-such-admin", "guess-5"), RIGHT_CAPTCHA).getMessage());
    }

    @Test
    public void repeatedWrongPasswordsLockTheAccountForAGrowingTime() {
        for (int i = 0; i < 3; i++) {
            assertEquals("bad_credentials", refused(login("unit_admin", "ly-admin", "guess-" + i), RIGHT_CAPTCHA).code());
        }
        ProblemException locked = refused(login("unit_admin", "ly-admin", "审核员的长密码2026"), RIGHT_CAPTCHA);
        assertEquals(429, locked.status());
        assertEquals("密码错误次数过多，账户已暂时锁定，请1分钟后再试", locked.getMessage());
        clock.advance(Duration.ofSeconds(61));
        assertEquals("bad_credentials", refused(login("unit_admin", "ly-admin", "guess-again"), RIGHT_CAPTCHA).code());
        ProblemException longer = refused(login("unit_admin", "ly-admin", "审核员的长密码2026"), RIGHT_CAPTCHA);
        assertEquals("密码错误次数过多，账户已暂时锁定，请2分钟后再试", longer.getMessage());
        clock.advance(Duration.ofSeconds(121));
        sessions.login(login("unit_admin", "ly-admin", "审核员的长密码2026"), "127.0.0.1", RIGHT_CAPTCHA);
        // the count starts again after a good login
        for (int i = 0; i < 2; i++) {
            refused(login("unit_admin", "ly-admin", "guess-" + i), RIGHT_CAPTCHA);
        }
        sessions.login(login("unit_admin", "ly-admin", "审核员的长密码2026"), "127.0.0.1", RIGHT_CAPTCHA);
    }

    @Test
    public void changingThePasswordEndsTheOtherSessionsOnly() {
        Sessions.NewSession phone = sessions.login(login("unit_admin", "ly-admin", "审核员的长密码2026"), "127.0.0.1", RIGHT_CAPTCHA);
        Sessions.NewSession desk = sessions.login(login("unit_admin", "ly-admin", "审核员的长密码2026"), "127.0.0.1", RIGHT_CAPTCHA);
        Sessions.Current current = sessions.current(desk.token()).orElseThrow();
        try {
            sessions.changePassword(current, "not it", "另一个足够长的新密码", "127.0.0.1");
            fail();
        } catch (ProblemException e) {
            assertEquals("currentPassword", e.errors().get(0).field());
            assertEquals("当前密码不正确", e.errors().get(0).message());
        }
        try {
            sessions.changePassword(current, "审核员的长密码2026", "12345678", "127.0.0.1");
            fail();
        } catch (ProblemException e) {
            assertEquals("newPassword", e.errors().get(0).field());
        }
        assertTrue(sessions.current(phone.token()).isPresent());
        sessions.changePassword(current, "审核员的长密码2026", "另一个足够长的新密码", "127.0.0.1");
        assertFalse(sessions.current(phone.token()).isPresent());
        assertTrue(sessions.current(desk.token()).isPresent());
        assertEquals("bad_credentials", refused(login("unit_admin", "ly-admin", "审核员的长密码2026"), RIGHT_CAPTCHA).code());
        sessions.login(login("unit_admin", "ly-admin", "另一个足够长的新密码"), "127.0.0.1", RIGHT_CAPTCHA);
    }

    @Test
    public void logoutEndsTheSessionOnTheServer() {
        Sessions.NewSession s = sessions.login(login("unit_admin", "ly-admin", "审核员的长密码2026"), "127.0.0.1", RIGHT_CAPTCHA);
        sessions.logout(sessions.current(s.token()).orElseThrow(), "127.0.0.1");
        assertFalse(sessions.current(s.token()).isPresent());
    }

    @Test
    public void parallelWrongGuessesGetNoMoreThanTheFreeFailures() throws Exception {
        int guessers = 12;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(guessers);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < guessers; i++) {
            String guess = "猜测的密码" + i;
            answers.add(pool.submit(() -> {
                start.await();
                return refused(login("unit_admin", "ly-admin", guess), RIGHT_CAPTCHA).status();
            }));
        }
        start.countDown();
        int compared = 0;
        int locked = 0;
        for (java.util.concurrent.Future<Integer> a : answers) {
            int status = a.get(60, java.util.concurrent.TimeUnit.SECONDS);
            compared += status == 401 ? 1 : 0;
            locked += status == 429 ? 1 : 0;
        }
        pool.shutdown();
        assertEquals("guesses that got a password compared", 3, compared);
        assertEquals(guessers - 3, locked);
    }

    @Test
    public void missingFieldsAreNamed() {
        try {
            sessions.login(new Sessions.LoginRequest(), "127.0.0.1", RIGHT_CAPTCHA);
            fail();
        } catch (ProblemException e) {
            assertEquals(400, e.status());
            assertEquals(4, e.errors().size());
        }
    }
}
