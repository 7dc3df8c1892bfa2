package org.ceportal.platform.internal;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class OriginFilterTest {

    @Test
    public void sameHostPasses() {
        assertFalse(OriginFilter.crossSite("http://portal.example:8181", "portal.example:8181", null));
        assertFalse(OriginFilter.crossSite("https://Portal.Example", "portal.example", "same-origin"));
    }

    @Test
    public void noOriginPasses() {
        assertFalse(OriginFilter.crossSite(null, "portal.example", null));
        assertFalse(OriginFilter.crossSite("", "portal.example", "none"));
    }

    @Test
    public void otherHostOrPortIsRefused() {
        assertTrue(OriginFilter.crossSite("http://evil.example", "portal.example", null));
        assertTrue(OriginFilter.crossSite("http://portal.example:9999", "portal.example:8181", null));
        assertTrue(OriginFilter.crossSite("null", "portal.example", null));
        assertTrue(OriginFilter.crossSite("http://portal.example", null, null));
        assertTrue(OriginFilter.crossSite("::not a uri", "portal.example", null));
    }

    @Test
    public void browserMarkedCrossSiteIsRefused() {
        assertTrue(OriginFilter.crossSite(null, "portal.example", "cross-site"));
    }
}
