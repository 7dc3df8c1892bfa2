package org.ceportal.declarations.internal;

import java.util.concurrent.atomic.AtomicLong;
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
 *
 * <p>Where this node is the only one (embedded Derby: every write passes through this JVM), a
 * page is also given without reading the count, while it is <em>trusted</em>: every write of a
 * person's declarations forgets their kept pages once it has committed ({@link #forget}, called
 * by {@link OwnerLocks}), and a page is trusted only when no write committed between the moment
 * its read began and the moment it was kept (a global count of forgets, read first, then checked
 * again after the page is kept), so a read that began before a write never keeps an older page
 * as trusted.
 */
final class OwnLists {
    /** What one page of the list is asked for with. */
    record Key(long ownerId, String state, Integer year, long offset, int size) {
    }

    private record Kept(long changes, byte[] json, boolean trusted) {
    }

    private final Cache<Key, Kept> pages;
    private final Function<Object, byte[]> json;
    private final boolean onlyNode;
    private final AtomicLong forgets = new AtomicLong();

    /** Keeps nothing and writes no JSON: for the parts that read no own list (the reviewers' side, tests). */
    static OwnLists none() {
        return new OwnLists(0, false, page -> {
            throw new UnsupportedOperationException("no own lists here");
        });
    }

    /**
     * @param kilobytes the most memory the kept pages may take; 0 keeps none
     * @param onlyNode every write of the declarations passes through this node (embedded Derby)
     * @param json writes a page as the API answers it
     */
    OwnLists(int kilobytes, boolean onlyNode, Function<Object, byte[]> json) {
        this.json = json;
        this.onlyNode = onlyNode;
        this.pages = kilobytes <= 0 ? null
                : Caffeine.newBuilder()
                        .maximumWeight(kilobytes * 1024L)
                        .<Key, Kept>weigher((k, v) -> 96 + v.json().length)
                        .build();
    }

    /** Where this node is the only one, the page kept for {@code key} while it is trusted; else null. */
    byte[] trusted(Key key) {
        if (pages == null || !onlyNode) {
            return null;
        }
        Kept kept = pages.getIfPresent(key);
        return kept != null && kept.trusted() ? kept.json() : null;
    }

    /** How many times kept pages were forgotten: read before a page's read begins, passed to {@link #get}. */
    long generation() {
        return forgets.get();
    }

    /**
     * The page kept for {@code key} when it was read at {@code changes}, else {@code read}'s,
     * kept for next time. {@code changes} must be read before {@code read} runs: then a page
     * read after a later change is merely kept under an older count, which the database
     * never shows again, so it is not given again.
     *
     * @param changes the person's count of changes now; null (no lock row yet) keeps nothing
     * @param generation {@link #generation()} read before {@code changes}
     */
    byte[] get(Key key, Long changes, long generation, Supplier<Page<DeclarationSummary>> read) {
        if (pages == null || changes == null) {
            return json.apply(read.get());
        }
        Kept kept = pages.getIfPresent(key);
        if (kept != null && kept.changes() == changes) {
            if (onlyNode && !kept.trusted()) {
                keep(key, new Kept(changes, kept.json(), true), generation);
            }
            return kept.json();
        }
        byte[] page = json.apply(read.get());
        keep(key, new Kept(changes, page, onlyNode), generation);
        return page;
    }

    /**
     * Keeps a page; a trusted one only when no write committed since {@code generation}. The
     * check is made again after the page is kept: a write's {@link #forget} that counted after
     * the first check and removed the person's pages before this one was kept would miss it.
     */
    private void keep(Key key, Kept page, long generation) {
        Kept k = page.trusted() && forgets.get() != generation ? new Kept(page.changes(), page.json(), false) : page;
        pages.put(key, k);
        if (k.trusted() && forgets.get() != generation) {
            pages.asMap().remove(key, k);
        }
    }

    /**
     * After a write of the person's declarations committed: their kept pages go (each is read
     * again at its next request), and no page whose read began before is kept as trusted.
     */
    void forget(long ownerId) {
        if (pages == null) {
            return;
        }
        forgets.incrementAndGet();
        pages.asMap().keySet().removeIf(k -> k.ownerId() == ownerId);
    }
}
