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

import org.apache.ibatis.session.SqlSession;
import org.ceportal.captcha.api.Captcha;
import org.ceportal.captcha.api.CaptchaService;
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
        immediate = true) // migrates its table at start, whether or not another service outranks it
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
    }

    private final Store store;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final int expirySeconds;
    private final int length;

    @Activate
    public CaptchaServiceImpl(Config config, BundleContext context, @Reference Database database) {
        this(database.open(context.getBundle(), "captcha", CaptchaMapper.class), Clock.systemUTC(),
                config.expirySeconds(), config.length());
    }

    CaptchaServiceImpl(Store store, Clock clock, int expirySeconds, int length) {
        this.store = store;
        this.clock = clock;
        this.expirySeconds = Math.max(30, Math.min(3600, expirySeconds));
        this.length = Math.max(4, Math.min(8, length));
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
        try (SqlSession s = store.session()) {
            CaptchaMapper m = s.getMapper(CaptchaMapper.class);
            m.deleteExpired(Timestamp.from(now));
            m.insert(id, hash(id, answer), Timestamp.from(expires));
            s.commit();
        }
        return new Captcha(id, CaptchaImage.dataUrl(answer, random), expires);
    }

    @Override
    public boolean verify(String id, String answer) {
        if (id == null || id.length() > 36 || answer == null || answer.length() > MAX_ANSWER) {
            return false;
        }
        try (SqlSession s = store.session()) {
            CaptchaMapper m = s.getMapper(CaptchaMapper.class);
            CaptchaRow row = m.find(id);
            if (row == null) {
                return false;
            }
            // Only the caller whose delete removed the row may use it: two concurrent
            // attempts with the same captcha cannot both pass.
            boolean mine = m.delete(id) == 1;
            s.commit();
            return mine
                    && row.expiresAt.toInstant().isAfter(clock.instant())
                    && MessageDigest.isEqual(row.answerHash.getBytes(StandardCharsets.US_ASCII),
                            hash(id, answer).getBytes(StandardCharsets.US_ASCII));
        }
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
