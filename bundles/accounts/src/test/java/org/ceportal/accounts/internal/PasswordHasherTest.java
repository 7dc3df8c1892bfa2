package org.ceportal.accounts.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.Base64;

import org.junit.Test;

public class PasswordHasherTest {
    /** Few iterations, for speed; production uses {@link PasswordHasher#DEFAULT_ITERATIONS}. */
    private final PasswordHasher hasher = new PasswordHasher(1000);

    @Test
    public void defaultIsOwasp2023Count() {
        assertEquals(600_000, new PasswordHasher().iterations());
    }

    @Test
    public void roundTrip() {
        String encoded = hasher.hash("correct horse 电池".toCharArray());
        assertTrue(hasher.verify("correct horse 电池".toCharArray(), encoded));
    }

    @Test
    public void wrongPasswordDoesNotVerify() {
        String encoded = hasher.hash("correct horse".toCharArray());
        assertFalse(hasher.verify("correct horsf".toCharArray(), encoded));
        assertFalse(hasher.verify("Correct horse".toCharArray(), encoded));
        assertFalse(hasher.verify(new char[0], encoded));
    }

    @Test
    public void encodingHasTheDocumentedShape() {
        String encoded = hasher.hash("secret-password".toCharArray());
        String[] parts = encoded.split("\\$");
        assertEquals(4, parts.length);
        assertEquals("pbkdf2-sha256", parts[0]);
        assertEquals("1000", parts[1]);
        assertFalse(encoded.contains("="));
        assertEquals(16, Base64.getDecoder().decode(parts[2]).length);
        assertEquals(32, Base64.getDecoder().decode(parts[3]).length);
    }

    @Test
    public void sameKnownVectorAsOtherImplementations() {
        // PBKDF2-HMAC-SHA256("password", "salt", 1 iteration, 32 bytes) = 120fb6cf...b70be17b,
        // the widely published vector (also what Python's hashlib.pbkdf2_hmac gives).
        String salt = Base64.getEncoder().withoutPadding().encodeToString("salt".getBytes());
        String hash = "Eg+2z/z4syxD5yJSVsT4N6hlSMkszDVICAWYfLcL4Xs";
        String encoded = "pbkdf2-sha256$1$" + salt + "$" + hash;
        assertTrue(hasher.verify("password".toCharArray(), encoded));
        assertFalse(hasher.verify("Password".toCharArray(), encoded));
    }

    @Test
    public void saltMakesEveryHashDifferent() {
        String first = hasher.hash("same password".toCharArray());
        String second = hasher.hash("same password".toCharArray());
        assertNotEquals(first, second);
        assertTrue(hasher.verify("same password".toCharArray(), first));
        assertTrue(hasher.verify("same password".toCharArray(), second));
    }

    @Test
    public void olderIterationCountsStillVerify() {
        String old = new PasswordHasher(500).hash("some password".toCharArray());
        assertTrue(hasher.verify("some password".toCharArray(), old));
    }

    @Test
    public void malformedEncodingsAreFalseNotExceptions() {
        String good = hasher.hash("p".toCharArray());
        String[] parts = good.split("\\$");
        String[] malformed = {
            null, "", "$$$", "pbkdf2-sha256", "pbkdf2-sha256$1000$", "plain text password",
            "pbkdf2-sha1$1000$" + parts[2] + "$" + parts[3],
            "pbkdf2-sha256$0$" + parts[2] + "$" + parts[3],
            "pbkdf2-sha256$-5$" + parts[2] + "$" + parts[3],
            "pbkdf2-sha256$+1000$" + parts[2] + "$" + parts[3],
            "pbkdf2-sha256$abc$" + parts[2] + "$" + parts[3],
            "pbkdf2-sha256$99999999999$" + parts[2] + "$" + parts[3],
            "pbkdf2-sha256$2000000000$" + parts[2] + "$" + parts[3],
            "pbkdf2-sha256$1000$" + parts[2] + "$" + parts[3] + "$extra",
            "pbkdf2-sha256$1000$***$" + parts[3],
            "pbkdf2-sha256$1000$" + parts[2] + "$not base64!",
            "pbkdf2-sha256$1000$$" + parts[3],
            "pbkdf2-sha256$1000$" + parts[2] + "$",
            "pbkdf2-sha256$1000$" + parts[2] + "$AAAA",
        };
        for (String encoded : malformed) {
            assertFalse(String.valueOf(encoded), hasher.verify("p".toCharArray(), encoded));
            assertTrue(String.valueOf(encoded), hasher.needsRehash(encoded));
        }
        assertTrue(hasher.verify("p".toCharArray(), good));
    }

    @Test
    public void needsRehashWhenIterationsDiffer() {
        String current = hasher.hash("pw".toCharArray());
        assertFalse(hasher.needsRehash(current));
        assertTrue(new PasswordHasher(2000).needsRehash(current));
        assertTrue(hasher.needsRehash(new PasswordHasher(999).hash("pw".toCharArray())));
    }

    @Test
    public void dummyVerifyRunsWithoutAnAccount() {
        hasher.dummyVerify("whatever".toCharArray());
        hasher.dummyVerify(new char[0]);
        hasher.dummyVerify(null);
    }

    @Test
    public void rejectsUnreasonableIterationCounts() {
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(0));
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(-1));
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(PasswordHasher.MAX_ITERATIONS + 1));
    }

    // ---- Argon2id ----

    private final PasswordHasher argon2 = PasswordHasher.argon2id(new PasswordHasher.Argon2Cost(1024, 1, 1), 1000, 2);

    @Test
    public void argon2idMatchesTheReferenceImplementation() {
        // made with the reference argon2 command (Debian package argon2):
        // echo -n 洛阳牡丹2026春 | argon2 ceportal-salt-16 -id -t 2 -k 19456 -p 1 -l 32 -e
        String reference = "$argon2id$v=19$m=19456,t=2,p=1$Y2Vwb3J0YWwtc2FsdC0xNg$IkCrmHTl2xrimVdMc8RPefG2kpbu1dnIVtVRgJ3sNh8";
        assertTrue(argon2.verify("洛阳牡丹2026春".toCharArray(), reference));
        assertFalse(argon2.verify("洛阳牡丹2026秋".toCharArray(), reference));
    }

    @Test
    public void argon2idHashesInThePhcFormatAndVerify() {
        String h = argon2.hash("洛阳牡丹2026春".toCharArray());
        assertTrue(h, h.startsWith("$argon2id$v=19$m=1024,t=1,p=1$"));
        assertTrue(argon2.verify("洛阳牡丹2026春".toCharArray(), h));
        assertFalse(argon2.verify("洛阳牡丹2026".toCharArray(), h));
        assertNotEquals("a new salt each time", h, argon2.hash("洛阳牡丹2026春".toCharArray()));
        assertEquals("argon2id", argon2.scheme());
    }

    @Test
    public void switchingTheKdfRehashesAtTheNextLogin() {
        String old = hasher.hash("some password".toCharArray()); // PBKDF2
        assertTrue("a PBKDF2 hash still verifies", argon2.verify("some password".toCharArray(), old));
        assertTrue(argon2.needsRehash(old));
        String fresh = argon2.hash("some password".toCharArray());
        assertFalse(argon2.needsRehash(fresh));
        assertTrue("other Argon2id costs are rehashed", PasswordHasher.argon2id(new PasswordHasher.Argon2Cost(2048, 1, 1), 1000, 1)
                .needsRehash(fresh));
        assertTrue("and back to PBKDF2", hasher.needsRehash(fresh));
        assertTrue(hasher.verify("some password".toCharArray(), fresh));
    }

    @Test
    public void plantedArgon2CostsAreMalformed() {
        assertFalse(argon2.verify("x".toCharArray(), "$argon2id$v=19$m=99999999,t=2,p=1$Y2Vwb3J0YWwtc2FsdC0xNg$IkCrmHTl2xrimVdMc8RPefG2kpbu1dnIVtVRgJ3sNh8"));
        assertFalse(argon2.verify("x".toCharArray(), "$argon2id$v=16$m=1024,t=1,p=1$Y2Vwb3J0YWwtc2FsdC0xNg$IkCrmHTl2xrimVdMc8RPefG2kpbu1dnIVtVRgJ3sNh8"));
        assertFalse(argon2.verify("x".toCharArray(), "$argon2id$v=19$m=1024,t=1,p=1$$"));
    }
}
