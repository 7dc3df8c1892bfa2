package org.ceportal.platform.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One versioned script {@code V<n>__<description>.sql}. */
record MigrationScript(int version, String description, String sql) {

    private static final Pattern NAME = Pattern.compile("V([1-9][0-9]{0,5})__([A-Za-z0-9_\\-]+)\\.sql");

    /**
     * @param fileName the file name without folders
     * @return the script, or {@code null} when the name is not a migration's
     */
    static MigrationScript of(String fileName, String sql) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            return null;
        }
        return new MigrationScript(Integer.parseInt(m.group(1)), m.group(2).replace('_', ' '), sql);
    }

    /** SHA-256 of the script with line ends normalised, so a checkout on Windows matches. */
    String checksum() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(sql.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The statements of the script: split at a {@code ;} that ends a line; lines
     * starting with {@code --} are dropped.
     */
    List<String> statements() {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.replace("\r\n", "\n").split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.endsWith(";")) {
                current.append(trimmed, 0, trimmed.length() - 1);
                add(out, current);
                current.setLength(0);
            } else {
                current.append(line).append('\n');
            }
        }
        add(out, current);
        return out;
    }

    private static void add(List<String> out, StringBuilder statement) {
        String s = statement.toString().strip();
        if (!s.isEmpty()) {
            out.add(s);
        }
    }
}
