package org.ceportal.profile.internal;

import java.sql.Timestamp;
import java.util.List;

import org.apache.ibatis.annotations.Param;

/** SQL of the profile module; see ProfileMapper.xml. */
public interface ProfileMapper {

    void insert(ChangeRow row);

    List<ChangeRow> history(@Param("accountId") long accountId, @Param("offset") long offset, @Param("size") int size);

    int countHistory(@Param("accountId") long accountId);

    /** The person's pending title change, or null. */
    ChangeRow pendingOf(@Param("accountId") long accountId);

    int withdraw(@Param("accountId") long accountId, @Param("at") Timestamp at);

    List<ChangeRow> requests(@Param("unitId") long unitId, @Param("state") String state,
            @Param("accountIds") List<Long> accountIds, @Param("offset") long offset, @Param("size") int size);

    int countRequests(@Param("unitId") long unitId, @Param("state") String state, @Param("accountIds") List<Long> accountIds);

    ChangeRow request(@Param("unitId") long unitId, @Param("id") long id);

    QueueRow queue(@Param("unitId") long unitId);

    /** pending → {@code to}; 0 rows when it was decided, withdrawn or changed meanwhile. */
    int decide(@Param("unitId") long unitId, @Param("id") long id, @Param("version") Integer version, @Param("to") String to,
            @Param("reason") String reason, @Param("at") Timestamp at, @Param("by") long by);
}
