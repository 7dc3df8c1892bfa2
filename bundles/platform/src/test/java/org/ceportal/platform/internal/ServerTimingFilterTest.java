package org.ceportal.platform.internal;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class ServerTimingFilterTest {

    @Test
    public void theDurationHasTwoDecimalsOfAMillisecond() {
        assertEquals("app;dur=0.00", ServerTimingFilter.duration(0));
        assertEquals("app;dur=0.05", ServerTimingFilter.duration(59_999));
        assertEquals("app;dur=1.20", ServerTimingFilter.duration(1_200_000));
        assertEquals("app;dur=1234.56", ServerTimingFilter.duration(1_234_567_890L));
        // a clock that steps back is no negative time
        assertEquals("app;dur=0.00", ServerTimingFilter.duration(-5));
    }
}
