package org.ceportal.platform.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.Test;

public class SharedAnswerCacheTest {
    private static final String UNITS = "/api/directory/regions/410300/units?size=25";

    private static SharedAnswerCache.Config config(int seconds, int maxKilobytes) {
        return new SharedAnswerCache.Config() {
            @Override
            public int seconds() {
                return seconds;
            }

            @Override
            public int maxKilobytes() {
                return maxKilobytes;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return SharedAnswerCache.Config.class;
            }
        };
    }

    private static void keep(SharedAnswerCache cache, long started, String body) {
        cache.keep(UNITS, started, List.of(Map.entry("Content-Type", "application/json")), null,
                body.getBytes(StandardCharsets.UTF_8));
    }

    /** The fresh answer kept for the units, or null. */
    private static String given(SharedAnswerCache cache) {
        SharedAnswerCache.Answer kept = cache.get(UNITS);
        return kept != null && cache.fresh(kept) ? new String(kept.body(), StandardCharsets.UTF_8) : null;
    }

    @Test
    public void anAnswerIsGivenUntilForgottenAndStillKnownAfterwards() {
        SharedAnswerCache cache = new SharedAnswerCache(config(60, 1024));
        keep(cache, cache.generation(), "{\"total\":25}");
        assertEquals("{\"total\":25}", given(cache));
        assertNull("another query is another answer", cache.get(UNITS + "&page=1"));
        cache.forget();
        assertNull(given(cache));
        assertNotNull("a stale answer tells that the path is kept", cache.get(UNITS));
    }

    @Test
    public void anAnswerBuiltBeforeAChangeIsNotGiven() {
        SharedAnswerCache cache = new SharedAnswerCache(config(60, 1024));
        long started = cache.generation();
        cache.forget(); // a unit was added while the request read the old units
        keep(cache, started, "{\"total\":25}");
        assertNull(given(cache));
        keep(cache, cache.generation(), "{\"total\":26}");
        assertEquals("{\"total\":26}", given(cache));
    }

    @Test
    public void zeroSecondsKeepsNothing() {
        SharedAnswerCache cache = new SharedAnswerCache(config(0, 1024));
        keep(cache, cache.generation(), "{}");
        assertNull(cache.get(UNITS));
    }

    @Test
    public void aNewConfigurationStartsEmpty() {
        SharedAnswerCache cache = new SharedAnswerCache(config(60, 1024));
        long started = cache.generation();
        keep(cache, started, "{}");
        cache.configure(config(30, 1024));
        assertNull(cache.get(UNITS));
        keep(cache, started, "{}");
        assertNull("built under the old configuration", cache.get(UNITS));
    }

    @Test
    public void theValidatorMatchesAsAGetCompares() {
        assertTrue(SharedAnswerFilter.matches("\"abc\"", "\"abc\""));
        assertTrue(SharedAnswerFilter.matches("W/\"abc\"", "\"abc\""));
        assertTrue(SharedAnswerFilter.matches("\"x\", \"abc\"", "\"abc\""));
        assertTrue(SharedAnswerFilter.matches("*", "\"abc\""));
        assertFalse(SharedAnswerFilter.matches("\"abd\"", "\"abc\""));
        assertFalse(SharedAnswerFilter.matches(null, "\"abc\""));
    }

    @Test
    public void onlyRequestsThatTakeJsonGetAKeptAnswer() {
        assertTrue(SharedAnswerFilter.acceptsJson(null));
        assertTrue(SharedAnswerFilter.acceptsJson("application/json, text/plain, */*"));
        assertTrue(SharedAnswerFilter.acceptsJson("*/*"));
        assertFalse(SharedAnswerFilter.acceptsJson("text/csv"));
    }
}
