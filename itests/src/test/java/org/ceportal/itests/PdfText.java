package org.ceportal.itests;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The text of a PDF as Poppler's {@code pdftotext} (Debian's poppler-utils, which
 * {@code .ci/run} installs) reads it: a tool independent of the PDFBox that drew it, so
 * the check also proves the embedded font maps its glyphs back to the right characters.
 */
final class PdfText {
    static final String PDFTOTEXT = "/usr/bin/pdftotext";

    private PdfText() {
    }

    static String of(byte[] pdf) throws Exception {
        if (!new File(PDFTOTEXT).canExecute()) {
            throw new IllegalStateException("PDF checks need Debian's poppler-utils (" + PDFTOTEXT
                    + "): apt-get install -y poppler-utils, or run .ci/run");
        }
        Path file = Files.createTempFile("proof", ".pdf");
        try {
            Files.write(file, pdf);
            Process p = new ProcessBuilder(PDFTOTEXT, "-enc", "UTF-8", "-layout", file.toString(), "-")
                    .redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError("pdftotext failed: " + new String(out, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
