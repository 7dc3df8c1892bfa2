package org.ceportal.captcha.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import javax.imageio.ImageIO;

import org.ceportal.captcha.api.Captcha;
import org.ceportal.platform.internal.TestStores;
import org.ceportal.platform.persistence.Store;
import org.junit.Before;
import org.junit.Test;

public class CaptchaServiceImplTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-31T15:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private Store store;
    private CaptchaServiceImpl captchas;

    @Before
    public void setUp() {
        store = TestStores.migrated("captcha", CaptchaMapper.class);
        captchas = new CaptchaServiceImpl(store, clock, 300, 4, 1000);
    }

    @Test
    public void theRightAnswerPassesOnce() {
        Captcha c = captchas.issue("4821");
        assertTrue(captchas.verify(c.id(), " 4821 "));
        assertFalse("a captcha is single-use", captchas.verify(c.id(), "4821"));
    }

    @Test
    public void aWrongAnswerConsumesTheCaptchaToo() {
        Captcha c = captchas.issue("4821");
        assertFalse(captchas.verify(c.id(), "1111"));
        assertFalse(captchas.verify(c.id(), "4821"));
    }

    @Test
    public void anExpiredCaptchaIsRefused() {
        Captcha c = captchas.issue("4821");
        assertEquals(now.get().plusSeconds(300), c.expiresAt());
        now.set(now.get().plus(Duration.ofSeconds(301)));
        assertFalse(captchas.verify(c.id(), "4821"));
    }

    @Test
    public void unknownIdsAndOversizedInputAreRefused() {
        assertFalse(captchas.verify("nope", "1234"));
        assertFalse(captchas.verify(null, "1234"));
        Captcha c = captchas.issue("4821");
        assertFalse(captchas.verify(c.id(), null));
        assertFalse(captchas.verify(c.id(), "4".repeat(100)));
    }

    @Test
    public void twoAttemptsAtOnceCannotBothPass() throws Exception {
        for (int round = 0; round < 20; round++) {
            Captcha c = captchas.issue("4821");
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<Boolean> a = pool.submit(() -> captchas.verify(c.id(), "4821"));
                Future<Boolean> b = pool.submit(() -> captchas.verify(c.id(), "4821"));
                assertTrue("exactly one may pass", a.get() ^ b.get());
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    public void issuedCaptchasAreDigitPicturesWithDistinctIds() throws Exception {
        Captcha a = captchas.issue();
        Captcha b = captchas.issue();
        assertNotEquals(a.id(), b.id());
        assertTrue(a.image().startsWith("data:image/png;base64,"));
        byte[] png = Base64.getDecoder().decode(a.image().substring("data:image/png;base64,".length()));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(CaptchaImage.WIDTH, image.getWidth());
        assertEquals(CaptchaImage.HEIGHT, image.getHeight());
    }

    @Test
    public void theSameCodeLooksDifferentEachTime() {
        assertNotEquals(CaptchaImage.dataUrl("1234", new SplittableRandom(1)),
                CaptchaImage.dataUrl("1234", new SplittableRandom(2)));
        assertNotEquals(CaptchaImage.dataUrl("1234", new SplittableRandom(1)),
                CaptchaImage.dataUrl("5678", new SplittableRandom(1)));
    }

    @Test
    public void expiredRowsAreCleanedWhenNewOnesAreIssued() {
        Captcha old = captchas.issue("1111");
        now.set(now.get().plus(Duration.ofHours(1)));
        captchas.issue("2222");
        try (var s = store.session()) {
            assertEquals(null, s.getMapper(CaptchaMapper.class).find(old.id()));
        }
    }
}
