package org.ceportal.bases.internal;

import java.sql.Timestamp;
import java.util.List;

import org.apache.ibatis.annotations.Param;

/** SQL of the bases' imports (学员导入); see ImportMapper.xml. */
public interface ImportMapper {

    /** Locks the course's row for the import's transaction; 0 when the base has no such course. */
    int lockCourse(@Param("baseId") long baseId, @Param("courseId") long courseId);

    /** The course's lines among these ID numbers (at most 1000). */
    List<AttendeeRow> attendees(@Param("courseId") long courseId, @Param("idNumbers") List<String> idNumbers);

    void insertImport(ImportRow row);

    void insertRows(@Param("importId") long importId, @Param("rows") List<ImportLineRow> rows);

    void insertAttendees(@Param("rows") List<AttendeeRow> rows);

    /** The course's imports, newest first. */
    List<ImportRow> imports(@Param("baseId") long baseId, @Param("courseId") long courseId, @Param("offset") long offset,
            @Param("size") int size);

    long countImports(@Param("baseId") long baseId, @Param("courseId") long courseId);

    /** An import of the base (without its file), or null. */
    ImportRow importOf(@Param("baseId") long baseId, @Param("id") long id);

    /** An import of the base with its file as uploaded, or null. */
    ImportRow fileOf(@Param("baseId") long baseId, @Param("id") long id);

    /** An import's rows, all or those of one result (in row order). */
    List<ImportLineRow> rowsOf(@Param("importId") long importId, @Param("result") String result);

    /** How the course's waiting lines stand now, by state. */
    List<AttendeeRow> settledOf(@Param("importId") long importId);

    /** Lines still waiting for this ID number, with their course and base, locked for the transaction. */
    List<WaitingRow> waiting(@Param("idNumber") String idNumber);

    int settle(@Param("courseId") long courseId, @Param("idNumber") String idNumber, @Param("state") String state,
            @Param("accountId") Long accountId, @Param("declarationId") Long declarationId, @Param("note") String note,
            @Param("at") Timestamp at);
}
