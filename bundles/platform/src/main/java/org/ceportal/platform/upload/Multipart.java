package org.ceportal.platform.upload;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ceportal.platform.api.FieldError;
import org.ceportal.platform.api.ProblemException;
import org.jvnet.mimepull.MIMEConfig;
import org.jvnet.mimepull.MIMEMessage;
import org.jvnet.mimepull.MIMEPart;

/**
 * Reads a {@code multipart/form-data} body with mimepull and streams its part named
 * {@code file} into a sink, counting and hashing as it goes. Nothing is buffered:
 * every part is read once, other parts (at most a few, each small) are skipped, and
 * the whole body may not exceed the file limit by more than 256 KB. Refusals are
 * problems on the field {@code file}, with zh-CN messages the pages show as they are.
 */
public final class Multipart {
    static final String FILE_PART = "file";
    static final int OVERHEAD = 256 * 1024;
    static final int MAX_OTHER_PART = 64 * 1024;
    static final int MAX_PARTS = 16;

    /**
     * What was received.
     *
     * @param name   the file name the client gave (decoded, not cleaned), or null
     * @param size   bytes written
     * @param sha256 lower-case hex SHA-256 of those bytes
     */
    public record Received(String name, long size, String sha256) {
    }

    private Multipart() {
    }

    /**
     * Streams the {@code file} part of the body into {@code sink}, which the caller opens
     * and closes; after a refusal it may hold the beginning of the file.
     *
     * @throws ProblemException 400 not multipart / malformed / no file part, 413 beyond {@code maxBytes}
     * @throws IOException      when the sink cannot be written (or the body not read outside mimepull)
     */
    public static Received receive(String contentType, InputStream body, OutputStream sink, long maxBytes)
            throws IOException {
        String boundary = boundary(contentType);
        if (boundary == null) {
            throw notMultipart();
        }
        if (body == null) {
            throw badMultipart();
        }
        MIMEConfig config = new MIMEConfig();
        config.setMemoryThreshold(-1L); // no temp files of mimepull's: parts are read once and not kept
        MIMEMessage message = new MIMEMessage(new Bounded(body, maxBytes + OVERHEAD), boundary, config);
        try {
            for (int i = 0; i < MAX_PARTS; i++) {
                MIMEPart part;
                List<String> disposition;
                try {
                    part = message.getPart(i);
                    disposition = part.getHeader("Content-Disposition");
                } catch (IllegalStateException end) {
                    throw noFile(); // the body ended properly without a file part
                }
                Map<String, String> params = parameters(disposition == null ? null : disposition.get(0));
                InputStream content = part.readOnce();
                if (content == null) {
                    throw badMultipart(); // unknown Content-Transfer-Encoding
                }
                if (FILE_PART.equals(params.get("name"))) {
                    return copy(content, sink, maxBytes, fileName(params));
                }
                skip(content);
            }
            throw noFile();
        } catch (RuntimeException e) {
            throw translate(e, maxBytes);
        } finally {
            message.close();
        }
    }

    /** The boundary of a {@code multipart/form-data} content type, or null (also for any other type). */
    public static String boundary(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semi = contentType.indexOf(';');
        String type = (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
        if (!type.equals("multipart/form-data")) {
            return null;
        }
        String b = null;
        for (Map.Entry<String, String> p : parameters(contentType).entrySet()) {
            if (p.getKey().equals("boundary")) {
                b = p.getValue();
            }
        }
        // RFC 2046: 1 to 70 characters, no control characters
        if (b == null || b.isEmpty() || b.length() > 70 || !b.chars().allMatch(c -> c > 0x20 && c < 0x7f || c == ' ')) {
            return null;
        }
        return b;
    }

    /**
     * The parameters of a header value such as {@code Content-Disposition} or
     * {@code Content-Type}, keys in lower case, the first of a repeated key kept.
     * Quoted values may contain {@code ;}; {@code \"} stands for a quote, any other
     * backslash is kept (old browsers send Windows paths unescaped).
     */
    public static Map<String, String> parameters(String headerValue) {
        Map<String, String> out = new HashMap<>();
        if (headerValue == null) {
            return out;
        }
        int n = headerValue.length();
        int i = headerValue.indexOf(';');
        if (i < 0) {
            return out;
        }
        while (i < n) {
            while (i < n && (headerValue.charAt(i) == ';' || Character.isWhitespace(headerValue.charAt(i)))) {
                i++;
            }
            int eq = i;
            while (eq < n && headerValue.charAt(eq) != '=' && headerValue.charAt(eq) != ';') {
                eq++;
            }
            String key = headerValue.substring(i, eq).strip().toLowerCase(Locale.ROOT);
            if (eq >= n || headerValue.charAt(eq) == ';') {
                i = eq;
                continue;
            }
            int j = eq + 1;
            while (j < n && Character.isWhitespace(headerValue.charAt(j))) {
                j++;
            }
            String v;
            if (j < n && headerValue.charAt(j) == '"') {
                StringBuilder b = new StringBuilder();
                j++;
                while (j < n) {
                    char c = headerValue.charAt(j);
                    if (c == '\\' && j + 1 < n && headerValue.charAt(j + 1) == '"') {
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
                while (j < n && headerValue.charAt(j) != ';') {
                    j++;
                }
            } else {
                int k = j;
                while (k < n && headerValue.charAt(k) != ';') {
                    k++;
                }
                v = headerValue.substring(j, k).strip();
                j = k;
            }
            if (!key.isEmpty()) {
                out.putIfAbsent(key, v);
            }
            i = j;
        }
        return out;
    }

    // ---- refusals ----------------------------------------------------------------------

    /** 400 {@code not_multipart}: the body is not {@code multipart/form-data} with a usable boundary. */
    public static ProblemException notMultipart() {
        return file(400, "not_multipart", "请以 multipart/form-data 方式上传文件");
    }

    /** 400 {@code bad_multipart}: the body is truncated or malformed. */
    public static ProblemException badMultipart() {
        return file(400, "bad_multipart", "上传的内容不完整或格式不正确，请重新上传");
    }

    /** 400 {@code no_file}: the body has no part named {@code file}. */
    public static ProblemException noFile() {
        return file(400, "no_file", "请选择要上传的文件");
    }

    /** 413 {@code too_large}: the file is bigger than {@code maxBytes}, which the message states. */
    public static ProblemException tooLarge(long maxBytes) {
        return file(413, "too_large", "文件不能超过 " + size(maxBytes));
    }

    /**
     * Reads away what is left of a refused body, up to {@code atMost} bytes, so that the client gets
     * to read the answer before the connection closes. Failures are ignored: the answer does not
     * depend on the rest of the body.
     */
    public static void drain(InputStream body, long atMost) {
        if (body == null) {
            return;
        }
        byte[] buffer = new byte[8192];
        try {
            long left = atMost;
            for (int n; left > 0 && (n = body.read(buffer)) > 0;) {
                left -= n;
            }
        } catch (IOException | RuntimeException e) {
            // the answer does not depend on the rest of the body
        }
    }

    /** A byte count for people: {@code 10 MB}, {@code 1.5 MB}, {@code 512 KB}, {@code 100 字节}. */
    public static String size(long bytes) {
        if (bytes >= 1024 * 1024) {
            return decimal(bytes, 1024 * 1024) + " MB";
        }
        if (bytes >= 1024) {
            return decimal(bytes, 1024) + " KB";
        }
        return bytes + " 字节";
    }

    // ---- the client's file name ---------------------------------------------------------

    /**
     * The file name a multipart part carries: {@code filename*} (RFC 5987) if present,
     * else {@code filename}. Header bytes arrive as ISO-8859-1 characters; browsers send
     * UTF-8, so a value that is valid UTF-8 is decoded as such (keeps Chinese names).
     */
    static String fileName(Map<String, String> params) {
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

    private static String latin1AsUtf8(String s) {
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

    // ---- reading -----------------------------------------------------------------------

    private static Received copy(InputStream content, OutputStream sink, long maxBytes, String name) throws IOException {
        MessageDigest sha = sha256();
        long size = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = content) {
            for (int n; (n = in.read(buffer)) > 0;) {
                size += n;
                if (size > maxBytes) {
                    throw tooLarge(maxBytes);
                }
                sha.update(buffer, 0, n);
                sink.write(buffer, 0, n);
            }
        }
        return new Received(name, size, HexFormat.of().formatHex(sha.digest()));
    }

    private static void skip(InputStream content) throws IOException {
        long size = 0;
        byte[] buffer = new byte[8192];
        try (InputStream in = content) {
            for (int n; (n = in.read(buffer)) > 0;) {
                size += n;
                if (size > MAX_OTHER_PART) {
                    throw badMultipart();
                }
            }
        }
    }

    private static RuntimeException translate(RuntimeException e, long maxBytes) {
        if (e instanceof ProblemException) {
            return e;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TooLarge) {
                return tooLarge(maxBytes);
            }
        }
        // MIMEParsingException (no boundary, truncated body, client gone) and the like
        return badMultipart();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String decimal(long bytes, long unit) {
        BigDecimal v = BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(unit), 1, RoundingMode.DOWN);
        return v.stripTrailingZeros().toPlainString();
    }

    private static ProblemException file(int status, String code, String message) {
        return new ProblemException(status, code, message, List.of(new FieldError("file", message)));
    }

    /** Signals that the body is longer than allowed; mimepull wraps it. */
    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("request body too large");
        }
    }

    /** Stops reading the body beyond a limit. */
    private static final class Bounded extends FilterInputStream {
        private long left;

        Bounded(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && --left < 0) {
                throw new TooLarge();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                left -= n;
                if (left < 0) {
                    throw new TooLarge();
                }
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            return super.skip(Math.min(n, Math.max(0, left)));
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
