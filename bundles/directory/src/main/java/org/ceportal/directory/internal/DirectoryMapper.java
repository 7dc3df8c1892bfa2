package org.ceportal.directory.internal;

import java.sql.Timestamp;
import java.util.List;

import org.apache.ibatis.annotations.Param;
import org.ceportal.directory.api.Department;
import org.ceportal.directory.api.EthnicGroup;
import org.ceportal.directory.api.Region;
import org.ceportal.directory.api.Title;
import org.ceportal.directory.api.Unit;

/** SQL of the directory module; see DirectoryMapper.xml. */
public interface DirectoryMapper {

    List<Region> regions();

    List<EthnicGroup> ethnicGroups();

    List<Title> titles();

    List<MajorRow> majors();

    long countUnits(@Param("regionCode") String regionCode, @Param("pattern") String pattern);

    List<Unit> units(@Param("regionCode") String regionCode, @Param("pattern") String pattern,
            @Param("offset") long offset, @Param("size") int size);

    Unit unit(@Param("id") long id);

    Unit unitByName(@Param("regionCode") String regionCode, @Param("name") String name);

    void insertUnit(UnitRow unit);

    int updateUnit(@Param("id") long id, @Param("regionCode") String regionCode, @Param("name") String name,
            @Param("kind") String kind);

    List<Department> departments(@Param("unitId") long unitId);

    Department department(@Param("id") long id);

    void insertDepartment(@Param("unitId") long unitId, @Param("name") String name);

    int demoLoaded();

    void markDemoLoaded(@Param("at") Timestamp at);
}
