package org.ceportal.attachments.internal;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ceportal.platform.api.Downloads;

/**
 * File names: what we show and the download header. The name the client sent arrives
 * decoded by the platform's {@link org.ceportal.platform.upload.Multipart}.
 */
final class FileNames {
    static final int MAX_LENGTH = 200;
    private static final String DEFAULT_BASE = "附件";
    private static final Map<String, List<String>> EXTENSIONS = Map.of(
            "image/jpeg", List.of("jpg", "jpeg", "jpe", "jfif"),
            "image/png", List.of("png"),
            "application/pdf", List.of("pdf"),
            "application/zip", List.of("zip"));

    private FileNames() {
    }

    /**
     * The name to keep and show: path parts, control and format characters (e.g. bidi
     * overrides) removed, leading dots and surrounding blanks trimmed, at most
     * {@value #MAX_LENGTH} characters, and an extension that matches the detected
     * content ({@code scan.jpg} holding a PDF becomes {@code scan.jpg.pdf}), so a
     * downloaded file opens as what it is.
     */
    static String display(String raw, String mediaType) {
        String s = raw == null ? "" : raw;
        s = s.substring(Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\')) + 1);
        s = Normalizer.normalize(s, Normalizer.Form.NFC);
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().filter(FileNames::visible).forEach(b::appendCodePoint);
        s = trim(b.toString());
        List<String> extensions = EXTENSIONS.getOrDefault(mediaType, List.of());
        String ext = extension(s);
        String suffix = extensions.isEmpty() || extensions.contains(ext) ? "" : "." + extensions.get(0);
        if (s.isEmpty()) {
            s = DEFAULT_BASE + (extensions.isEmpty() ? "" : "." + extensions.get(0));
            suffix = "";
        }
        if (s.length() + suffix.length() <= MAX_LENGTH) {
            return s + suffix;
        }
        String tail = suffix;
        String base = s;
        if (suffix.isEmpty() && !ext.isEmpty() && ext.length() <= 16) {
            tail = s.substring(s.length() - ext.length() - 1);
            base = s.substring(0, s.length() - tail.length());
        }
        return cut(base, MAX_LENGTH - tail.length()) + tail;
    }

    /** {@code attachment; filename=...} with the name intact (see {@link Downloads#disposition}). */
    static String contentDisposition(String name) {
        return Downloads.disposition("attachment", name == null || name.isEmpty() ? "attachment" : name);
    }

    private static boolean visible(int cp) {
        switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.UNASSIGNED,
                    Character.PRIVATE_USE, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR:
                return false;
            default:
                return true;
        }
    }

    private static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == '.' || Character.isWhitespace(s.charAt(start)) || Character.isSpaceChar(s.charAt(start)))) {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == '.' || Character.isWhitespace(s.charAt(end - 1)) || Character.isSpaceChar(s.charAt(end - 1)))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static String extension(String s) {
        int dot = s.lastIndexOf('.');
        return dot <= 0 ? "" : s.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = Math.max(0, max);
        if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }
}
