package org.ceportal.accounts.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.ceportal.platform.api.PageRequest;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.internal.TestStores;
import org.ceportal.platform.persistence.Store;
import org.ceportal.platform.security.Caller;
import org.ceportal.platform.security.Role;
import org.junit.Before;
import org.junit.Test;

public class UnitRegistrationsTest {
    private static final Caller LUOYANG_ADMIN = new Caller(100, "李主任", Role.UNIT_ADMIN, 7L);
    private static final Caller OTHER_ADMIN = new Caller(101, "张主任", Role.UNIT_ADMIN, 8L);
    private final List<String> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
    private UnitRegistrations unit;
    private long registrationId;

    @Before
    public void setUp() {
        Store store = TestStores.migrated("accounts", AccountMapper.class);
        Clock clock = Clock.fixed(Instant.parse("2026-12-31T15:00:00Z"), ZoneOffset.UTC);
        PasswordHasher hasher = new PasswordHasher(1000);
        new RegistrationService(store, new RegistrationServiceTest.Directory(), new PasswordPolicy(Set.of()), hasher,
                new Credentials(store, hasher, new LockoutPolicy(5, java.time.Duration.ofSeconds(60),
                        java.time.Duration.ofSeconds(600)), clock), clock)
                .register(RegistrationServiceTest.valid(), "127.0.0.1", RegistrationServiceTest.OK);
        unit = new UnitRegistrations(store, new RegistrationServiceTest.Directory(), clock,
                (account, title, body, link) -> sent.add(account + " " + title + " " + body));
        registrationId = unit.list(LUOYANG_ADMIN, "pending", new PageRequest(0, 20)).getItems().get(0).id();
    }

    private static UnitRegistrations.Decision decision(String what, String reason, Integer version) {
        UnitRegistrations.Decision d = new UnitRegistrations.Decision();
        d.decision = what;
        d.reason = reason;
        d.version = version;
        return d;
    }

    @Test
    public void anAdminSeesOnlyTheirOwnUnit() {
        assertEquals(1, unit.list(LUOYANG_ADMIN, null, new PageRequest(0, 20)).getTotal());
        assertEquals(0, unit.list(OTHER_ADMIN, "pending", new PageRequest(0, 20)).getTotal());
        try {
            unit.get(OTHER_ADMIN, registrationId);
            fail();
        } catch (ProblemException e) {
            assertEquals(404, e.status());
        }
        try {
            unit.decide(OTHER_ADMIN, registrationId, decision("approve", null, null), "127.0.0.1");
            fail();
        } catch (ProblemException e) {
            assertEquals(404, e.status());
        }
        assertEquals("pending", unit.get(LUOYANG_ADMIN, registrationId).state());
    }

    @Test
    public void aProfessionalCannotReview() {
        try {
            unit.list(new Caller(5, "王芳", Role.PROFESSIONAL, 7L), "pending", new PageRequest(0, 20));
            fail();
        } catch (ProblemException e) {
            assertEquals(403, e.status());
        }
    }

    @Test
    public void aRejectionNeedsAReasonAndIsShownWithIt() {
        try {
            unit.decide(LUOYANG_ADMIN, registrationId, decision("reject", " ", null), "127.0.0.1");
            fail();
        } catch (ProblemException e) {
            assertEquals("reason", e.errors().get(0).field());
        }
        UnitRegistrations.View done = unit.decide(LUOYANG_ADMIN, registrationId, decision("reject", "部门选错了", 0), "127.0.0.1");
        assertEquals("rejected", done.state());
        assertEquals("部门选错了", done.rejectReason());
        assertEquals(List.of(registrationId + " 您的注册申请未通过审核 原因：部门选错了"), sent);
        assertEquals(1, unit.list(LUOYANG_ADMIN, "rejected", new PageRequest(0, 20)).getTotal());
    }

    @Test
    public void theInboxCountsTheUnitsPendingRegistrations() {
        assertEquals(1, unit.pending(LUOYANG_ADMIN).count());
        assertEquals(Instant.parse("2026-12-31T15:00:00Z"), unit.pending(LUOYANG_ADMIN).oldestSubmittedAt());
        assertEquals(0, unit.pending(OTHER_ADMIN).count());
        assertEquals(0, unit.pending(new Caller(1, "专技", Role.PROFESSIONAL, 7L)).count());
    }

    @Test
    public void ofTwoDecisionsAtOnceExactlyOneWins() throws Exception {
        int n = 8;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String what = i % 2 == 0 ? "approve" : "reject";
            Callable<String> task = () -> {
                start.await();
                try {
                    unit.decide(LUOYANG_ADMIN, registrationId, decision(what, "资料不全", 0), "127.0.0.1");
                    return "won";
                } catch (ProblemException e) {
                    return e.code();
                }
            };
            results.add(pool.submit(task));
        }
        start.countDown();
        int won = 0;
        for (Future<String> f : results) {
            String r = f.get();
            if (r.equals("won")) {
                won++;
            } else {
                assertEquals("already_decided", r);
            }
        }
        pool.shutdown();
        assertEquals(1, won);
    }

    @Test
    public void aStaleVersionIsAConflict() {
        try {
            unit.decide(LUOYANG_ADMIN, registrationId, decision("approve", null, 5), "127.0.0.1");
            fail();
        } catch (ProblemException e) {
            assertEquals(409, e.status());
        }
    }
}
