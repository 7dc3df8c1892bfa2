package org.ceportal.reporting.internal;

import java.util.List;

import org.apache.ibatis.annotations.Param;

/** SQL of the proofs: {@code ProofMapper.xml}. */
interface ProofMapper {

    int insert(ProofRow row);

    int insertItem(ProofItemRow item);

    ProofRow byCode(@Param("code") String code);

    /** The person's proofs, newest first. */
    List<ProofRow> ofAccount(@Param("accountId") long accountId);

    /** The person's latest proof of a year, or null. */
    ProofRow latest(@Param("accountId") long accountId, @Param("year") int year);

    List<ProofItemRow> items(@Param("proofId") long proofId);
}
