package org.ceportal.platform.api;

import java.util.ArrayList;
import java.util.List;

/**
 * A validated page request. {@code page} counts from 0; {@code size} lies in
 * {@code [1, maxSize]}. Parsed from the raw query strings so that a bad value is a
 * 400 problem with a zh-CN field message, never a 404 or 500.
 *
 * @param page the page number, from 0
 * @param size the number of items per page
 */
public record PageRequest(int page, int size) {

    /** The largest page number accepted; keeps offsets far from overflow. */
    public static final int MAX_PAGE = 100_000;

    public PageRequest {
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("page " + page + ", size " + size);
        }
    }

    /** Index of the first item of this page. */
    public long offset() {
        return (long) page * size;
    }

    /**
     * Parses {@code page} and {@code size} query parameters.
     *
     * @param page        raw value or {@code null} (defaults to 0)
     * @param size        raw value or {@code null} (defaults to {@code defaultSize})
     * @param defaultSize size when none is given
     * @param maxSize     largest size accepted
     * @throws ProblemException 400 naming each bad parameter
     */
    public static PageRequest parse(String page, String size, int defaultSize, int maxSize) {
        List<FieldError> errors = new ArrayList<>();
        int p = 0;
        int s = defaultSize;
        if (page != null && !page.isBlank()) {
            Integer v = parseInt(page);
            if (v == null || v < 0 || v > MAX_PAGE) {
                errors.add(new FieldError("page", "页码必须是 0 到 " + MAX_PAGE + " 之间的整数"));
            } else {
                p = v;
            }
        }
        if (size != null && !size.isBlank()) {
            Integer v = parseInt(size);
            if (v == null || v < 1 || v > maxSize) {
                errors.add(new FieldError("size", "每页条数必须是 1 到 " + maxSize + " 之间的整数"));
            } else {
                s = v;
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "bad_paging", errors.get(0).message(), errors);
        }
        return new PageRequest(p, s);
    }

    private static Integer parseInt(String raw) {
        String t = raw.trim();
        if (t.isEmpty() || t.length() > 9) {
            return null;
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        return Integer.valueOf(t);
    }
}
