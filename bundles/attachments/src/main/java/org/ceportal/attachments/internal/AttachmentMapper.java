package org.ceportal.attachments.internal;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Param;

/** SQL of the attachments module; see AttachmentMapper.xml. */
public interface AttachmentMapper {

    void insert(AttachmentRow row);

    AttachmentRow find(@Param("id") long id);

    List<AttachmentRow> findAll(@Param("ids") Collection<Long> ids);

    List<AttachmentRow> ofDeclaration(@Param("declarationId") long declarationId);

    List<AttachmentRow> sameContentElsewhere(@Param("declarationId") long declarationId);

    /** Distinct declarations other than {@code exceptDeclaration} that hold the owner's file with this hash. */
    List<Long> duplicates(@Param("ownerId") long ownerId, @Param("sha256") String sha256, @Param("exceptId") long exceptId,
            @Param("exceptDeclaration") Long exceptDeclaration);

    int countLocked(@Param("declarationId") long declarationId);

    /** @return 1 if the owner's unlocked attachment, free or already linked there, is now linked */
    int link(@Param("id") long id, @Param("ownerId") long ownerId, @Param("declarationId") long declarationId);

    int unlinkOthers(@Param("declarationId") long declarationId, @Param("keep") Collection<Long> keep);

    int setLocked(@Param("declarationId") long declarationId, @Param("locked") boolean locked);

    int deleteOwned(@Param("id") long id, @Param("ownerId") long ownerId);

    int deleteOfDeclaration(@Param("declarationId") long declarationId, @Param("ownerId") long ownerId);

    List<AttachmentRow> staleUnlinked(@Param("before") Timestamp before);

    int deleteUnlinked(@Param("id") long id);

    // daily quota

    QuotaRow quota(@Param("ownerId") long ownerId, @Param("day") java.sql.Date day);

    void insertQuota(@Param("ownerId") long ownerId, @Param("day") java.sql.Date day);

    /** Counts an upload if it stays within the quota: 0 rows when it would not (or the day's row is missing). */
    int countUpload(@Param("ownerId") long ownerId, @Param("day") java.sql.Date day, @Param("bytes") long bytes,
            @Param("maxFiles") int maxFiles, @Param("maxBytes") long maxBytes);

    /** 1 when the owner's unlinked upload became the subject's proof. */
    int linkSubject(@Param("ownerId") long ownerId, @Param("id") long id, @Param("subjectRef") String subjectRef);

    List<AttachmentRow> ofSubject(@Param("subjectRef") String subjectRef);
}
