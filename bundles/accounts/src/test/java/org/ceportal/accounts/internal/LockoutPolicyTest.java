package org.ceportal.accounts.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.Test;

public class LockoutPolicyTest {
    private final LockoutPolicy policy = new LockoutPolicy(5, Duration.ofSeconds(60), Duration.ofSeconds(3600));

    @Test
    public void theFirstFailuresAreFree() {
        for (int failures = 0; failures < 5; failures++) {
            assertEquals(Optional.empty(), policy.lockAfter(failures));
        }
    }

    @Test
    public void theLockDoublesWithEveryFurtherFailureUpToTheMaximum() {
        assertEquals(Optional.of(Duration.ofSeconds(60)), policy.lockAfter(5));
        assertEquals(Optional.of(Duration.ofSeconds(120)), policy.lockAfter(6));
        assertEquals(Optional.of(Duration.ofSeconds(240)), policy.lockAfter(7));
        assertEquals(Optional.of(Duration.ofSeconds(1920)), policy.lockAfter(10));
        assertEquals(Optional.of(Duration.ofSeconds(3600)), policy.lockAfter(11));
        assertEquals(Optional.of(Duration.ofSeconds(3600)), policy.lockAfter(1_000_000));
    }

    @Test
    public void theMessageRoundsUpToWholeMinutes() {
        Instant now = Instant.parse("2026-12-31T15:00:00Z");
        assertEquals("密码错误次数过多，账户已暂时锁定，请1分钟后再试", LockoutPolicy.lockedMessage(now, now.plusSeconds(10)));
        assertEquals("密码错误次数过多，账户已暂时锁定，请2分钟后再试", LockoutPolicy.lockedMessage(now, now.plusSeconds(61)));
    }

    @Test(expected = IllegalArgumentException.class)
    public void aMaximumBelowTheFirstLockIsRefused() {
        new LockoutPolicy(5, Duration.ofSeconds(60), Duration.ofSeconds(30));
    }
}
