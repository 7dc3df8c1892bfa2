package org.ceportal.platform.api;

import java.util.Optional;

/**
 * Checks of free text before it is stored: what the database can hold and what a
 * person can see.
 *
 * <ul>
 * <li>Length is counted the way the database stores it. Derby's {@code VARCHAR(n)}
 * holds n UTF-16 units, so a character outside the Basic Multilingual Plane (CJK
 * Extension B, emoji) takes two; PostgreSQL counts code points, never more. Checking
 * UTF-16 units is right for both, and a too long text is a field error, never a
 * database failure.</li>
 * <li>Control characters (other than tab and line breaks in multi-line text),
 * bidirectional overrides and isolates, unpaired surrogates and non-characters are
 * refused: they hide or reorder what a reviewer sees.</li>
 * </ul>
 *
 * @since 1.1
 */
public final class Texts {
    private Texts() {
    }

    /** True when the text fits a {@code VARCHAR(columnLength)} on every supported database. */
    public static boolean fits(String text, int columnLength) {
        return text == null || text.length() <= columnLength;
    }

    /** True when the text has no character that {@link Texts} refuses. */
    public static boolean clean(String text, boolean multiLine) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                int cp = Character.toCodePoint(c, text.charAt(i + 1));
                if ((cp & 0xFFFE) == 0xFFFE) { // U+1FFFE, U+1FFFF, ...: non-characters
                    return false;
                }
                i++;
                continue;
            }
            if (Character.isLowSurrogate(c) || refused(c, multiLine)) {
                return false;
            }
        }
        return true;
    }

    private static boolean refused(char c, boolean multiLine) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return !multiLine;
        }
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
            return true;
        }
        return switch (c) {
            // bidi embeddings, overrides and isolates, the marks, the Arabic letter mark
            case '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069',
                    '\u200E', '\u200F', '\u061C',
                    // line and paragraph separators, the byte-order mark, non-characters
                    '\u2028', '\u2029', '\uFEFF', '\uFFFE', '\uFFFF' -> true;
            default -> c >= '\uFDD0' && c <= '\uFDEF';
        };
    }

    /**
     * The field error of a text, if any.
     *
     * @param field        the field name the client sent
     * @param label        the field's zh-CN name for the message, e.g. 姓名
     * @param columnLength the column's {@code VARCHAR} length
     * @param multiLine    whether line breaks and tabs are allowed
     */
    public static Optional<FieldError> problem(String field, String label, String text, int columnLength, boolean multiLine) {
        if (!clean(text, multiLine)) {
            return Optional.of(new FieldError(field, label + "含有不允许的控制字符或不可见字符"));
        }
        if (!fits(text, columnLength)) {
            return Optional.of(new FieldError(field, label + "过长，最多" + columnLength + "个字符（生僻字按2个计）"));
        }
        return Optional.empty();
    }

    /**
     * A SQL {@code LIKE} pattern matching text that contains {@code query}, with the
     * wildcards {@code %}, {@code _} and the escape character {@code \} of the query
     * escaped; use it as {@code LIKE #{pattern} ESCAPE '\'}.
     */
    public static String containsPattern(String query) {
        return "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /**
     * A person's sentence to put inside one of ours: without its final full stop, so that
     * 「原因：材料不全。」 followed by our 「。」 does not read 「。。」.
     */
    public static String withoutFinalStop(String text) {
        return text == null ? null : text.strip().replaceAll("[。．.！!；;，,]+$", "");
    }
}
