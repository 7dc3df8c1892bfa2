package org.ceportal.platform.internal;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ceportal.platform.security.ClientAddresses;

/**
 * The reverse proxies whose {@code X-Forwarded-For} is believed: addresses or CIDR
 * blocks ({@code 127.0.0.1}, {@code 10.0.0.0/8}, {@code ::1}, {@code fd00::/8}).
 */
final class TrustedProxies {
    private record Block(byte[] prefix, int bits) {
        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (prefix[full] & mask);
        }
    }

    private final List<Block> blocks;

    private TrustedProxies(List<Block> blocks) {
        this.blocks = blocks;
    }

    /** @throws IllegalArgumentException naming the first entry that is neither an address nor a CIDR block */
    static TrustedProxies parse(String[] entries) {
        List<Block> blocks = new ArrayList<>();
        for (String entry : entries == null ? new String[0] : entries) {
            for (String one : entry.split(",")) {
                String s = one.strip();
                if (s.isEmpty()) {
                    continue;
                }
                int slash = s.indexOf('/');
                Optional<InetAddress> a = ClientAddresses.literal(slash < 0 ? s : s.substring(0, slash));
                if (a.isEmpty()) {
                    throw new IllegalArgumentException("not an IP address or CIDR block: " + s);
                }
                byte[] bytes = a.get().getAddress();
                int bits = bytes.length * 8;
                if (slash >= 0) {
                    try {
                        bits = Integer.parseInt(s.substring(slash + 1));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("bad prefix length: " + s);
                    }
                    if (bits < 0 || bits > bytes.length * 8) {
                        throw new IllegalArgumentException("bad prefix length: " + s);
                    }
                }
                blocks.add(new Block(bytes, bits));
            }
        }
        return new TrustedProxies(List.copyOf(blocks));
    }

    boolean isEmpty() {
        return blocks.isEmpty();
    }

    boolean trusts(String address) {
        if (blocks.isEmpty()) {
            return false;
        }
        Optional<InetAddress> a = ClientAddresses.literal(address);
        if (a.isEmpty()) {
            return false;
        }
        byte[] bytes = a.get().getAddress();
        for (Block b : blocks) {
            if (b.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The client behind {@code peer}: walks {@code X-Forwarded-For} from the right
     * while the hop is a trusted proxy; the first untrusted hop is the client. An entry
     * that is not an address stops the walk at the proxy that added it.
     */
    String client(String peer, List<String> forwardedFor) {
        if (!trusts(peer) || forwardedFor.isEmpty()) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                hops.add(hop.strip());
            }
        }
        String current = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = ClientAddresses.literal(hops.get(i));
            if (hop.isEmpty()) {
                return current;
            }
            current = hop.get().getHostAddress();
            if (!trusts(current)) {
                return current;
            }
        }
        return current;
    }
}
