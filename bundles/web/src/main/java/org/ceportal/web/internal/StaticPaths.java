package org.ceportal.web.internal;

import java.util.Locale;
import java.util.Map;

/** Maps request paths to files under {@code static/} and files to content types. */
final class StaticPaths {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html;charset=UTF-8"),
            Map.entry("css", "text/css;charset=UTF-8"),
            Map.entry("js", "text/javascript;charset=UTF-8"),
            Map.entry("json", "application/json;charset=UTF-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("txt", "text/plain;charset=UTF-8"),
            Map.entry("woff2", "font/woff2"));

    private StaticPaths() {
    }

    /**
     * @param pathInfo the request path below the servlet, may be {@code null}
     * @return the file path starting with '/', or {@code null} when the path may not be served
     */
    static String normalise(String pathInfo) {
        String path = pathInfo == null || pathInfo.isEmpty() ? "/" : pathInfo;
        if (!path.startsWith("/") || path.contains("\\") || path.indexOf('\0') >= 0) {
            return null;
        }
        for (String segment : path.split("/")) {
            if (segment.equals("..") || segment.equals(".") || (segment.startsWith(".") && !segment.isEmpty())) {
                return null;
            }
        }
        if (path.endsWith("/")) {
            path = path + "index.html";
        }
        return TYPES.containsKey(extension(path)) ? path : null;
    }

    static String contentType(String path) {
        return TYPES.getOrDefault(extension(path), "application/octet-stream");
    }

    private static String extension(String path) {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        return dot > slash ? path.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }
}
