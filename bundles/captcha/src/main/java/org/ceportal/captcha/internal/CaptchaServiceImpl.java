package org.ceportal.captcha.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.ibatis.session.SqlSession;
import org.ceportal.captcha.api.Captcha;
import org.ceportal.captcha.api.CaptchaService;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.persistence.Database;
import org.ceportal.platform.persistence.Store;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Digit captchas drawn on the server; the answer is kept only as a salted hash. */
@Component(service = CaptchaService.class, configurationPid = CaptchaServiceImpl.PID,
        property = CaptchaService.PROVIDER + "=drawn",
        immediate = true) // migrates its table at start, whether or not another service is configured
@Designate(ocd = CaptchaServiceImpl.Config.class)
public final class CaptchaServiceImpl implements CaptchaService {
    static final String PID = "org.ceportal.captcha";
    static final int MAX_ANSWER = 16;

    @ObjectClassDefinition(name = "ceportal captcha", description = "Login captchas")
    @interface Config {
        @AttributeDefinition(name = "Lifetime (seconds)", description = "How long an unused captcha is accepted", min = "30", max = "3600")
        int expirySeconds() default 300;

        @AttributeDefinition(name = "Digits", description = "Number of digits to type", min = "4", max = "8")
        int length() default 4;

        @AttributeDefinition(name = "Most outstanding captchas",
                description = "Captchas issued and not yet used or expired, over all clients; beyond it new ones are "
                        + "refused (503) until old ones expire, so the table cannot grow without bound",
                min = "1000", max = "10000000")
        int maxOutstanding() default 100_000;

        @AttributeDefinition(name = "Captchas per client address and minute",
                description = "Issuing is throttled per address (IPv6 per /64)", min = "1", max = "100000")
        int issuesPerMinute() default 120;

        @AttributeDefinition(name = "Captcha provider",
                description = "LDAP filter naming the CaptchaService that the login checks and POST /api/captchas "
                        + "issues from, by its ceportal.captcha.provider property; empty: (ceportal.captcha.provider=drawn)",
                required = false)
        String provider_target();
    }

    static final String BUSY = "当前访问人数过多，请稍后再刷新验证码";
    /** The outstanding count is read every this many issues (per node), not on every one. */
    private static final int COUNT_EVERY = 16;

    private final Store store;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final int expirySeconds;
    private final int length;
    private final int maxOutstanding;
    private final AtomicInteger issued = new AtomicInteger();
    private volatile boolean full;

    @Activate
    public CaptchaServiceImpl(Config config, BundleContext context, @Reference Database database) {
        this(database.open(context.getBundle(), "captcha", CaptchaMapper.class), Clock.systemUTC(),
                config.expirySeconds(), config.length(), config.maxOutstanding());
    }

    CaptchaServiceImpl(Store store, Clock clock, int expirySeconds, int length, int maxOutstanding) {
        this.store = store;
        this.clock = clock;
        this.expirySeconds = Math.max(30, Math.min(3600, expirySeconds));
        this.length = Math.max(4, Math.min(8, length));
        this.maxOutstanding = Math.max(1, maxOutstanding);
    }

    @Override
    public Captcha issue() {
        StringBuilder digits = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return issue(digits.toString());
    }

    Captcha issue(String answer) {
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        Instant expires = now.plusSeconds(expirySeconds);
        store.inTransaction(s -> {
            CaptchaMapper m = s.getMapper(CaptchaMapper.class);
            m.deleteExpired(Timestamp.from(now));
            if (full || issued.getAndIncrement() % COUNT_EVERY == 0) {
                full = m.count() >= maxOutstanding;
            }
            if (full) {
                throw new ProblemException(503, "captcha_busy", BUSY);
            }
            m.insert(id, hash(id, answer), Timestamp.from(expires));
            return null;
        });
        return new Captcha(id, CaptchaImage.dataUrl(answer, random), expires);
    }

    @Override
    public boolean verify(String id, String answer) {
        if (id == null || id.length() > 36 || answer == null || answer.length() > MAX_ANSWER) {
            return false;
        }
        return store.inTransaction(s -> {
            CaptchaMapper m = s.getMapper(CaptchaMapper.class);
            CaptchaRow row = m.find(id);
            if (row == null) {
                return false;
            }
            // Only the caller whose delete removed the row may use it: two concurrent
            // attempts with the same captcha cannot both pass.
            boolean mine = m.delete(id) == 1;
            return mine
                    && row.expiresAt.toInstant().isAfter(clock.instant())
                    && MessageDigest.isEqual(row.answerHash.getBytes(StandardCharsets.US_ASCII),
                            hash(id, answer).getBytes(StandardCharsets.US_ASCII));
        });
    }

    private static String hash(String id, String answer) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(id.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(answer.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
