package org.ceportal.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Files to upload: real minimal scans and the archives an attacker would send. */
final class Samples {
    private Samples() {
    }

    /** A minimal PDF with a visible line of text. */
    static byte[] pdf(String text) {
        String content = "BT /F1 12 Tf 72 720 Td (" + text + ") Tj ET";
        String doc = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                + "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents 4 0 R"
                + "/Resources<</Font<</F1 5 0 R>>>>>>endobj\n"
                + "4 0 obj<</Length " + content.length() + ">>stream\n" + content + "\nendstream endobj\n"
                + "5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\n"
                + "trailer<</Root 1 0 R>>\n%%EOF\n";
        return doc.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Values for a form's required fields only, each the simplest its type allows (a JSON object). */
    static String requiredValues(com.fasterxml.jackson.databind.JsonNode schema) {
        StringBuilder values = new StringBuilder("{");
        for (com.fasterxml.jackson.databind.JsonNode f : schema.path("fields")) {
            if (!f.path("required").asBoolean()) {
                continue;
            }
            values.append(values.length() > 1 ? "," : "").append('"').append(f.path("key").asText()).append("\":");
            switch (f.path("type").asText()) {
                case "choice" -> values.append('"').append(f.path("options").get(0).path("value").asText()).append('"');
                case "date" -> values.append("\"" + Dates.YEAR + "-05-20\"");
                case "number", "year" -> values.append(f.path("min").isMissingNode() || f.path("min").isNull() ? "1" : f.path("min").asText());
                default -> values.append("\"全省中小学教师信息化教学能力大赛\"");
            }
        }
        return values.append('}').toString();
    }

    /** A ZIP with the given entries (name, content, name, content...). */
    static byte[] zip(Object... entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i + 1 < entries.length; i += 2) {
                zip.putNextEntry(new ZipEntry((String) entries[i]));
                zip.write((byte[]) entries[i + 1]);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** One entry of {@code megabytes} MB of zeros: tiny compressed, huge unpacked. */
    static byte[] zipBomb(int megabytes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("scan.pdf"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < megabytes; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
