package org.ceportal.attachments.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ceportal.platform.api.ProblemException;
import org.jvnet.mimepull.MIMEConfig;
import org.jvnet.mimepull.MIMEMessage;
import org.jvnet.mimepull.MIMEPart;

/**
 * Reads a {@code multipart/form-data} body with mimepull and streams its part named
 * {@code file} into a file, counting and hashing as it goes. Nothing is buffered:
 * every part is read once, other parts (at most a few, each small) are skipped, and
 * the whole body may not exceed the file limit by more than {@link #OVERHEAD} bytes.
 */
final class MultipartReceiver {
    static final String FILE_PART = "file";
    static final int OVERHEAD = 256 * 1024;
    static final int MAX_OTHER_PART = 64 * 1024;
    static final int MAX_PARTS = 16;

    /**
     * What was received.
     *
     * @param name   the file name the client gave (not cleaned yet), or null
     * @param size   bytes written
     * @param sha256 lower-case hex SHA-256 of those bytes
     */
    record Received(String name, long size, String sha256) {
    }

    private MultipartReceiver() {
    }

    /**
     * Streams the {@code file} part of the body into {@code target}.
     *
     * @throws ProblemException 400 not multipart / malformed / no file part, 413 beyond {@code maxBytes}
     */
    static Received receive(String contentType, InputStream body, Path target, long maxBytes) throws IOException {
        String boundary = boundary(contentType);
        if (boundary == null) {
            throw Refusals.notMultipart();
        }
        if (body == null) {
            throw Refusals.badMultipart();
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
                    throw Refusals.noFile(); // the body ended properly without a file part
                }
                Map<String, String> params = FileNames.parameters(disposition == null ? null : disposition.get(0));
                InputStream content = part.readOnce();
                if (content == null) {
                    throw Refusals.badMultipart(); // unknown Content-Transfer-Encoding
                }
                if (FILE_PART.equals(params.get("name"))) {
                    return copy(content, target, maxBytes, FileNames.uploaded(params));
                }
                skip(content);
            }
            throw Refusals.noFile();
        } catch (RuntimeException e) {
            throw translate(e, maxBytes);
        } finally {
            message.close();
        }
    }

    /** The boundary of a {@code multipart/form-data} content type, or null. */
    static String boundary(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semi = contentType.indexOf(';');
        String type = (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
        if (!type.equals("multipart/form-data")) {
            return null;
        }
        String b = null;
        for (Map.Entry<String, String> p : FileNames.parameters(contentType).entrySet()) {
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

    private static Received copy(InputStream content, Path target, long maxBytes, String name) throws IOException {
        MessageDigest sha = sha256();
        long size = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = content; OutputStream out = Files.newOutputStream(target)) {
            for (int n; (n = in.read(buffer)) > 0;) {
                size += n;
                if (size > maxBytes) {
                    throw Refusals.tooLarge(maxBytes);
                }
                sha.update(buffer, 0, n);
                out.write(buffer, 0, n);
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
                    throw Refusals.badMultipart();
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
                return Refusals.tooLarge(maxBytes);
            }
        }
        // MIMEParsingException (no boundary, truncated body, client gone) and the like
        return Refusals.badMultipart();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signals that the body is longer than allowed; mimepull wraps it. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("request body too large");
        }
    }

    /** Stops reading the body beyond a limit. */
    static final class Bounded extends FilterInputStream {
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
