package org.ceportal.fonts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Noto Sans SC Regular (a TrueType font covering GB 18030's hanzi and Latin), under the
 * SIL Open Font License 1.1 (its text is {@code fonts/OFL.txt} in this bundle). The
 * font may be embedded, subset, in documents the portal makes.
 */
public final class CjkFont {
    /** The font's name, for documents that say which font they use. */
    public static final String NAME = "Noto Sans SC Regular";
    /** Its licence. */
    public static final String LICENSE = "SIL Open Font License 1.1";

    private static final String PATH = "/fonts/NotoSansSC-Regular.ttf";

    private CjkFont() {
    }

    /** The TrueType file's bytes (about 10 MB), read afresh: callers keep what they need. */
    public static byte[] bytes() {
        try (InputStream in = CjkFont.class.getResourceAsStream(PATH)) {
            if (in == null) {
                throw new IllegalStateException("font missing from the bundle: " + PATH);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
