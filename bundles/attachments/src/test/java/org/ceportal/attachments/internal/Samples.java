package org.ceportal.attachments.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

/** Tiny real files and hand-built multipart bodies for the tests. */
final class Samples {
    static final String BOUNDARY = "----ceportalTestBoundary7MA4YWxkTrZu0gW";
    static final String CONTENT_TYPE = "multipart/form-data; boundary=" + BOUNDARY;

    private Samples() {
    }

    static byte[] png() {
        return image("png", BufferedImage.TYPE_INT_ARGB);
    }

    static byte[] jpeg() {
        return image("jpg", BufferedImage.TYPE_INT_RGB);
    }

    private static byte[] image(String format, int type) {
        BufferedImage img = new BufferedImage(16, 12, type);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 16, 12);
        g.setColor(Color.BLUE);
        g.drawLine(0, 0, 15, 11);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A minimal but complete one-page PDF. */
    static byte[] pdf(String text) {
        String content = "BT /F1 12 Tf 72 720 Td (" + text + ") Tj ET";
        String[] objects = {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        StringBuilder b = new StringBuilder("%PDF-1.4\n");
        int[] offsets = new int[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = b.length();
            b.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = b.length();
        b.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        for (int o : offsets) {
            b.append(String.format("%010d 00000 n \n", o));
        }
        b.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return b.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] pdf() {
        return pdf("continuing education certificate");
    }

    /** A PDF header followed by random (incompressible) bytes. */
    static byte[] randomPdf(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        byte[] head = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, b, 0, head.length);
        return b;
    }

    static byte[] zip(Map<String, byte[]> entries) {
        return zip(entries, StandardCharsets.UTF_8);
    }

    static byte[] zip(Map<String, byte[]> entries, Charset names) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, names)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static Map<String, byte[]> entries(Object... nameThenBytes) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (int i = 0; i < nameThenBytes.length; i += 2) {
            m.put((String) nameThenBytes[i], (byte[]) nameThenBytes[i + 1]);
        }
        return m;
    }

    /** One deflated entry: a PDF header and then {@code zeros} zero bytes (compresses about 1000:1). */
    static byte[] zipBomb(String name, int zeros) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            for (int left = zeros; left > 0; left -= chunk.length) {
                zip.write(chunk, 0, Math.min(left, chunk.length));
            }
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** An empty ZIP: only the end-of-central-directory record. */
    static byte[] emptyZip() {
        byte[] b = new byte[22];
        b[0] = 'P';
        b[1] = 'K';
        b[2] = 5;
        b[3] = 6;
        return b;
    }

    /** The AppleDouble resource fork macOS adds as {@code __MACOSX/._name}. */
    static byte[] appleDouble() {
        byte[] b = new byte[82];
        byte[] head = {0, 5, 0x16, 7, 0, 2, 0, 0};
        System.arraycopy(head, 0, b, 0, head.length);
        byte[] filler = "Mac OS X        ".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(filler, 0, b, 8, filler.length);
        return b;
    }

    static byte[] gzip(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
            gz.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A form with a text field and then the file part; the file name is sent as raw UTF-8 bytes, as browsers do. */
    static byte[] multipart(String filename, byte[] content) {
        return multipart("file", filename, content);
    }

    static byte[] multipart(String partName, String filename, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "--" + BOUNDARY + "\r\n");
        write(out, "Content-Disposition: form-data; name=\"purpose\"\r\n\r\n");
        write(out, "证明材料\r\n");
        write(out, "--" + BOUNDARY + "\r\n");
        write(out, "Content-Disposition: form-data; name=\"" + partName + "\""
                + (filename == null ? "" : "; filename=\"" + filename + "\"") + "\r\n");
        write(out, "Content-Type: application/octet-stream\r\n\r\n");
        out.writeBytes(content);
        write(out, "\r\n--" + BOUNDARY + "--\r\n");
        return out.toByteArray();
    }

    static byte[] raw(String... lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String l : lines) {
            write(out, l);
        }
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
