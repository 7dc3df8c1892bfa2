package org.ceportal.platform.security;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.ceportal.platform.internal.TestClock;
import org.junit.Test;

public class ThrottleTest {

    @Test
    public void allowsTheLimitPerWindowAndSaysHowLongToWait() {
        TestClock clock = new TestClock(Instant.parse("2026-12-31T15:00:00Z"));
        Throttle throttle = new Throttle(3, Duration.ofSeconds(60), clock);
        assertEquals(0, throttle.acquire("10.0.0.1"));
        assertEquals(0, throttle.acquire("10.0.0.1"));
        clock.advance(Duration.ofSeconds(30));
        assertEquals(0, throttle.acquire("10.0.0.1"));
        long wait = throttle.acquire("10.0.0.1");
        assertTrue("wait " + wait, wait > 0 && wait <= 30);
        assertEquals("another address is not affected", 0, throttle.acquire("10.0.0.2"));
        clock.advance(Duration.ofSeconds(31));
        assertEquals(0, throttle.acquire("10.0.0.1"));
    }

    @Test
    public void aFloodOfRefusalsIsReportedOnce() {
        TestClock clock = new TestClock(Instant.parse("2026-12-31T15:00:00Z"));
        Throttle throttle = new Throttle(1, Duration.ofSeconds(60), clock);
        int[] reported = {0};
        for (int i = 0; i < 50; i++) {
            throttle.acquire("10.0.0.1", () -> reported[0]++);
        }
        assertEquals("49 refusals, one report", 1, reported[0]);
        clock.advance(Duration.ofSeconds(61));
        assertEquals(0, throttle.acquire("10.0.0.1", () -> reported[0]++));
        throttle.acquire("10.0.0.1", () -> reported[0]++);
        assertEquals("a new run after an allowed attempt is reported again", 2, reported[0]);
    }

    @Test
    public void anIpv6ClientCountsOncePerSlash64() {
        TestClock clock = new TestClock(Instant.parse("2026-12-31T15:00:00Z"));
        Throttle throttle = new Throttle(2, Duration.ofSeconds(60), clock);
        // a client rotating through the addresses of its /64 is still one client
        assertEquals(0, throttle.acquire(ClientAddresses.throttleKey("2001:db8:1:2::1")));
        assertEquals(0, throttle.acquire(ClientAddresses.throttleKey("2001:db8:1:2:ffff:0:0:9")));
        assertTrue(throttle.acquire(ClientAddresses.throttleKey("[2001:0db8:0001:0002:abcd::7]")) > 0);
        assertEquals("the neighbouring /64 is someone else", 0,
                throttle.acquire(ClientAddresses.throttleKey("2001:db8:1:3::1")));
    }

    @Test
    public void throttleKeys() {
        assertEquals("203.0.113.9", ClientAddresses.throttleKey("203.0.113.9"));
        assertEquals("2001:db8:1:2::/64", ClientAddresses.throttleKey("2001:db8:1:2:3:4:5:6"));
        assertEquals("IPv4-mapped IPv6 is the IPv4 client", "192.0.2.1", ClientAddresses.throttleKey("::ffff:192.0.2.1"));
        assertEquals("not an address: unchanged", "example.org", ClientAddresses.throttleKey("example.org"));
    }

    @Test
    public void literalsNeverLookUpNames() {
        assertTrue(ClientAddresses.literal("localhost").isEmpty());
        assertTrue(ClientAddresses.literal("999.1.1.1").isEmpty());
        assertTrue(ClientAddresses.literal("1.2.3").isEmpty());
        assertTrue(ClientAddresses.literal("").isEmpty());
        assertTrue(ClientAddresses.literal(null).isEmpty());
        assertTrue(ClientAddresses.literal("::1").isPresent());
        assertTrue(ClientAddresses.literal("fe80::1%eth0").isPresent());
    }
}
