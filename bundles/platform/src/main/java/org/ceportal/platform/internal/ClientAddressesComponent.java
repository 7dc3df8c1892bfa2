package org.ceportal.platform.internal;

import java.util.Collections;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.ceportal.platform.security.ClientAddresses;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@link ClientAddresses} with the trusted proxies of {@code etc/org.ceportal.platform.clients.cfg}. */
@Component(service = ClientAddresses.class, configurationPid = ClientAddressesComponent.PID)
@Designate(ocd = ClientAddressesComponent.Config.class)
public final class ClientAddressesComponent implements ClientAddresses {
    static final String PID = "org.ceportal.platform.clients";

    @ObjectClassDefinition(name = "ceportal client addresses", description = "Which reverse proxies may name the client")
    @interface Config {
        @AttributeDefinition(name = "Trusted proxies",
                description = "Addresses or CIDR blocks (e.g. 127.0.0.1, 10.0.0.0/8, ::1) of reverse proxies whose "
                        + "X-Forwarded-For header is believed; empty: the peer address is the client",
                required = false)
        String[] trustedProxies() default {};
    }

    private final TrustedProxies trusted;

    @Activate
    public ClientAddressesComponent(Config config) {
        this.trusted = TrustedProxies.parse(config.trustedProxies());
    }

    @Override
    public String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (trusted.isEmpty()) {
            return peer;
        }
        List<String> forwarded = Collections.list(request.getHeaders("X-Forwarded-For"));
        return trusted.client(peer, forwarded);
    }
}
