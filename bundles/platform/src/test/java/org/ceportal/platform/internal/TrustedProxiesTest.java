package org.ceportal.platform.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

public class TrustedProxiesTest {

    @Test
    public void withoutTrustedProxiesTheHeaderIsIgnored() {
        TrustedProxies none = TrustedProxies.parse(new String[0]);
        assertEquals("127.0.0.1", none.client("127.0.0.1", List.of("203.0.113.9")));
    }

    @Test
    public void aTrustedProxyNamesTheClient() {
        TrustedProxies t = TrustedProxies.parse(new String[] {"127.0.0.1", "10.0.0.0/8"});
        assertEquals("203.0.113.9", t.client("127.0.0.1", List.of("203.0.113.9")));
        // the client's own claim left of the proxies' entries does not count
        assertEquals("203.0.113.9", t.client("127.0.0.1", List.of("198.51.100.1, 203.0.113.9, 10.1.2.3")));
        assertEquals("two headers are one list", "203.0.113.9", t.client("10.0.0.5", List.of("6.6.6.6", "203.0.113.9")));
    }

    @Test
    public void anUntrustedPeerCannotNameAClient() {
        TrustedProxies t = TrustedProxies.parse(new String[] {"127.0.0.1"});
        assertEquals("198.51.100.7", t.client("198.51.100.7", List.of("203.0.113.9")));
    }

    @Test
    public void garbageInTheHeaderStopsAtTheProxyThatAddedIt() {
        TrustedProxies t = TrustedProxies.parse(new String[] {"127.0.0.1", "10.0.0.0/8"});
        assertEquals("10.0.0.2", t.client("127.0.0.1", List.of("x".repeat(5000) + ", 10.0.0.2")));
        assertEquals("127.0.0.1", t.client("127.0.0.1", List.of("unknown")));
    }

    @Test
    public void ipv6BlocksAndMasks() {
        TrustedProxies t = TrustedProxies.parse(new String[] {"fd00::/8, ::1", "192.168.4.0/22"});
        assertTrue(t.trusts("fd12:3456::1"));
        assertTrue(t.trusts("::1"));
        assertTrue(t.trusts("192.168.7.255"));
        assertFalse(t.trusts("192.168.8.0"));
        assertFalse(t.trusts("fe80::1"));
        assertEquals("2001:db8:0:0:0:0:0:5", t.client("::1", List.of("2001:db8::5")));
    }

    @Test(expected = IllegalArgumentException.class)
    public void aNameIsNotAProxy() {
        TrustedProxies.parse(new String[] {"proxy.example.org"});
    }

    @Test(expected = IllegalArgumentException.class)
    public void aPrefixBeyondTheAddressIsRefused() {
        TrustedProxies.parse(new String[] {"10.0.0.0/33"});
    }
}
