package org.ceportal.platform.internal;

import java.sql.Timestamp;
import java.util.List;

import org.apache.ibatis.annotations.Param;

/** Bookkeeping of applied migrations. */
public interface SchemaVersionMapper {

    void createTable();

    List<AppliedMigration> applied(@Param("module") String module);

    void record(@Param("module") String module, @Param("version") int version,
            @Param("description") String description, @Param("checksum") String checksum,
            @Param("appliedAt") Timestamp appliedAt);
}
