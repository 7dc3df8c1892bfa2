package org.ceportal.attachments.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files on disk: {@code <root>/tmp/} for uploads being received and checked,
 * {@code <root>/<yyyy>/<uuid>} for kept ones. Names are always the server's; a stored
 * name is checked against its pattern before it becomes a path.
 */
final class Storage {
    private static final Logger LOG = LoggerFactory.getLogger(Storage.class);
    private static final Pattern STORED = Pattern.compile("[0-9]{4}/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Path root;
    private final Path tmp;

    Storage(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.tmp = this.root.resolve("tmp");
        try {
            Files.createDirectories(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the attachment storage " + this.root, e);
        }
    }

    /** The configured directory, or {@code ${karaf.data}/ceportal/attachments} ({@code data/...} outside Karaf). */
    static Path rootFor(String configured) {
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured.strip());
        }
        String data = System.getProperty("karaf.data");
        return Paths.get(data == null || data.isBlank() ? "data" : data, "ceportal", "attachments");
    }

    Path root() {
        return root;
    }

    /** A new empty file, readable only by us, to receive an upload into. */
    Path newTemp() throws IOException {
        return Files.createTempFile(tmp, "upload-", ".part");
    }

    /**
     * Moves a checked temp file to its place.
     *
     * @return its stored name, {@code yyyy/uuid}
     */
    String keep(Path temp, Instant now) throws IOException {
        String year = String.valueOf(now.atZone(ZoneOffset.UTC).getYear());
        String name = year + "/" + UUID.randomUUID();
        Path target = root.resolve(name);
        Files.createDirectories(target.getParent());
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target);
        }
        return name;
    }

    /** Whether an I/O failure means the file system is full (ENOSPC) or over a quota (EDQUOT). */
    static boolean diskFull(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("No space left on device") || m.contains("Disk quota exceeded"))) {
                return true;
            }
        }
        return false;
    }

    /** The path of a stored name. */
    Path path(String storedName) {
        if (storedName == null || !STORED.matcher(storedName).matches()) {
            throw new IllegalStateException("Not a stored attachment name: " + storedName);
        }
        Path p = root.resolve(storedName).normalize();
        if (!p.startsWith(root)) {
            throw new IllegalStateException("Not a stored attachment name: " + storedName);
        }
        return p;
    }

    /** Deletes a kept file; a failure is logged, the row is already gone. */
    void delete(String storedName) {
        try {
            Files.deleteIfExists(path(storedName));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not delete attachment file {}", storedName, e);
        }
    }

    /** Deletes temp files older than the given time (left by a crash or a lost connection). */
    int purgeTemp(Instant olderThan) {
        int n = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(tmp, "upload-*.part")) {
            for (Path f : files) {
                try {
                    if (Files.getLastModifiedTime(f).toInstant().isBefore(olderThan) && Files.deleteIfExists(f)) {
                        n++;
                    }
                } catch (IOException e) {
                    LOG.debug("Could not purge {}", f, e);
                }
            }
        } catch (IOException e) {
            LOG.warn("Could not list {}", tmp, e);
        }
        return n;
    }

    static void deleteQuietly(Path p) {
        if (p == null) {
            return;
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.warn("Could not delete {}", p, e);
        }
    }
}
