package org.ceportal.accounts.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;

/**
 * Rules for the 18-character PRC resident identity number (GB 11643-1999).
 *
 * <p>Layout: 6 digits of address code, 8 digits of birth date ({@code yyyyMMdd}),
 * 3 digits of sequence number (the last of them odd for men, even for women) and a
 * check character computed with ISO 7064 MOD 11-2 over the first 17 digits.
 *
 * <p>Nothing here reads the clock: callers pass {@code today} in, so the rules are
 * the same in tests and in production.
 */
final class IdNumbers {
    static final int LENGTH = 18;

    /** ISO 7064 MOD 11-2 weights, 2^(17-i) mod 11, for the first 17 digits. */
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    /** Check character by (weighted sum mod 11). */
    private static final String CHECK_CHARS = "10X98765432";

    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);
    private static final DateTimeFormatter BIRTH_DATE =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    static final String WRONG_FORMAT = "请输入18位身份证号码";
    static final String WRONG_CHECK = "身份证号码校验位不正确，请核对";
    static final String INVALID_BIRTH_DATE = "身份证号码中的出生日期无效";
    static final String FUTURE_BIRTH_DATE = "身份证号码中的出生日期不能晚于今天";

    private IdNumbers() {
    }

    /**
     * The form in which an ID number is checked and stored: surrounding blanks
     * (including the full-width space) removed, 'x' upper-cased. {@code null}
     * becomes the empty string.
     */
    static String normalise(String raw) {
        return raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
    }

    /**
     * Why {@code raw} is not a valid ID number, as a message for the user, or empty
     * when it is valid. {@code raw} is normalised first.
     *
     * <p>Checks run in this order: length and characters, then the birth date,
     * then the check character. The date comes before the check character so that
     * a typo in the date gets the more precise message.
     */
    static Optional<String> problem(String raw, LocalDate today) {
        String id = normalise(raw);
        if (!wellFormed(id)) {
            return Optional.of(WRONG_FORMAT);
        }
        LocalDate birth = parseBirthDate(id);
        if (birth == null || birth.isBefore(EARLIEST_BIRTH)) {
            return Optional.of(INVALID_BIRTH_DATE);
        }
        if (birth.isAfter(today)) {
            return Optional.of(FUTURE_BIRTH_DATE);
        }
        if (id.charAt(17) != checkChar(id)) {
            return Optional.of(WRONG_CHECK);
        }
        return Optional.empty();
    }

    /**
     * The birth date in an ID number that {@link #problem} accepted.
     *
     * @throws IllegalArgumentException if the number is malformed or its date is not real
     */
    static LocalDate birthDate(String valid) {
        String id = requireWellFormed(valid);
        LocalDate birth = parseBirthDate(id);
        if (birth == null) {
            throw new IllegalArgumentException("ID number has no valid birth date");
        }
        return birth;
    }

    /**
     * "M" when the 17th digit is odd, "F" when it is even, for an ID number that
     * {@link #problem} accepted.
     *
     * @throws IllegalArgumentException if the number is malformed
     */
    static String gender(String valid) {
        String id = requireWellFormed(valid);
        return (id.charAt(16) - '0') % 2 == 1 ? "M" : "F";
    }

    /**
     * The check character for the first 17 digits of {@code id} (which must be
     * ASCII digits; the 18th character, if any, is ignored).
     */
    static char checkChar(CharSequence id) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (id.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARS.charAt(sum % 11);
    }

    /** 18 characters: 17 ASCII digits, then an ASCII digit or 'X'. */
    private static boolean wellFormed(String id) {
        if (id.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH - 1; i++) {
            if (!isAsciiDigit(id.charAt(i))) {
                return false;
            }
        }
        char last = id.charAt(LENGTH - 1);
        return isAsciiDigit(last) || last == 'X';
    }

    private static boolean isAsciiDigit(char c) {
        // Not Character.isDigit: that would let full-width and other scripts' digits through.
        return c >= '0' && c <= '9';
    }

    private static String requireWellFormed(String raw) {
        String id = normalise(raw);
        if (!wellFormed(id)) {
            throw new IllegalArgumentException("not an 18-character ID number");
        }
        return id;
    }

    /** The date at positions 7-14, or {@code null} when it is not a real date. */
    private static LocalDate parseBirthDate(String id) {
        try {
            return LocalDate.parse(id.substring(6, 14), BIRTH_DATE);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
