package org.ceportal.testing.captcha;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.ceportal.captcha.api.Captcha;
import org.ceportal.captcha.api.CaptchaService;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * TEST ONLY. A captcha provider named {@code known-answer} that accepts {@link #ANSWER}.
 * Like the real one, a captcha is consumed by its first check and expires. This
 * bundle is in no feature; tests install it into the distribution they start and
 * name it in {@code etc/org.ceportal.captcha.cfg}
 * ({@code provider.target=(ceportal.captcha.provider=known-answer)}); installing it
 * alone changes nothing, however high its ranking.
 */
@Component(service = CaptchaService.class, configurationPid = KnownAnswerCaptchaService.PID,
        property = {Constants.SERVICE_RANKING + ":Integer=1000", CaptchaService.PROVIDER + "=known-answer"})
@Designate(ocd = KnownAnswerCaptchaService.Config.class)
public final class KnownAnswerCaptchaService implements CaptchaService {
    public static final String PID = "org.ceportal.testing.captcha";
    /** What every captcha of this service reads. */
    public static final String ANSWER = "2468";
    /** Ids of this service start with this, so a test can tell that it is the one answering. */
    public static final String ID_PREFIX = "test-";
    /** An 80×30 grey PNG. */
    private static final String IMAGE = "data:image/png;base64,"
            + "iVBORw0KGgoAAAANSUhEUgAAAFAAAAAeCAAAAACeKMZtAAAAI0lEQVR42mO4S2XAMGrgqIGjBo4aOGrgqIGjBo4aOGogbgAAmeMYWaWH/iUAAAAASUVORK5CYII=";

    @ObjectClassDefinition(name = "TEST-ONLY captcha")
    @interface Config {
        @AttributeDefinition(min = "1")
        int expirySeconds() default 300;
    }

    private final Duration expiry;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Instant> issued = new ConcurrentHashMap<>();

    @Activate
    public KnownAnswerCaptchaService(Config config) {
        this.expiry = Duration.ofSeconds(Math.max(1, config.expirySeconds()));
    }

    @Override
    public Captcha issue() {
        String id = ID_PREFIX + UUID.randomUUID();
        Instant expires = clock.instant().plus(expiry);
        issued.put(id, expires);
        return new Captcha(id, IMAGE, expires);
    }

    @Override
    public boolean verify(String id, String answer) {
        Instant expires = id == null ? null : issued.remove(id);
        return expires != null && clock.instant().isBefore(expires) && answer != null && answer.strip().equals(ANSWER);
    }
}
