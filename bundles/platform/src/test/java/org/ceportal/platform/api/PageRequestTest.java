package org.ceportal.platform.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;

import org.junit.Test;

public class PageRequestTest {
    private static final int DEFAULT_SIZE = 20;
    private static final int MAX_SIZE = 100;

    private static PageRequest parse(String page, String size) {
        return PageRequest.parse(page, size, DEFAULT_SIZE, MAX_SIZE);
    }

    /** Parses values that must be rejected and returns the problem. */
    private static ProblemException rejected(String page, String size) {
        try {
            PageRequest r = parse(page, size);
            fail("page=" + page + ", size=" + size + " was accepted as " + r);
            return null;
        } catch (ProblemException e) {
            assertEquals(400, e.status());
            assertEquals("bad_paging", e.code());
            return e;
        }
    }

    private static List<String> fields(ProblemException e) {
        return e.errors().stream().map(FieldError::field).toList();
    }

    private static void assertRejectedPage(String page) {
        ProblemException e = rejected(page, null);
        assertEquals("page=" + page, List.of("page"), fields(e));
    }

    private static void assertRejectedSize(String size) {
        ProblemException e = rejected(null, size);
        assertEquals("size=" + size, List.of("size"), fields(e));
    }

    @Test
    public void missingParametersGiveTheFirstPageOfTheDefaultSize() {
        assertEquals(new PageRequest(0, DEFAULT_SIZE), parse(null, null));
    }

    @Test
    public void blankParametersGiveTheDefaults() {
        assertEquals(new PageRequest(0, DEFAULT_SIZE), parse("", "  "));
    }

    @Test
    public void validValuesAreTaken() {
        PageRequest r = parse("3", "50");
        assertEquals(3, r.page());
        assertEquals(50, r.size());
        assertEquals(150L, r.offset());
    }

    @Test
    public void surroundingWhitespaceIsIgnored() {
        assertEquals(new PageRequest(2, 7), parse(" 2 ", " 7 "));
    }

    @Test
    public void boundsThemselvesAreAccepted() {
        assertEquals(new PageRequest(0, 1), parse("0", "1"));
        assertEquals(new PageRequest(PageRequest.MAX_PAGE, MAX_SIZE),
                parse(String.valueOf(PageRequest.MAX_PAGE), String.valueOf(MAX_SIZE)));
    }

    @Test
    public void sizeZeroIsRejected() {
        assertRejectedSize("0");
    }

    @Test
    public void sizeAboveTheMaximumIsRejected() {
        assertRejectedSize(String.valueOf(MAX_SIZE + 1));
    }

    @Test
    public void negativeNumbersAreRejected() {
        assertRejectedPage("-1");
        assertRejectedSize("-1");
    }

    @Test
    public void pageAboveMaxPageIsRejected() {
        assertRejectedPage(String.valueOf(PageRequest.MAX_PAGE + 1));
    }

    @Test
    public void nonDigitsAreRejected() {
        for (String bad : new String[] {"abc", "1.5", "1e3", "+1", "0x10", "１"}) {
            assertRejectedPage(bad);
            assertRejectedSize(bad);
        }
    }

    @Test
    public void hugeNumbersAreRejectedNotOverflowed() {
        // 10 digits: beyond int for some, and never a NumberFormatException / 500
        for (String huge : new String[] {"2147483648", "9999999999", "4294967297", "99999999999999999999"}) {
            assertRejectedPage(huge);
            assertRejectedSize(huge);
        }
    }

    @Test
    public void bothBadGiveTwoFieldErrors() {
        ProblemException e = rejected("abc", "0");
        assertEquals(List.of("page", "size"), fields(e));
        // the problem's message is a readable one, the page's
        assertEquals(e.errors().get(0).message(), e.getMessage());
    }

    @Test
    public void messagesTellTheAllowedRange() {
        ProblemException e = rejected("x", "x");
        assertTrue(e.errors().get(0).message(), e.errors().get(0).message().contains(String.valueOf(PageRequest.MAX_PAGE)));
        assertTrue(e.errors().get(1).message(), e.errors().get(1).message().contains(String.valueOf(MAX_SIZE)));
    }

    @Test
    public void offsetOfTheLastAllowedPageDoesNotOverflow() {
        PageRequest last = parse(String.valueOf(PageRequest.MAX_PAGE), String.valueOf(MAX_SIZE));
        assertEquals((long) PageRequest.MAX_PAGE * MAX_SIZE, last.offset());
        // even with a size far beyond any configured maximum, the offset is computed in long
        PageRequest extreme = new PageRequest(PageRequest.MAX_PAGE, Integer.MAX_VALUE);
        assertEquals((long) PageRequest.MAX_PAGE * Integer.MAX_VALUE, extreme.offset());
        assertTrue(extreme.offset() > 0);
    }

    @Test(expected = IllegalArgumentException.class)
    public void negativePageCannotBeConstructed() {
        new PageRequest(-1, 10);
    }

    @Test(expected = IllegalArgumentException.class)
    public void emptyPageSizeCannotBeConstructed() {
        new PageRequest(0, 0);
    }
}
