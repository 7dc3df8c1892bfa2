package org.ceportal.attachments.internal;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;
import org.ceportal.platform.api.ProblemException;

/**
 * Decides what an uploaded file is from its bytes only (tika-core's magic detection,
 * the name is never consulted) and inspects ZIPs without unpacking them to disk or
 * memory: every entry is read through a counter, so the limits hold whatever the
 * headers claim.
 */
final class ContentInspector {
    static final MediaType JPEG = MediaType.image("jpeg");
    static final MediaType PNG = MediaType.image("png");
    static final MediaType PDF = MediaType.application("pdf");
    static final MediaType ZIP = MediaType.APPLICATION_ZIP;
    private static final List<MediaType> SCANS = List.of(JPEG, PNG, PDF);
    private static final MediaType APPLE_DOUBLE = MediaType.parse("multipart/appledouble");
    /** Archive and compressed formats tika-core knows (subtypes such as OOXML or bzip2 count too). */
    private static final Set<MediaType> ARCHIVES = Set.of(
            "application/zip", "application/java-archive", "application/x-rar-compressed", "application/vnd.rar",
            "application/x-7z-compressed", "application/gzip", "application/x-tar", "application/x-gtar",
            "application/x-bzip", "application/x-bzip2", "application/x-xz", "application/zstd", "application/x-lzma",
            "application/x-lzip", "application/x-lz4", "application/x-compress", "application/x-snappy-framed",
            "application/vnd.ms-cab-compressed", "application/x-archive", "application/x-lha", "application/x-lharc",
            "application/x-arj", "application/x-cpio", "application/x-iso9660-image", "application/x-apple-diskimage",
            "application/x-rpm", "application/x-debian-package", "application/x-xar", "application/x-stuffit",
            "application/x-ace-compressed")
            .stream().map(MediaType::parse).collect(Collectors.toUnmodifiableSet());
    /** Every entry may expand to this much before the ratio applies (tiny files compress oddly). */
    static final long RATIO_FLOOR = 64 * 1024;
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");
    private static final Charset GBK = charset("GBK");

    private final MimeTypes types;
    private final MediaTypeRegistry registry;
    private final Limits limits;

    ContentInspector(Limits limits) {
        this.types = MimeTypes.getDefaultMimeTypes();
        this.registry = types.getMediaTypeRegistry();
        this.limits = limits;
    }

    /**
     * The media type of an accepted file.
     *
     * @return {@code image/jpeg}, {@code image/png}, {@code application/pdf} or {@code application/zip}
     * @throws ProblemException 415 for any other content, 422 for a ZIP that breaks a rule
     */
    String inspect(Path file) throws IOException {
        MediaType type;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            type = detect(in);
        }
        MediaType scan = scan(type);
        if (scan != null) {
            return scan.toString();
        }
        if (type.getBaseType().equals(ZIP)) {
            inspectZip(file, Files.size(file));
            return ZIP.toString();
        }
        throw Refusals.unsupportedType();
    }

    /** Tika's magic detection; the stream must support mark/reset. */
    MediaType detect(InputStream in) throws IOException {
        return types.detect(in, new Metadata()).getBaseType();
    }

    /** The scan type (image/jpeg, image/png, application/pdf) of some bytes, or null for anything else. */
    String scanType(InputStream in) throws IOException {
        MediaType s = scan(detect(in));
        return s == null ? null : s.toString();
    }

    private MediaType scan(MediaType type) {
        for (MediaType s : SCANS) {
            if (is(type, s)) {
                return s;
            }
        }
        return null;
    }

    private boolean is(MediaType type, MediaType base) {
        MediaType t = type.getBaseType();
        return t.equals(base) || registry.isSpecializationOf(t, base);
    }

    private boolean archive(MediaType type) {
        for (MediaType a : ARCHIVES) {
            if (is(type, a)) {
                return true;
            }
        }
        return false;
    }

    void inspectZip(Path file, long packedSize) {
        try {
            inspectZip(file, packedSize, StandardCharsets.UTF_8);
        } catch (BadNames e) {
            // Windows' own zipper writes Chinese names in GBK without saying so
            if (GBK == null) {
                throw Refusals.zipInvalid();
            }
            try {
                inspectZip(file, packedSize, GBK);
            } catch (BadNames again) {
                throw Refusals.zipInvalid();
            }
        }
    }

    private void inspectZip(Path file, long packedSize, Charset names) {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile(), names);
        } catch (ZipException e) {
            if (String.valueOf(e.getMessage()).contains("entry name")) {
                throw new BadNames();
            }
            throw Refusals.zipInvalid();
        } catch (IOException | RuntimeException e) {
            throw Refusals.zipInvalid();
        }
        try (zip) {
            if (zip.size() > limits.zipMaxEntries()) {
                throw Refusals.zipEntries(limits.zipMaxEntries());
            }
            long cap = Math.min(limits.zipMaxTotalBytes(), times(Math.max(packedSize, RATIO_FLOOR), limits.zipMaxRatio()));
            long total = 0;
            int files = 0;
            int entries = 0;
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry e = all.nextElement();
                if (++entries > limits.zipMaxEntries()) {
                    throw Refusals.zipEntries(limits.zipMaxEntries());
                }
                String name = e.getName();
                checkPath(name);
                long entryCap = Math.min(cap - total,
                        Math.max(RATIO_FLOOR, times(Math.max(e.getCompressedSize(), 0), limits.zipMaxRatio())));
                long read = readEntry(zip, e, entryCap);
                total += read;
                if (!e.isDirectory()) {
                    files++;
                }
            }
            if (files == 0) {
                throw Refusals.zipEmpty();
            }
        } catch (ProblemException | BadNames e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new BadNames(); // a name that does not decode in this charset
        } catch (IOException | RuntimeException e) {
            throw Refusals.zipInvalid();
        }
    }

    /** Reads one entry to its end through the counter; returns the bytes it really holds. */
    private long readEntry(ZipFile zip, ZipEntry e, long cap) throws IOException {
        Counter counter = new Counter(zip.getInputStream(e), cap);
        try (InputStream in = new BufferedInputStream(counter, 8192)) {
            if (e.isDirectory()) {
                if (in.read() >= 0) {
                    throw Refusals.zipInvalid(); // a folder with content hides a file from unzip tools
                }
                return 0;
            }
            MediaType type = detect(in);
            String name = e.getName().substring(e.getName().lastIndexOf('/') + 1);
            if (archive(type) && !Refusals.isOfficeDocument(name)) {
                throw Refusals.nestedArchive(name);
            }
            if (archive(type) || scan(type) == null && !macMetadata(e.getName(), type)) {
                throw Refusals.zipContent(name); // a Word or Excel file is a ZIP inside, but not an archive to the person
            }
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        if (e.getCrc() != -1 && e.getCrc() != counter.crc.getValue()) {
            throw Refusals.zipInvalid();
        }
        if (e.getSize() != -1 && e.getSize() != counter.count) {
            throw Refusals.zipInvalid();
        }
        return counter.count;
    }

    /** {@code __MACOSX/._name}: the Finder's resource forks (AppleDouble), added to ZIPs made on a Mac. */
    private boolean macMetadata(String name, MediaType type) {
        return name.startsWith("__MACOSX/") && type.getBaseType().equals(APPLE_DOUBLE);
    }

    /** Refuses absolute names ({@code /x}, {@code \x}, {@code C:\x}), {@code ..} segments and control characters. */
    static void checkPath(String name) {
        if (name == null || name.isEmpty()) {
            throw Refusals.zipPath();
        }
        String n = name.replace('\\', '/');
        if (n.startsWith("/") || DRIVE.matcher(n).matches() || n.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw Refusals.zipPath();
        }
        for (String segment : n.split("/", -1)) {
            if (segment.equals("..")) {
                throw Refusals.zipPath();
            }
        }
    }

    private static long times(long a, long b) {
        long r = a * b;
        return a != 0 && (r / a != b || r < 0) ? Long.MAX_VALUE : r;
    }

    private static Charset charset(String name) {
        try {
            return Charset.forName(name);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Entry names that do not decode in the charset tried. */
    private static final class BadNames extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadNames() {
            super(null, null, false, false);
        }
    }

    /** Counts and checksums what is read, and refuses to read beyond the cap. */
    private static final class Counter extends FilterInputStream {
        final CRC32 crc = new CRC32();
        final long cap;
        long count;

        Counter(InputStream in, long cap) {
            super(in);
            this.cap = cap;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
                crc.update(b);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                add(n);
                crc.update(b, off, n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] buffer = new byte[(int) Math.min(8192, Math.max(n, 1))];
            long done = 0;
            while (done < n) {
                int r = read(buffer, 0, (int) Math.min(buffer.length, n - done));
                if (r <= 0) {
                    break;
                }
                done += r;
            }
            return done;
        }

        private void add(int n) {
            count += n;
            if (count > cap) {
                throw Refusals.zipTooLarge();
            }
        }
    }
}
