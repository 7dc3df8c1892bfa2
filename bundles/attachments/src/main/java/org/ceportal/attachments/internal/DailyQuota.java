package org.ceportal.attachments.internal;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.SqlSession;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.persistence.Store;

/**
 * What each person uploaded on a China day ({@code attachment_quota}): checked before a
 * byte of an upload is read, and counted in the upload's own transaction with the
 * day's row locked, so parallel uploads of one person cannot together pass the quota.
 * Deleted uploads stay counted.
 */
final class DailyQuota {
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Store store;
    private final Quotas quotas;
    private final Clock clock;

    DailyQuota(Store store, Quotas quotas, Clock clock) {
        this.store = store;
        this.quotas = quotas;
        this.clock = clock;
    }

    /**
     * The day an upload starting now counts towards; its row exists afterwards.
     *
     * @throws ProblemException 429 {@code upload_quota} when the person has used up the day
     */
    Date check(long ownerId) {
        Date day = Date.valueOf(LocalDate.ofInstant(clock.instant(), CHINA));
        QuotaRow used = row(ownerId, day);
        if (used.files >= quotas.filesPerDay() || used.bytes >= quotas.bytesPerDay()) {
            throw Refusals.quota(quotas);
        }
        return day;
    }

    /**
     * Counts a received upload in the caller's transaction, locking the day's row.
     *
     * @throws ProblemException 429 {@code upload_quota} when it would pass the quota
     */
    void count(AttachmentMapper m, long ownerId, Date day, long bytes) {
        if (m.countUpload(ownerId, day, bytes, quotas.filesPerDay(), quotas.bytesPerDay()) != 1) {
            throw Refusals.quota(quotas);
        }
    }

    private QuotaRow row(long ownerId, Date day) {
        try (SqlSession s = store.session()) {
            QuotaRow row = s.getMapper(AttachmentMapper.class).quota(ownerId, day);
            if (row != null) {
                return row;
            }
        }
        try {
            store.inTransaction(s -> {
                s.getMapper(AttachmentMapper.class).insertQuota(ownerId, day);
                return null;
            });
        } catch (PersistenceException e) {
            // a parallel upload of the same person made the row first
        }
        try (SqlSession s = store.session()) {
            QuotaRow row = s.getMapper(AttachmentMapper.class).quota(ownerId, day);
            if (row == null) {
                throw new IllegalStateException("no quota row for account " + ownerId);
            }
            return row;
        }
    }
}
