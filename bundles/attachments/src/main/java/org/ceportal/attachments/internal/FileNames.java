package org.ceportal.attachments.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ceportal.platform.api.Downloads;

/** File names: what the client said, what we show, and the download header. */
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

    /**
     * The parameters of a {@code Content-Disposition} header value, keys in lower case.
     * Quoted values may contain {@code ;}; {@code \"} stands for a quote, any other
     * backslash is kept (old browsers send Windows paths unescaped).
     */
    static Map<String, String> parameters(String value) {
        Map<String, String> out = new HashMap<>();
        if (value == null) {
            return out;
        }
        int n = value.length();
        int i = value.indexOf(';');
        if (i < 0) {
            return out;
        }
        while (i < n) {
            while (i < n && (value.charAt(i) == ';' || Character.isWhitespace(value.charAt(i)))) {
                i++;
            }
            int eq = i;
            while (eq < n && value.charAt(eq) != '=' && value.charAt(eq) != ';') {
                eq++;
            }
            String key = value.substring(i, eq).strip().toLowerCase(Locale.ROOT);
            if (eq >= n || value.charAt(eq) == ';') {
                i = eq;
                continue;
            }
            int j = eq + 1;
            while (j < n && Character.isWhitespace(value.charAt(j))) {
                j++;
            }
            String v;
            if (j < n && value.charAt(j) == '"') {
                StringBuilder b = new StringBuilder();
                j++;
                while (j < n) {
                    char c = value.charAt(j);
                    if (c == '\\' && j + 1 < n && value.charAt(j + 1) == '"') {
                        b.append('"');
                        j += 2;
                    } else if (c == '"') {
                        j++;
                        break;
                    } else {
                        b.append(c);
                        j++;
                    }
                }
                v = b.toString();
                while (j < n && value.charAt(j) != ';') {
                    j++;
                }
            } else {
                int k = j;
                while (k < n && value.charAt(k) != ';') {
                    k++;
                }
                v = value.substring(j, k).strip();
                j = k;
            }
            if (!key.isEmpty()) {
                out.putIfAbsent(key, v);
            }
            i = j;
        }
        return out;
    }

    /**
     * The file name a multipart part carries: {@code filename*} (RFC 5987) if present,
     * else {@code filename}. Header bytes arrive as ISO-8859-1 characters; browsers send
     * UTF-8, so a value that is valid UTF-8 is decoded as such (keeps Chinese names).
     */
    static String uploaded(Map<String, String> params) {
        String extended = params.get("filename*");
        if (extended != null) {
            String decoded = rfc5987(extended);
            if (decoded != null) {
                return decoded;
            }
        }
        String plain = params.get("filename");
        return plain == null ? null : latin1AsUtf8(plain);
    }

    static String latin1AsUtf8(String s) {
        byte[] bytes = new byte[s.length()];
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 0xff) {
                return s;
            }
            bytes[i] = (byte) c;
        }
        return decode(bytes, StandardCharsets.UTF_8, s);
    }

    private static String rfc5987(String v) {
        int a = v.indexOf('\'');
        int b = a < 0 ? -1 : v.indexOf('\'', a + 1);
        if (b < 0) {
            return null;
        }
        Charset charset;
        try {
            charset = Charset.forName(v.substring(0, a).strip());
        } catch (RuntimeException e) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String pct = v.substring(b + 1);
        for (int i = 0; i < pct.length(); i++) {
            char c = pct.charAt(i);
            if (c == '%') {
                if (i + 2 >= pct.length()) {
                    return null;
                }
                int hi = Character.digit(pct.charAt(i + 1), 16);
                int lo = Character.digit(pct.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                out.write(hi << 4 | lo);
                i += 2;
            } else if (c < 0x80) {
                out.write(c);
            } else {
                return null;
            }
        }
        return decode(out.toByteArray(), charset, null);
    }

    private static String decode(byte[] bytes, Charset charset, String otherwise) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return otherwise;
        }
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
