package org.ceportal.review.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.apache.ibatis.session.SqlSession;
import org.ceportal.platform.api.Page;
import org.ceportal.platform.api.PageRequest;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.persistence.Store;

/** 消息中心: a person's messages, newest first, and which of them they have read. */
final class MessageCentre {
    static final int MAX_TITLE = 100;
    static final int MAX_BODY = 1000;
    static final int MAX_LINK = 200;

    private final Store store;
    private final Clock clock;

    MessageCentre(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A message as the page shows it. */
    record Message(long id, String title, String body, String link, Instant createdAt, boolean read) {
    }

    /** {@code {count}} of the unread ones. */
    record Unread(int count) {
    }

    /** Writes a message; joins the caller's transaction when there is one. */
    void send(long accountId, String title, String body, String link) {
        String l = link == null || link.length() > MAX_LINK || !link.startsWith("/") || link.startsWith("//") ? null : link;
        store.inTransaction(s -> {
            s.getMapper(MessageMapper.class).insert(accountId, clip(title, MAX_TITLE), clip(body == null ? "" : body, MAX_BODY),
                    l, Timestamp.from(clock.instant()));
            return null;
        });
    }

    Page<Message> list(long accountId, PageRequest page) {
        try (SqlSession s = store.session()) {
            MessageMapper m = s.getMapper(MessageMapper.class);
            int total = m.count(accountId);
            List<Message> items = m.list(accountId, page.offset(), page.size()).stream()
                    .map(r -> new Message(r.id, r.title, r.body, r.link, r.createdAt.toInstant(), r.readAt != null))
                    .toList();
            return new Page<>(items, total, page);
        }
    }

    Unread unread(long accountId) {
        try (SqlSession s = store.session()) {
            return new Unread(s.getMapper(MessageMapper.class).unread(accountId));
        }
    }

    /** Marks one of the person's messages read; reading it twice is fine, another's is not found. */
    void markRead(long accountId, long id) {
        store.inTransaction(s -> {
            MessageMapper m = s.getMapper(MessageMapper.class);
            if (m.markRead(accountId, id, Timestamp.from(clock.instant())) == 0 && m.exists(accountId, id) == 0) {
                throw ProblemException.notFound("message_not_found", "未找到该消息");
            }
            return null;
        });
    }

    void markAllRead(long accountId) {
        store.inTransaction(s -> s.getMapper(MessageMapper.class).markAllRead(accountId, Timestamp.from(clock.instant())));
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
