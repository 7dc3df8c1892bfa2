package org.ceportal.platform.internal;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class ServletBoundaryFilterTest {

    @Test
    public void brokenPercentEncodingIsInvalid() {
        assertFalse("a cut four-byte sequence", ServletBoundaryFilter.validQuery("q=%F0%9F%98"));
        assertFalse("an encoded surrogate", ServletBoundaryFilter.validQuery("q=%ED%A0%80"));
        assertFalse(ServletBoundaryFilter.validQuery("q=%zz"));
        assertFalse(ServletBoundaryFilter.validQuery("q=%"));
        assertFalse(ServletBoundaryFilter.validQuery("q=%4"));
        assertFalse("an overlong form", ServletBoundaryFilter.validQuery("q=%C0%AF"));
    }

    @Test
    public void properQueriesAreValid() {
        assertTrue(ServletBoundaryFilter.validQuery(null));
        assertTrue(ServletBoundaryFilter.validQuery("page=0&size=10"));
        assertTrue(ServletBoundaryFilter.validQuery("q=%E6%B4%9B%E9%98%B3&page=1"));
        assertTrue(ServletBoundaryFilter.validQuery("q=%F0%9F%98%80"));
        assertTrue(ServletBoundaryFilter.validQuery("q=a+b%2Bc&&x="));
    }
}
