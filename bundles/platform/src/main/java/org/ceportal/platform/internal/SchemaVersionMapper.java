package org.ceportal.platform.internal;

import java.sql.Timestamp;
import java.util.List;

import org.apache.ibatis.annotations.Param;

/** Bookkeeping of applied migrations. */
public interface SchemaVersionMapper {

    void createTable();

    /**
     * Takes the cluster-wide migration lock if it is free (PostgreSQL: a session-level advisory
     * lock; embedded Derby serves one node, so it is always free there).
     */
    boolean tryLock(@Param("key") long key);

    /** Waits for the migration lock. */
    boolean lock(@Param("key") long key);

    /** Releases the migration lock. */
    boolean unlock(@Param("key") long key);

    List<AppliedMigration> applied(@Param("module") String module);

    void record(@Param("module") String module, @Param("version") int version,
            @Param("description") String description, @Param("checksum") String checksum,
            @Param("appliedAt") Timestamp appliedAt);
}
