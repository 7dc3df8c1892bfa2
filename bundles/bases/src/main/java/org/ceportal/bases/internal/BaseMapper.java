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

    int insertCourse(CourseRow row);

    int updateCourse(@Param("row") CourseRow row, @Param("version") int version);

    /** A course of the base, or null (another base's course is none of its business). */
    CourseRow course(@Param("baseId") long baseId, @Param("id") long id);

    List<CourseRow> courses(@Param("baseId") long baseId, @Param("pattern") String pattern, @Param("offset") long offset,
            @Param("size") int size);

    long countCourses(@Param("baseId") long baseId, @Param("pattern") String pattern);
}
