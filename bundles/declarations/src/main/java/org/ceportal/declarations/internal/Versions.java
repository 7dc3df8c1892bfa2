package org.ceportal.declarations.internal;

/** Orders semantic versions {@code major.minor.micro}. */
final class Versions {
    private Versions() {
    }

    /** A sort key: zero-padded parts, so that string order is version order. */
    static String key(String version) {
        StringBuilder b = new StringBuilder();
        for (String part : version.split("\\.")) {
            String digits = part.replaceAll("\\D", "");
            b.append(String.format("%010d", digits.isEmpty() ? 0 : Long.parseLong(digits.length() > 10 ? digits.substring(0, 10) : digits))).append('.');
        }
        return b.toString();
    }
}
