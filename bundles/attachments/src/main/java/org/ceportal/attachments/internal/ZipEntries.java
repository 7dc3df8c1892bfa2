package org.ceportal.attachments.internal;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.ceportal.attachments.api.AttachmentService.ZipItem;

/**
 * The files inside a stored ZIP (one that passed {@link ContentInspector} at upload),
 * listed and opened one by one for a reviewer: every entry but folders and the Mac's
 * {@code __MACOSX/} metadata, numbered in the archive's order.
 */
final class ZipEntries {
    private static final Charset GBK = Charset.isSupported("GBK") ? Charset.forName("GBK") : StandardCharsets.UTF_8;

    private final ContentInspector inspector;

    ZipEntries(ContentInspector inspector) {
        this.inspector = inspector;
    }

    List<ZipItem> list(Path file) throws IOException {
        try (ZipFile zip = open(file)) {
            List<ZipItem> items = new ArrayList<>();
            int index = 0;
            for (ZipEntry e : shown(zip)) {
                String type;
                try (InputStream in = new BufferedInputStream(zip.getInputStream(e))) {
                    type = inspector.scanType(in);
                }
                items.add(new ZipItem(index++, displayName(e.getName()), e.getSize(), type));
            }
            return items;
        }
    }

    /** The entry's content; closing the stream closes the archive. Null when there is no such entry. */
    Opened open(Path file, int index) throws IOException {
        ZipFile zip = open(file);
        try {
            List<ZipEntry> shown = shown(zip);
            if (index < 0 || index >= shown.size()) {
                zip.close();
                return null;
            }
            ZipEntry e = shown.get(index);
            String type;
            try (InputStream probe = new BufferedInputStream(zip.getInputStream(e))) {
                type = inspector.scanType(probe);
            }
            InputStream in = new FilterInputStream(zip.getInputStream(e)) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        zip.close();
                    }
                }
            };
            return new Opened(new ZipItem(index, displayName(e.getName()), e.getSize(), type), in);
        } catch (IOException | RuntimeException ex) {
            zip.close();
            throw ex;
        }
    }

    record Opened(ZipItem item, InputStream stream) {
    }

    private static List<ZipEntry> shown(ZipFile zip) {
        List<ZipEntry> out = new ArrayList<>();
        Enumeration<? extends ZipEntry> all = zip.entries();
        while (all.hasMoreElements()) {
            ZipEntry e = all.nextElement();
            if (!e.isDirectory() && !e.getName().startsWith("__MACOSX/")) {
                out.add(e);
            }
        }
        return out;
    }

    /** UTF-8 names, else GBK ones (Windows' zipper), as at upload. */
    private static ZipFile open(Path file) throws IOException {
        try {
            ZipFile z = new ZipFile(file.toFile(), StandardCharsets.UTF_8);
            shown(z); // decodes every name
            return z;
        } catch (IllegalArgumentException | java.util.zip.ZipException e) {
            return new ZipFile(file.toFile(), GBK);
        }
    }

    private static String displayName(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
