package org.ceportal.review.internal;

import java.sql.Timestamp;
import java.util.List;

import org.apache.ibatis.annotations.Param;

/** SQL of the message centre; see MessageMapper.xml. */
public interface MessageMapper {

    void insert(@Param("accountId") long accountId, @Param("title") String title, @Param("body") String body,
            @Param("link") String link, @Param("at") Timestamp at);

    List<MessageRow> list(@Param("accountId") long accountId, @Param("offset") long offset, @Param("size") int size);

    int count(@Param("accountId") long accountId);

    int unread(@Param("accountId") long accountId);

    int markRead(@Param("accountId") long accountId, @Param("id") long id, @Param("at") Timestamp at);

    int exists(@Param("accountId") long accountId, @Param("id") long id);

    int markAllRead(@Param("accountId") long accountId, @Param("at") Timestamp at);
}
