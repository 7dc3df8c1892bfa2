package org.ceportal.accounts.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which passwords users may choose, after OWASP ASVS (level 2) and NIST SP 800-63B:
 * a length range counted in Unicode code points, no composition rules (no "must
 * contain a digit and a capital"), and a block list of common passwords. A password
 * may not be the user's own ID number or mobile number either.
 *
 * <p>Passwords are never trimmed or otherwise changed; blanks count like any other
 * character.
 */
final class PasswordPolicy {
    static final int MIN_LENGTH = 8;
    /** ASVS: at least 64 characters must be allowed; longer than 128 may be refused. */
    static final int MAX_LENGTH = 128;
    static final String RESOURCE = "/org/ceportal/accounts/internal/common-passwords.txt";

    static final String TOO_SHORT = "密码至少需要8个字符";
    static final String TOO_LONG = "密码不能超过128个字符";
    static final String TOO_COMMON = "该密码过于常见，容易被猜中，请换一个";
    static final String PERSONAL = "密码不能与身份证号或手机号相同";

    /** The block list, stripped and lower-cased. */
    private final Set<String> common;

    PasswordPolicy(Set<String> common) {
        Set<String> folded = new HashSet<>();
        for (String password : common) {
            if (password != null && !password.isBlank()) {
                folded.add(fold(password));
            }
        }
        this.common = Set.copyOf(folded);
    }

    /**
     * The policy with the block list shipped in this bundle ({@value #RESOURCE}).
     *
     * @throws IllegalStateException if the resource is missing
     * @throws UncheckedIOException if it cannot be read
     */
    static PasswordPolicy load() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing class path resource " + RESOURCE);
            }
            return new PasswordPolicy(readList(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** One entry a line, UTF-8; blank lines and lines starting with '#' are skipped. */
    static Set<String> readList(InputStream in) throws IOException {
        Set<String> entries = new HashSet<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            String entry = line.strip();
            if (!entry.isEmpty() && !entry.startsWith("#")) {
                entries.add(entry);
            }
        }
        return entries;
    }

    /** How many entries the block list holds. */
    int commonCount() {
        return common.size();
    }

    /** Whether {@code password} is on the block list (case-insensitive, surrounding blanks ignored). */
    boolean isCommon(String password) {
        return password != null && common.contains(fold(password));
    }

    /**
     * Why {@code password} may not be used, as a message for the user, or empty when
     * it may. {@code idNumber} and {@code mobile} are the user's own and may be
     * {@code null} or blank when not known.
     */
    Optional<String> problem(String password, String idNumber, String mobile) {
        String candidate = password == null ? "" : password;
        int length = candidate.codePointCount(0, candidate.length());
        if (length < MIN_LENGTH) {
            return Optional.of(TOO_SHORT);
        }
        if (length > MAX_LENGTH) {
            return Optional.of(TOO_LONG);
        }
        if (isCommon(candidate)) {
            return Optional.of(TOO_COMMON);
        }
        if (isPersonal(candidate, idNumber, mobile)) {
            return Optional.of(PERSONAL);
        }
        return Optional.empty();
    }

    private static boolean isPersonal(String password, String idNumber, String mobile) {
        String folded = fold(password);
        String id = idNumber == null ? "" : fold(idNumber);
        if (!id.isEmpty() && folded.contains(id)) {
            // Covers equality as well as the ID number with something around it.
            return true;
        }
        String phone = mobile == null ? "" : fold(mobile);
        return !phone.isEmpty() && folded.equals(phone);
    }

    private static String fold(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }
}
