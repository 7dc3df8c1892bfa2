package org.ceportal.accounts.internal;

import java.time.Clock;
import java.time.Duration;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The per-address limit on login attempts, configured apart from the accounts so a change restarts little. */
@Component(service = ThrottleComponent.class, configurationPid = ThrottleComponent.PID)
@Designate(ocd = ThrottleComponent.Config.class)
public final class ThrottleComponent {
    static final String PID = "org.ceportal.accounts.throttle";

    @ObjectClassDefinition(name = "ceportal login throttle", description = "Login attempts allowed per client address")
    @interface Config {
        @AttributeDefinition(name = "Attempts per window", min = "1", max = "100000")
        int loginAttempts() default 30;

        @AttributeDefinition(name = "Window (seconds)", min = "1", max = "3600")
        int windowSeconds() default 60;
    }

    private final LoginThrottle throttle;

    @Activate
    public ThrottleComponent(Config config) {
        this.throttle = new LoginThrottle(Math.max(1, config.loginAttempts()),
                Duration.ofSeconds(Math.max(1, config.windowSeconds())), Clock.systemUTC());
    }

    /** @return 0 when the attempt may go ahead, else the seconds to wait */
    long acquire(String address) {
        return throttle.acquire(address);
    }
}
