package org.ceportal.web.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import org.junit.Test;

public class StaticPathsTest {

    @Test
    public void rootAndFoldersServeTheirIndex() {
        assertEquals("/index.html", StaticPaths.normalise(null));
        assertEquals("/index.html", StaticPaths.normalise("/"));
        assertEquals("/help/index.html", StaticPaths.normalise("/help/"));
        assertEquals("/js/pickers.js", StaticPaths.normalise("/js/pickers.js"));
    }

    @Test
    public void traversalAndHiddenFilesAreRefused() {
        assertNull(StaticPaths.normalise("/../etc/passwd"));
        assertNull(StaticPaths.normalise("/js/../../x.html"));
        assertNull(StaticPaths.normalise("/./index.html"));
        assertNull(StaticPaths.normalise("/.git/config"));
        assertNull(StaticPaths.normalise("/a\\b.html"));
        assertNull(StaticPaths.normalise("relative.html"));
    }

    @Test
    public void unknownTypesAreNotServed() {
        assertNull(StaticPaths.normalise("/WEB-INF/web.xml"));
        assertNull(StaticPaths.normalise("/META-INF/MANIFEST.MF"));
        assertNull(StaticPaths.normalise("/noextension"));
    }

    @Test
    public void textIsServedAsUtf8() {
        assertEquals("text/html;charset=UTF-8", StaticPaths.contentType("/index.html"));
        assertEquals("text/javascript;charset=UTF-8", StaticPaths.contentType("/js/portal.js"));
        assertEquals("text/css;charset=UTF-8", StaticPaths.contentType("/css/PORTAL.CSS"));
    }
}
