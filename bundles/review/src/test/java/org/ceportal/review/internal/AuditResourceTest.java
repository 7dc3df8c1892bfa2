package org.ceportal.review.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import org.junit.Test;

public class AuditResourceTest {

    /** A name or subject a spreadsheet would run as a formula is exported as text. */
    @Test
    public void formulaLikeCellsAreDefused() {
        assertEquals("'=HYPERLINK(\"http://x\")", AuditResource.cell("=HYPERLINK(\"http://x\")"));
        assertEquals("'+1", AuditResource.cell("+1"));
        assertEquals("'-1", AuditResource.cell("-1"));
        assertEquals("'@SUM(A1)", AuditResource.cell("@SUM(A1)"));
        assertEquals("declaration:42 training 2026 16", AuditResource.cell("declaration:42 training 2026 16"));
        assertEquals("王芳", AuditResource.cell("王芳"));
        assertNull(AuditResource.cell(null));
    }
}
