package org.ceportal.declarations.internal;

import java.util.function.Function;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.ceportal.declarations.api.DeclarationSummary;
import org.ceportal.platform.api.Page;

/**
 * Pages of people's own lists (申报进度查询) kept in this node's memory as the JSON the API
 * answers with, each with the count of changes to the person's declarations it was read at
 * ({@code declaration_owner.changes}). A kept page is given only while the count in the
 * database is still the same, and every write of a person's declarations adds to it in its
 * own transaction, on whichever node: so a kept page is never older than what the database
 * holds. Bounded by size (Caffeine).
 */
final class OwnLists {
    /** What one page of the list is asked for with. */
    record Key(long ownerId, String state, Integer year, long offset, int size) {
    }

    private record Kept(long changes, byte[] json) {
    }

    private final Cache<Key, Kept> pages;
    private final Function<Object, byte[]> json;

    /** Keeps nothing and writes no JSON: for the parts that read no own list (the reviewers' side, tests). */
    static OwnLists none() {
        return new OwnLists(0, page -> {
            throw new UnsupportedOperationException("no own lists here");
        });
    }

    /**
     * @param kilobytes the most memory the kept pages may take; 0 keeps none
     * @param json writes a page as the API answers it
     */
    OwnLists(int kilobytes, Function<Object, byte[]> json) {
        this.json = json;
        this.pages = kilobytes <= 0 ? null
                : Caffeine.newBuilder()
                        .maximumWeight(kilobytes * 1024L)
                        .<Key, Kept>weigher((k, v) -> 96 + v.json().length)
                        .build();
    }

    /**
     * The page kept for {@code key} when it was read at {@code changes}, else {@code read}'s,
     * kept for next time. {@code changes} must be read before {@code read} runs: then a page
     * read after a later change is merely kept under an older count, which the database
     * never shows again, so it is not given again.
     *
     * @param changes the person's count of changes now; null (no lock row yet) keeps nothing
     */
    byte[] get(Key key, Long changes, Supplier<Page<DeclarationSummary>> read) {
        if (pages == null || changes == null) {
            return json.apply(read.get());
        }
        Kept kept = pages.getIfPresent(key);
        if (kept != null && kept.changes() == changes) {
            return kept.json();
        }
        byte[] page = json.apply(read.get());
        pages.put(key, new Kept(changes, page));
        return page;
    }
}
