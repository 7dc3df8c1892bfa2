package org.ceportal.platform.api;

import java.nio.charset.StandardCharsets;

/**
 * Headers of a file the portal hands out.
 *
 * @since 1.3
 */
public final class Downloads {
    private Downloads() {
    }

    /**
     * {@code <type>; filename="<ASCII>"; filename*=UTF-8''<percent-encoded>} (RFC 6266,
     * RFC 5987), so a Chinese file name arrives intact. The ASCII fallback replaces
     * everything outside printable ASCII and the characters {@code " \ % ;} by {@code _},
     * so no input can break out of the header.
     *
     * @param type {@code attachment} (save it) or {@code inline} (show it)
     */
    public static String disposition(String type, String name) {
        String n = name == null || name.isEmpty() ? "file" : name;
        StringBuilder fallback = new StringBuilder();
        n.codePoints().forEach(cp -> fallback.append(cp >= 0x20 && cp < 0x7f && "\"\\%;".indexOf(cp) < 0 ? (char) cp : '_'));
        StringBuilder encoded = new StringBuilder();
        for (byte x : n.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return ("inline".equals(type) ? "inline" : "attachment") + "; filename=\"" + fallback + "\"; filename*=UTF-8''"
                + encoded;
    }

    /**
     * A text as a cell of a CSV or spreadsheet export: one that a spreadsheet would take for a
     * formula (starting with {@code = + - @}, a tab or a carriage return) gets a leading apostrophe.
     */
    public static String spreadsheetCell(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char c = text.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + text : text;
    }
}
