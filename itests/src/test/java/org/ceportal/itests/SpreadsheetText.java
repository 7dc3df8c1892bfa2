package org.ceportal.itests;

import java.io.File;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * An Excel workbook as LibreOffice reads it: converted to CSV by {@code soffice --headless}
 * (Debian's libreoffice-calc-nogui, which {@code .ci/run} installs), a program independent of
 * the library that wrote it. Also reads a CSV download the way a spreadsheet would.
 */
final class SpreadsheetText {
    static final String SOFFICE = "/usr/bin/soffice";

    private SpreadsheetText() {
    }

    /** The first sheet's rows, each a list of cell texts as LibreOffice shows them. */
    static List<List<String>> ofXlsx(byte[] xlsx) throws Exception {
        if (!new File(SOFFICE).canExecute()) {
            throw new IllegalStateException("Excel checks need LibreOffice (" + SOFFICE
                    + "): apt-get install -y --no-install-recommends libreoffice-calc-nogui, or run .ci/run");
        }
        Path dir = Files.createTempDirectory("xlsx");
        try {
            Path file = dir.resolve("report.xlsx");
            Files.write(file, xlsx);
            // its own profile folder: no clash with another LibreOffice, nothing left in $HOME
            Process p = new ProcessBuilder(SOFFICE, "-env:UserInstallation=" + dir.resolve("profile").toUri(),
                    "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", dir.toString(),
                    file.toString()).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            Path csv = dir.resolve("report.csv");
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0 || !Files.exists(csv)) {
                throw new AssertionError("LibreOffice could not open the workbook (" + xlsx.length + " bytes, starting "
                        + new String(xlsx, 0, Math.min(200, xlsx.length), StandardCharsets.ISO_8859_1) + "): "
                        + new String(out, StandardCharsets.UTF_8));
            }
            return ofCsv(Files.readString(csv, StandardCharsets.UTF_8));
        } finally {
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    /** A CSV's rows (a leading BOM dropped). */
    static List<List<String>> ofCsv(String text) throws Exception {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<List<String>> rows = new ArrayList<>();
        for (CSVRecord r : CSVFormat.EXCEL.parse(new StringReader(body))) {
            rows.add(r.toList());
        }
        return rows;
    }

    /** The row whose first cell is {@code first}. */
    static List<String> row(List<List<String>> rows, String first) {
        return rows.stream().filter(r -> !r.isEmpty() && first.equals(r.get(0))).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + first + " in " + rows));
    }
}
