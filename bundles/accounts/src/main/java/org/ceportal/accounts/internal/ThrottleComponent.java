package org.ceportal.accounts.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;

import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.persistence.Store;
import org.ceportal.platform.security.ClientAddresses;
import org.ceportal.platform.security.Throttles;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The per-address limit on anonymous attempts that cost a password hash: login,
 * registration and the registration status lookup share it. Configured apart from the
 * accounts so a change restarts little.
 */
@Component(service = ThrottleComponent.class, configurationPid = ThrottleComponent.PID)
@Designate(ocd = ThrottleComponent.Config.class)
public final class ThrottleComponent {
    static final String PID = "org.ceportal.accounts.throttle";

    @ObjectClassDefinition(name = "ceportal login throttle",
            description = "Attempts (login, registration, status lookup) allowed per client address; IPv6 per /64")
    @interface Config {
        @AttributeDefinition(name = "Attempts per window", min = "1", max = "100000")
        int loginAttempts() default 30;

        @AttributeDefinition(name = "Window (seconds)", min = "1", max = "3600")
        int windowSeconds() default 60;
    }

    static final String THROTTLED = "尝试过于频繁，请稍后再试";

    private final Throttles.Limit throttle;
    private final ClientAddresses clients;
    private final Store store;

    @Activate
    public ThrottleComponent(Config config, @Reference ClientAddresses clients, @Reference AccountsComponent accounts,
            @Reference Throttles throttles) {
        // counted by every node together (a client spreading its attempts over the nodes gets no more)
        this.throttle = throttles.limit("login", Math.max(1, config.loginAttempts()),
                Duration.ofSeconds(Math.max(1, config.windowSeconds())));
        this.clients = clients;
        this.store = accounts.store();
    }

    /** The client's address, as trusted proxies name it. */
    String address(HttpServletRequest http) {
        return clients.of(http);
    }

    /**
     * Counts an attempt of {@code action} from the client.
     *
     * @return the client's address
     * @throws ProblemException 429 {@code too_many_attempts} when the client is over the limit (the first
     *         refusal of a run is audited)
     */
    String acquire(HttpServletRequest http, String action) {
        String address = clients.of(http);
        // a flood of refusals is recorded once, when it starts: refusals must stay cheap
        long wait = throttle.acquire(ClientAddresses.throttleKey(address), () -> store.inTransaction(s -> {
            s.getMapper(AccountMapper.class).audit(Timestamp.from(Instant.now()), null, action, null, "throttled",
                    Credentials.clip(address));
            return null;
        }));
        if (wait > 0) {
            throw new ProblemException(429, "too_many_attempts", THROTTLED + "（约" + wait + "秒后）");
        }
        return address;
    }
}
