package org.ceportal.learningforms.builtin.internal;

import java.util.Locale;

/** Check digits of the publication numbers reviewers look up. */
final class Identifiers {

    private Identifiers() {
    }

    /** ISBN-10 or ISBN-13, hyphens allowed, with a correct check digit. */
    static boolean isbn(String text) {
        String s = text.replace("-", "").toUpperCase(Locale.ROOT);
        if (s.length() == 13 && s.chars().allMatch(Character::isDigit)) {
            int sum = 0;
            for (int i = 0; i < 12; i++) {
                sum += (s.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
            }
            return (10 - sum % 10) % 10 == s.charAt(12) - '0';
        }
        if (s.length() == 10 && s.substring(0, 9).chars().allMatch(Character::isDigit)) {
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (s.charAt(i) - '0') * (10 - i);
            }
            int check = (11 - sum % 11) % 11;
            char expected = check == 10 ? 'X' : (char) ('0' + check);
            return s.charAt(9) == expected;
        }
        return false;
    }

    /** ISSN {@code 1234-567X} with a correct check digit. */
    static boolean issn(String text) {
        String s = text.replace("-", "").toUpperCase(Locale.ROOT);
        if (s.length() != 8 || !s.substring(0, 7).chars().allMatch(Character::isDigit)) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            sum += (s.charAt(i) - '0') * (8 - i);
        }
        int check = (11 - sum % 11) % 11;
        char expected = check == 10 ? 'X' : (char) ('0' + check);
        return s.charAt(7) == expected;
    }
}
