package org.ceportal.platform.api;

import java.util.List;

/**
 * One page of a longer list: {@code {"items":[...],"total":N,"page":P,"size":S}},
 * where {@code total} counts all matches and {@code page} counts from 0.
 *
 * @param <T> the item type
 */
public class Page<T> extends ItemList<T> {
    private final int page;
    private final int size;

    public Page(List<T> items, long total, PageRequest request) {
        super(items, total);
        this.page = request.page();
        this.size = request.size();
    }

    public int getPage() {
        return page;
    }

    public int getSize() {
        return size;
    }
}
