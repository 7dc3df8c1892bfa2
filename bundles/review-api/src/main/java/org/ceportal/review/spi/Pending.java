package org.ceportal.review.spi;

import java.time.Instant;

/**
 * What waits in one subject's queue for a reviewer.
 *
 * @param count             how many items wait
 * @param oldestSubmittedAt when the longest-waiting one was submitted, or {@code null} when none waits
 * @param summary           a zh-CN line for the inbox, e.g. 「12 条待审核，其中 3 条已等待超过 7 天」
 */
public record Pending(int count, Instant oldestSubmittedAt, String summary) {
    /** Nothing waits. */
    public static final Pending NONE = new Pending(0, null, "暂无待审核事项");
}
