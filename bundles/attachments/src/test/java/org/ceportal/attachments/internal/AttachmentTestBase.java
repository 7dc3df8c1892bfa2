package org.ceportal.attachments.internal;

import static org.ceportal.attachments.internal.Samples.CONTENT_TYPE;
import static org.ceportal.attachments.internal.Samples.entries;
import static org.ceportal.attachments.internal.Samples.multipart;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.apache.ibatis.session.SqlSession;
import org.ceportal.attachments.api.Attachment;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.internal.TestStores;
import org.ceportal.platform.persistence.Store;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** What the attachment tests share: a store of their own, a storage folder, a clock they move, and helpers. */
abstract class AttachmentTestBase {
    static final long ALICE = 11;
    static final long BOB = 22;

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-01T08:00:00Z"));
    final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    Store store;
    Path root;
    AttachmentServiceImpl service;

    @Before
    public void setUp() throws IOException {
        store = TestStores.migrated("attachments", AttachmentMapper.class);
        root = tmp.newFolder("storage").toPath();
        service = service(Limits.DEFAULTS);
    }

    AttachmentServiceImpl service(Limits limits) {
        return new AttachmentServiceImpl(store, clock, limits, root, Duration.ofHours(48));
    }

    AttachmentServiceImpl.Uploaded upload(long owner, String name, byte[] content) throws IOException {
        return service.upload(owner, CONTENT_TYPE, new ByteArrayInputStream(multipart(name, content)));
    }


    // ---- helpers ------------------------------------------------------------------------------------

    interface Call {
        Object run() throws Exception;
    }

    /** Asserts the refusal and that nothing was stored: no row, no file (temp files included). */
    ProblemException refused(int status, String code, Call call) {
        ProblemException p = problem(status, code, call, null);
        try {
            assertEquals("no row", 0, rows());
            assertEquals("no file", List.of(), files());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return p;
    }

    static ProblemException problem(int status, String code, Call call, String field) {
        try {
            call.run();
        } catch (ProblemException p) {
            assertEquals(p.getMessage(), status, p.status());
            assertEquals(p.getMessage(), code, p.code());
            if (field != null) {
                assertEquals(field, p.errors().get(0).field());
            }
            assertTrue("a zh-CN message: " + p.getMessage(), p.getMessage().codePoints().anyMatch(c -> c >= 0x4e00));
            return p;
        } catch (Exception e) {
            throw new AssertionError("expected " + status + " " + code, e);
        }
        throw new AssertionError("expected " + status + " " + code + ", but it passed");
    }

    List<Path> files() throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).toList();
        }
    }

    int rows() {
        try (SqlSession s = store.session(); Statement st = s.getConnection().createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM attachment")) {
            rs.next();
            return rs.getInt(1);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    static List<Long> ids(List<Attachment> list) {
        return list.stream().map(Attachment::id).toList();
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** A session whose attachment mapper fails on insert, as a full disk or a lost database would. */
    static SqlSession failingInsert(SqlSession real) {
        return (SqlSession) Proxy.newProxyInstance(SqlSession.class.getClassLoader(), new Class<?>[] {SqlSession.class},
                (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("getMapper") && result instanceof AttachmentMapper m) {
                        return Proxy.newProxyInstance(AttachmentMapper.class.getClassLoader(), new Class<?>[] {AttachmentMapper.class},
                                (p2, m2, a2) -> {
                                    if (m2.getName().equals("insert")) {
                                        throw new IllegalStateException("database gone");
                                    }
                                    try {
                                        return m2.invoke(m, a2);
                                    } catch (InvocationTargetException e) {
                                        throw e.getCause();
                                    }
                                });
                    }
                    return result;
                });
    }
}
