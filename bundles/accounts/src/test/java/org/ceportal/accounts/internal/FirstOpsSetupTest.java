package org.ceportal.accounts.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.internal.TestClock;
import org.ceportal.platform.internal.TestStores;
import org.ceportal.platform.persistence.Store;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class FirstOpsSetupTest {
    private static final String PASSWORD = "长而好记的一句话2026";

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private Store store;
    private TestClock clock;
    private StaffAccounts staff;
    private Path file;
    private FirstOpsSetup setup;

    @Before
    public void setUp() {
        store = TestStores.migrated("accounts", AccountMapper.class);
        clock = new TestClock(Instant.parse("2026-12-31T15:00:00Z"));
        staff = new StaffAccounts(store, new RegistrationServiceTest.Directory(), new PasswordPolicy(Set.of("12345678")),
                new PasswordHasher(1000), clock);
        file = folder.getRoot().toPath().resolve("data/ceportal/setup-token.txt");
        setup = new FirstOpsSetup(store, staff, file, Duration.ofMinutes(60), clock);
    }

    private String token() throws Exception {
        return Files.readString(file, StandardCharsets.US_ASCII).strip();
    }

    private ProblemException refused(String token, String login) {
        try {
            setup.createOps(token, login, "省运维", PASSWORD, "127.0.0.1");
        } catch (ProblemException e) {
            return e;
        }
        fail("setup should have been refused");
        return null;
    }

    @Test
    public void aStartWithoutOpsWritesAOneTimeTokenThatOnlyTheOwnerCanRead() throws Exception {
        setup.start();
        assertTrue(setup.needed());
        String token = token();
        assertTrue(token, token.matches("[A-Z2-9]{4}(-[A-Z2-9]{4}){4}"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        assertEquals(403, refused("AAAA-BBBB-CCCC-DDDD-EEEE", "henan.ops").status());
        assertEquals(400, refused(token, "1-not-a-login").status()); // field errors do not use the token up
        long id = setup.createOps(token.toLowerCase(), "henan.ops", "省运维", PASSWORD, "127.0.0.1");
        assertTrue(id > 0);
        assertFalse(setup.needed());
        assertFalse("the used token's file is deleted", Files.exists(file));
        assertEquals(409, refused(token, "second.ops").status());
    }

    @Test
    public void aTokenExpires() throws Exception {
        setup.start();
        String token = token();
        clock.advance(Duration.ofMinutes(61));
        assertEquals("setup_token_invalid", refused(token, "henan.ops").code());
        // the next start makes a new one
        setup.start();
        assertTrue(setup.createOps(token(), "henan.ops", "省运维", PASSWORD, null) > 0);
    }

    @Test
    public void anOpsAccountFromTheConsoleEndsEverySetupToken() throws Exception {
        setup.start();
        String token = token();
        staff.create("OPS", "console.ops", "控制台运维", null, PASSWORD, null);
        assertEquals(409, refused(token, "henan.ops").status());
        setup.start();
        assertFalse("a start with an ops account leaves no token file", Files.exists(file));
    }
}
