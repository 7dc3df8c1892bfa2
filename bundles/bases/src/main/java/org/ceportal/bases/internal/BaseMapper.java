package org.ceportal.bases.internal;

import java.util.List;

import org.apache.ibatis.annotations.Param;

/** SQL of the bases module; see BaseMapper.xml. */
public interface BaseMapper {

    int insert(BaseRow row);

    int update(@Param("row") BaseRow row, @Param("version") int version);

    BaseRow byId(@Param("id") long id);

    Long idOfAccreditation(@Param("accreditationNo") String accreditationNo);

    List<BaseRow> search(@Param("pattern") String pattern, @Param("regionCode") String regionCode,
            @Param("offset") long offset, @Param("size") int size);

    long count(@Param("pattern") String pattern, @Param("regionCode") String regionCode);
}
