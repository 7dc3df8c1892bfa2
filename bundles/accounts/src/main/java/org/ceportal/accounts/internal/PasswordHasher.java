package org.ceportal.accounts.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes with PBKDF2-HMAC-SHA256 from the JDK, stored as
 * {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} with salt and hash in standard
 * Base64 without padding.
 *
 * <p>The iteration count is part of each stored hash, so it can be raised later:
 * old hashes still verify, and {@link #needsRehash} says when to store a new one
 * (after a successful login, while the plain password is at hand).
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

    private final int iterations;
    private final SecureRandom random = new SecureRandom();

    PasswordHasher() {
        this(DEFAULT_ITERATIONS);
    }

    PasswordHasher(int iterations) {
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations out of range: " + iterations);
        }
        this.iterations = iterations;
    }

    int iterations() {
        return iterations;
    }

    /** A new hash of {@code password}, with a fresh random salt. */
    String hash(char[] password) {
        Objects.requireNonNull(password, "password");
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
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
        byte[] actual = derive(password, parsed.salt(), parsed.iterations(), parsed.hash().length);
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
        byte[] actual = derive(password == null ? new char[0] : password, DUMMY_SALT, iterations, KEY_BYTES);
        MessageDigest.isEqual(actual, DUMMY_HASH);
        Arrays.fill(actual, (byte) 0);
    }

    /**
     * Whether {@code encoded} should be replaced by a new {@link #hash}: its
     * iteration count differs from this hasher's, or it cannot be read at all.
     */
    boolean needsRehash(String encoded) {
        Parsed parsed = parse(encoded);
        return parsed == null || parsed.iterations() != iterations;
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
        return new Parsed((int) iterations, salt, hash);
    }

    private record Parsed(int iterations, byte[] salt, byte[] hash) {
    }
}
