package org.ceportal.accounts.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;

import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.internal.TestStores;
import org.ceportal.platform.persistence.Store;
import org.junit.Before;
import org.junit.Test;

public class StaffAccountsTest {
    private Store store;
    private StaffAccounts staff;

    @Before
    public void setUp() {
        store = TestStores.migrated("accounts", AccountMapper.class);
        staff = new StaffAccounts(store, new RegistrationServiceTest.Directory(), new PasswordPolicy(Set.of("12345678")),
                new PasswordHasher(1000), Clock.systemUTC());
    }

    @Test
    public void opsAndUnitAdminsAreCreatedApproved() {
        long ops = staff.create("ops", "henan.ops", "省运维", null, "长而好记的一句话2026", null);
        long admin = staff.create("UNIT_ADMIN", "ly-school-admin", "张老师", 7L, "长而好记的另一句话2026", ops);
        try (var s = store.session()) {
            AccountRow a = s.getMapper(AccountMapper.class).findByLogin("UNIT_ADMIN", "ly-school-admin");
            assertEquals(admin, (long) a.id);
            assertEquals("approved", a.state);
            assertEquals(Long.valueOf(7), a.unitId);
            assertTrue(a.passwordHash.startsWith("pbkdf2-sha256$"));
            assertEquals("OPS", s.getMapper(AccountMapper.class).findByLogin("OPS", "henan.ops").role);
        }
    }

    @Test
    public void aLoginIsTakenOncePerRole() {
        staff.create("OPS", "henan.ops", "省运维", null, "长而好记的一句话2026", null);
        assertEquals(409, problem(() -> staff.create("OPS", "henan.ops", "别人", null, "另外一个长密码123", null)).status());
    }

    @Test
    public void badInputIsNamedField() {
        ProblemException e = problem(() -> staff.create("ROOT", "1x", "", 99L, "12345678", null));
        Set<String> fields = e.errors().stream().map(f -> f.field()).collect(Collectors.toSet());
        assertEquals(Set.of("role", "login", "name", "password"), fields);
        assertEquals(Set.of("unitId"), problem(() -> staff.create("UNIT_ADMIN", "admin1", "张", 99L, "长而好记的一句话2026", null))
                .errors().stream().map(f -> f.field()).collect(Collectors.toSet()));
        assertEquals(Set.of("password"), problem(() -> staff.create("OPS", "opsuser1", "王", null, "OPSUSER1", null))
                .errors().stream().map(f -> f.field()).collect(Collectors.toSet()));
    }

    private static ProblemException problem(Runnable call) {
        try {
            call.run();
        } catch (ProblemException e) {
            return e;
        }
        fail("expected a problem");
        return null;
    }
}
