package org.ceportal.accounts.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Password hashes. New hashes use the configured KDF:
 * <ul>
 * <li><b>Argon2id</b> (Bouncy Castle), stored in the PHC string format
 * {@code $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>}; memory-hard. At
 * most {@code maxConcurrent} run at once, so the memory they take is bounded
 * (m KiB each).</li>
 * <li><b>PBKDF2-HMAC-SHA256</b> from the JDK, stored as
 * {@code pbkdf2-sha256$<iterations>$<salt>$<hash>}.</li>
 * </ul>
 * Salt and hash are Base64 without padding. Either kind verifies whatever the current
 * choice, with the cost stored in the hash, and {@link #needsRehash} says when to store
 * a new one (after a successful login, while the plain password is at hand), so
 * changing the KDF or its cost upgrades the hashes as people log in.
 *
 * <p>Thread-safe.
 */
final class PasswordHasher {
    /** OWASP Password Storage Cheat Sheet (2023) for PBKDF2-HMAC-SHA256. */
    static final int DEFAULT_ITERATIONS = 600_000;
    /**
     * Stored hashes with more iterations than this are treated as malformed, so a
     * corrupt or planted row cannot tie a thread up for minutes.
     */
    static final int MAX_ITERATIONS = 10_000_000;
    static final String SCHEME = "pbkdf2-sha256";

    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int KEY_BYTES = 32;
    private static final Pattern ITERATIONS = Pattern.compile("[1-9][0-9]{0,9}");

    /** Fixed salt for {@link #dummyVerify}; its value does not matter, only its size. */
    private static final byte[] DUMMY_SALT = new byte[SALT_BYTES];
    private static final byte[] DUMMY_HASH = new byte[KEY_BYTES];

    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    static final String ARGON2ID = "argon2id";
    /** Stored Argon2id costs beyond these are treated as malformed (a planted row must not exhaust memory). */
    static final int ARGON2_MAX_MEMORY_KIB = 262_144;
    static final int ARGON2_MAX_PASSES = 10;
    static final int ARGON2_MAX_LANES = 8;
    private static final Pattern ARGON2_COST = Pattern.compile("m=([1-9][0-9]{0,8}),t=([1-9][0-9]?),p=([1-9])");

    private final int iterations;
    /** Argon2id costs of new hashes, or {@code null} when new hashes use PBKDF2. */
    private final Argon2Cost argon2;
    private final Semaphore argon2Slots;
    private final SecureRandom random = new SecureRandom();

    /** Argon2id costs: memory in KiB, passes, lanes. */
    record Argon2Cost(int memoryKiB, int passes, int lanes) {
        Argon2Cost {
            if (memoryKiB < 8 * lanes || memoryKiB > ARGON2_MAX_MEMORY_KIB || passes < 1 || passes > ARGON2_MAX_PASSES
                    || lanes < 1 || lanes > ARGON2_MAX_LANES) {
                throw new IllegalArgumentException("Argon2id cost out of range: m=" + memoryKiB + ",t=" + passes + ",p=" + lanes);
            }
        }

        /** OWASP Password Storage Cheat Sheet: m=19 MiB, t=2, p=1. */
        static final Argon2Cost OWASP = new Argon2Cost(19_456, 2, 1);
    }

    PasswordHasher() {
        this(DEFAULT_ITERATIONS);
    }

    /** New hashes with PBKDF2-HMAC-SHA256 at this iteration count. */
    PasswordHasher(int iterations) {
        this(iterations, null, 1);
    }

    private PasswordHasher(int iterations, Argon2Cost argon2, int maxConcurrent) {
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations out of range: " + iterations);
        }
        this.iterations = iterations;
        this.argon2 = argon2;
        this.argon2Slots = new Semaphore(Math.max(1, maxConcurrent), true);
    }

    /**
     * New hashes with Argon2id at this cost; PBKDF2 hashes (of any iteration count up to
     * {@code pbkdf2Iterations} for the dummy) still verify.
     *
     * @param maxConcurrent how many Argon2id computations may run at once
     */
    static PasswordHasher argon2id(Argon2Cost cost, int pbkdf2Iterations, int maxConcurrent) {
        return new PasswordHasher(pbkdf2Iterations, cost, maxConcurrent);
    }

    /** The scheme of new hashes: {@code argon2id} or {@code pbkdf2-sha256}. */
    String scheme() {
        return argon2 != null ? ARGON2ID : SCHEME;
    }

    int iterations() {
        return iterations;
    }

    /** A new hash of {@code password}, with a fresh random salt. */
    String hash(char[] password) {
        Objects.requireNonNull(password, "password");
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        if (argon2 != null) {
            byte[] key = argon2(password, salt, argon2, KEY_BYTES);
            try {
                return "$" + ARGON2ID + "$v=19$m=" + argon2.memoryKiB() + ",t=" + argon2.passes() + ",p=" + argon2.lanes()
                        + '$' + ENCODER.encodeToString(salt) + '$' + ENCODER.encodeToString(key);
            } finally {
                Arrays.fill(key, (byte) 0);
            }
        }
        byte[] key = derive(password, salt, iterations, KEY_BYTES);
        try {
            return SCHEME + '$' + iterations + '$' + ENCODER.encodeToString(salt) + '$' + ENCODER.encodeToString(key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * Whether {@code password} matches {@code encoded}. The comparison takes the
     * same time wherever the hashes differ. A malformed or {@code null}
     * {@code encoded} gives {@code false}, after the same work as a real check.
     */
    boolean verify(char[] password, String encoded) {
        Objects.requireNonNull(password, "password");
        Parsed parsed = parse(encoded);
        if (parsed == null) {
            dummyVerify(password);
            return false;
        }
        byte[] actual = parsed.argon2() != null
                ? argon2(password, parsed.salt(), parsed.argon2(), parsed.hash().length)
                : derive(password, parsed.salt(), parsed.iterations(), parsed.hash().length);
        try {
            return MessageDigest.isEqual(actual, parsed.hash());
        } finally {
            Arrays.fill(actual, (byte) 0);
        }
    }

    /**
     * Does the work of {@link #verify} against a fixed dummy hash and throws the
     * result away. Call it when the account does not exist, so that the response
     * time does not tell which accounts exist.
     */
    void dummyVerify(char[] password) {
        char[] pw = password == null ? new char[0] : password;
        byte[] actual = argon2 != null ? argon2(pw, DUMMY_SALT, argon2, KEY_BYTES) : derive(pw, DUMMY_SALT, iterations, KEY_BYTES);
        MessageDigest.isEqual(actual, DUMMY_HASH);
        Arrays.fill(actual, (byte) 0);
    }

    /**
     * Whether {@code encoded} should be replaced by a new {@link #hash}: its
     * iteration count differs from this hasher's, or it cannot be read at all.
     */
    boolean needsRehash(String encoded) {
        Parsed parsed = parse(encoded);
        if (parsed == null) {
            return true;
        }
        return argon2 != null ? !argon2.equals(parsed.argon2()) : parsed.argon2() != null || parsed.iterations() != iterations;
    }

    /** Argon2id of the password's UTF-8 bytes; waits for one of the slots that bound the memory in use. */
    private byte[] argon2(char[] password, byte[] salt, Argon2Cost cost, int keyBytes) {
        ByteBuffer utf8 = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] pw = new byte[utf8.remaining()];
        utf8.get(pw);
        if (utf8.hasArray()) {
            Arrays.fill(utf8.array(), (byte) 0);
        }
        boolean acquired = false;
        try {
            argon2Slots.acquire();
            acquired = true;
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                    .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                    .withMemoryAsKB(cost.memoryKiB()).withIterations(cost.passes()).withParallelism(cost.lanes())
                    .withSalt(salt).build());
            byte[] out = new byte[keyBytes];
            generator.generateBytes(pw, out);
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to hash a password", e);
        } finally {
            if (acquired) {
                argon2Slots.release();
            }
            Arrays.fill(pw, (byte) 0);
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations, int keyBytes) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, keyBytes * 8);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            // PBKDF2WithHmacSHA256 is required of every Java SE 8+ runtime.
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** The parts of a stored hash, or {@code null} when it is malformed. */
    private static Parsed parse(String encoded) {
        if (encoded == null) {
            return null;
        }
        if (encoded.startsWith("$" + ARGON2ID + "$")) {
            return parseArgon2(encoded);
        }
        String[] parts = encoded.split("\\$", -1);
        if (parts.length != 4 || !SCHEME.equals(parts[0]) || !ITERATIONS.matcher(parts[1]).matches()) {
            return null;
        }
        long iterations = Long.parseLong(parts[1]);
        if (iterations > MAX_ITERATIONS) {
            return null;
        }
        byte[] salt;
        byte[] hash;
        try {
            salt = DECODER.decode(parts[2]);
            hash = DECODER.decode(parts[3]);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (salt.length == 0 || hash.length < 16 || hash.length > 64) {
            return null;
        }
        return new Parsed((int) iterations, null, salt, hash);
    }

    /** {@code $argon2id$v=19$m=..,t=..,p=..$salt$hash}, or {@code null}. */
    private static Parsed parseArgon2(String encoded) {
        String[] parts = encoded.split("\\$", -1);
        if (parts.length != 6 || !parts[0].isEmpty() || !"v=19".equals(parts[2])) {
            return null;
        }
        java.util.regex.Matcher cost = ARGON2_COST.matcher(parts[3]);
        if (!cost.matches()) {
            return null;
        }
        Argon2Cost c;
        byte[] salt;
        byte[] hash;
        try {
            c = new Argon2Cost(Integer.parseInt(cost.group(1)), Integer.parseInt(cost.group(2)), Integer.parseInt(cost.group(3)));
            salt = DECODER.decode(parts[4]);
            hash = DECODER.decode(parts[5]);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (salt.length < 8 || hash.length < 16 || hash.length > 64) {
            return null;
        }
        return new Parsed(0, c, salt, hash);
    }

    private record Parsed(int iterations, Argon2Cost argon2, byte[] salt, byte[] hash) {
    }
}
