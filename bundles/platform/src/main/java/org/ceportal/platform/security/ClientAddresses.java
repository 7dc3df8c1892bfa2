package org.ceportal.platform.security;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Who is on the other end of a request. Behind a reverse proxy every request comes
 * from the proxy; only proxies that configuration names as trusted may say, in
 * {@code X-Forwarded-For}, whom they are forwarding. Audit records, throttles and
 * lock-outs use this address.
 *
 * @since 1.2
 */
@ProviderType
public interface ClientAddresses {

    /**
     * The client's address: the peer's, or, when the peer is a trusted proxy, the
     * nearest address in {@code X-Forwarded-For} that is not a trusted proxy.
     */
    String of(HttpServletRequest request);

    /**
     * The key under which throttles count a client: an IPv4 address as it is, an
     * IPv6 address by its /64 prefix (one household or host gets a whole /64).
     * Anything else is returned unchanged.
     */
    static String throttleKey(String address) {
        Optional<InetAddress> parsed = literal(address);
        if (parsed.isEmpty()) {
            return address == null ? "" : address;
        }
        InetAddress a = parsed.get();
        if (a instanceof Inet4Address) {
            return a.getHostAddress();
        }
        byte[] b = a.getAddress();
        StringBuilder key = new StringBuilder(24);
        for (int i = 0; i < 8; i += 2) {
            key.append(Integer.toHexString(((b[i] & 0xff) << 8) | (b[i + 1] & 0xff))).append(':');
        }
        return key.append(":/64").toString();
    }

    /**
     * An IP address literal (IPv4 dotted quad or IPv6, optionally in brackets), never
     * looked up in DNS; empty for anything else. IPv4-mapped IPv6 addresses come back
     * as IPv4.
     */
    static Optional<InetAddress> literal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        int zone = s.indexOf('%');
        if (zone >= 0) {
            s = s.substring(0, zone);
        }
        if (s.isEmpty() || s.length() > 45) {
            return Optional.empty();
        }
        boolean v4 = IpLiterals.IPV4.matcher(s).matches();
        boolean v6 = !v4 && s.indexOf(':') >= 0 && IpLiterals.IPV6.matcher(s).matches();
        if (!v4 && !v6) {
            return Optional.empty();
        }
        try {
            // a literal: InetAddress parses it without any name lookup
            InetAddress a = InetAddress.getByName(s);
            if (v4 && !(a instanceof Inet4Address)) {
                return Optional.empty();
            }
            if (v6 && !(a instanceof Inet6Address) && !(a instanceof Inet4Address)) {
                return Optional.empty();
            }
            return Optional.of(a);
        } catch (UnknownHostException | IllegalArgumentException | SecurityException e) {
            return Optional.empty();
        }
    }
}
