package org.ceportal.accounts.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Back-off after wrong passwords on one account: the first {@code freeFailures}
 * cost nothing; every further failure locks the account for {@code firstLock},
 * doubling each time up to {@code maxLock}. A correct password (outside a lock)
 * resets the count.
 */
record LockoutPolicy(int freeFailures, Duration firstLock, Duration maxLock) {

    LockoutPolicy {
        if (freeFailures < 1 || firstLock.isNegative() || firstLock.isZero() || maxLock.compareTo(firstLock) < 0) {
            throw new IllegalArgumentException("bad lock-out policy");
        }
    }

    /** How long to lock after the account's {@code failures}-th consecutive failure (none while under the limit). */
    Optional<Duration> lockAfter(int failures) {
        if (failures < freeFailures) {
            return Optional.empty();
        }
        int doublings = Math.min(30, failures - freeFailures);
        long seconds = firstLock.getSeconds();
        for (int i = 0; i < doublings && seconds < maxLock.getSeconds(); i++) {
            seconds *= 2;
        }
        return Optional.of(Duration.ofSeconds(Math.min(seconds, maxLock.getSeconds())));
    }

    /** The zh-CN message for a locked account, rounding the wait up to whole minutes. */
    static String lockedMessage(Instant now, Instant until) {
        long seconds = Math.max(1, Duration.between(now, until).getSeconds());
        long minutes = (seconds + 59) / 60;
        return "密码错误次数过多，账户已暂时锁定，请" + minutes + "分钟后再试";
    }
}
