package org.ceportal.platform.api;

import java.util.List;

/**
 * The shape of every list answer: {@code {"items":[...],"total":N}}.
 *
 * @param <T> the item type
 */
public class ItemList<T> {
    private final List<T> items;
    private final long total;

    public ItemList(List<T> items, long total) {
        this.items = List.copyOf(items);
        this.total = total;
    }

    /** A complete list: total is the number of items. */
    public static <T> ItemList<T> of(List<T> items) {
        return new ItemList<>(items, items.size());
    }

    public List<T> getItems() {
        return items;
    }

    public long getTotal() {
        return total;
    }
}
