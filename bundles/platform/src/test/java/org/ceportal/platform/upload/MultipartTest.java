package org.ceportal.platform.upload;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;

import org.ceportal.platform.api.ProblemException;
import org.junit.Test;

public class MultipartTest {
    private static final String BOUNDARY = "----ceportal-test-7MA4YWxkTrZu0gW";
    private static final String CONTENT_TYPE = "multipart/form-data; boundary=" + BOUNDARY;

    // ---- headers -------------------------------------------------------------------------

    @Test
    public void dispositionParametersAreParsed() {
        Map<String, String> p = Multipart.parameters("form-data; name=\"file\"; filename=\"a;b \\\"c\\\".pdf\"");
        assertEquals("file", p.get("name"));
        assertEquals("a;b \"c\".pdf", p.get("filename"));
        assertEquals("C:\\dir\\x.pdf", Multipart.parameters("form-data; name=file; filename=\"C:\\dir\\x.pdf\"").get("filename"));
        assertEquals("file", Multipart.parameters("form-data;NAME = file ;").get("name"));
        assertTrue(Multipart.parameters("form-data").isEmpty());
        assertTrue(Multipart.parameters(null).isEmpty());
    }

    @Test
    public void uploadedNamesAreDecoded() {
        String latin1 = new String("证书.pdf".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        assertEquals("证书.pdf", Multipart.fileName(Map.of("filename", latin1)));
        assertEquals("café.pdf", Multipart.fileName(Map.of("filename", "caf\u00e9.pdf")));
        assertEquals("证书.pdf", Multipart.fileName(Map.of("filename", "x.pdf", "filename*", "UTF-8''%E8%AF%81%E4%B9%A6.pdf")));
        assertEquals("x.pdf", Multipart.fileName(Map.of("filename", "x.pdf", "filename*", "UTF-8''%E8%AF")));
        assertEquals("not cleaned", "../证书.pdf", Multipart.fileName(Map.of("filename", "../证书.pdf")));
        assertNull(Multipart.fileName(Map.of()));
    }

    @Test
    public void boundariesAreFoundOnlyInFormData() {
        assertEquals("abc", Multipart.boundary("multipart/form-data; boundary=abc"));
        assertEquals("a b;c", Multipart.boundary("multipart/form-data; charset=utf-8; boundary=\"a b;c\""));
        assertNull(Multipart.boundary("multipart/mixed; boundary=abc"));
        assertNull(Multipart.boundary("application/json"));
        assertNull(Multipart.boundary("multipart/form-data"));
        assertNull(Multipart.boundary("multipart/form-data; boundary=" + "x".repeat(71)));
        assertNull(Multipart.boundary(null));
    }

    @Test
    public void sizesAreWrittenForPeople() {
        assertEquals("10 MB", Multipart.size(10L << 20));
        assertEquals("1.5 MB", Multipart.size(3L << 19));
        assertEquals("512 KB", Multipart.size(512 << 10));
        assertEquals("100 字节", Multipart.size(100));
    }

    // ---- bodies --------------------------------------------------------------------------

    @Test
    public void theFilePartIsStreamedIntoTheSink() throws Exception {
        byte[] content = random(200_000, 1);
        ClosingSink sink = new ClosingSink();
        Multipart.Received r = receive(body("file", "filename=\"证书.pdf\"", content), sink, 1 << 20);
        assertArrayEquals(content, sink.toByteArray());
        assertEquals(content.length, r.size());
        assertEquals(sha256(content), r.sha256());
        assertEquals("证书.pdf", r.name());
        assertFalse("the caller closes the sink", sink.closed);
    }

    @Test
    public void theExtendedFileNameWins() throws Exception {
        byte[] content = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        Multipart.Received r = receive(body("file", "filename=\"x.pdf\"; filename*=UTF-8''%E8%AF%81%E4%B9%A6.pdf", content),
                new ByteArrayOutputStream(), 1024);
        assertEquals("证书.pdf", r.name());
        assertNull(receive(body("file", null, content), new ByteArrayOutputStream(), 1024).name());
    }

    @Test
    public void aFileOfExactlyTheLimitIsTaken() throws Exception {
        byte[] content = random(4096, 2);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        assertEquals(4096, receive(body("file", "filename=\"a.bin\"", content), sink, 4096).size());
        assertEquals(4096, sink.size());
    }

    @Test
    public void aFileOverTheLimitIs413() {
        ProblemException p = refused(body("file", "filename=\"big.pdf\"", random(5000, 3)), 1024);
        assertEquals(413, p.status());
        assertEquals("too_large", p.code());
        assertEquals("文件不能超过 1 KB", p.getMessage());
        assertEquals("file", p.errors().get(0).field());
        assertEquals("文件不能超过 10 MB", Multipart.tooLarge(10L << 20).getMessage());
    }

    @Test
    public void aBodyWithoutAFilePartIsNoFile() {
        ProblemException p = refused(body("attachment", "filename=\"a.pdf\"", random(100, 4)), 1024);
        assertEquals(400, p.status());
        assertEquals("no_file", p.code());
        assertEquals("请选择要上传的文件", p.getMessage());
    }

    @Test
    public void otherBodiesAreRefused() {
        ProblemException notMultipart = assertThrows(ProblemException.class,
                () -> Multipart.receive("application/json", new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(), 1024));
        assertEquals("not_multipart", notMultipart.code());
        assertEquals(400, notMultipart.status());

        byte[] whole = body("file", "filename=\"a.pdf\"", random(500, 5));
        assertEquals("truncated", "bad_multipart", refused(Arrays.copyOf(whole, 300), 1024).code());
        assertEquals("no boundary at all", "bad_multipart", refused(random(500, 6), 1024).code());
        assertEquals("a big other part", "bad_multipart",
                refused(body("notes", null, random(Multipart.MAX_OTHER_PART + 1, 7)), 1 << 20).code());
    }

    // ---- helpers -------------------------------------------------------------------------

    private static Multipart.Received receive(byte[] body, ByteArrayOutputStream sink, long maxBytes) throws IOException {
        return Multipart.receive(CONTENT_TYPE, new ByteArrayInputStream(body), sink, maxBytes);
    }

    private static ProblemException refused(byte[] body, long maxBytes) {
        return assertThrows(ProblemException.class, () -> receive(body, new ByteArrayOutputStream(), maxBytes));
    }

    /** A small form field, then a part named {@code name} with the given disposition parameters and content. */
    private static byte[] body(String name, String dispositionParams, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "--" + BOUNDARY + "\r\n");
        write(out, "Content-Disposition: form-data; name=\"purpose\"\r\n\r\n");
        write(out, "证明材料\r\n");
        write(out, "--" + BOUNDARY + "\r\n");
        write(out, "Content-Disposition: form-data; name=\"" + name + "\""
                + (dispositionParams == null ? "" : "; " + dispositionParams) + "\r\n");
        write(out, "Content-Type: application/octet-stream\r\n\r\n");
        out.writeBytes(content);
        write(out, "\r\n--" + BOUNDARY + "--\r\n");
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    private static final class ClosingSink extends ByteArrayOutputStream {
        boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }
}
