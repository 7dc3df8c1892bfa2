package org.ceportal.directory.api;

import java.io.Reader;
import java.util.List;
import java.util.Optional;

import org.ceportal.platform.api.ItemList;
import org.ceportal.platform.api.Page;
import org.ceportal.platform.api.PageRequest;
import org.ceportal.platform.api.ProblemException;
import org.osgi.annotation.versioning.ProviderType;

/** Reads and maintains the reference data. Failures are {@link ProblemException}s. */
@ProviderType
public interface DirectoryService {

    /** The regions in their official order. */
    List<Region> regions();

    Optional<Region> region(String code);

    /**
     * Units of a region whose name contains {@code query} (all when blank), by name.
     *
     * @throws ProblemException 404 for an unknown region, 400 for a query over 50 characters
     */
    Page<Unit> units(String regionCode, String query, PageRequest page);

    /**
     * Units of the province, or of a region when {@code regionCode} is given, whose name contains {@code query}, by
     * region and name (单位管理). Since 1.1.
     *
     * @throws ProblemException 404 for an unknown region, 400 for a query over 50 characters
     */
    Page<Unit> searchUnits(String regionCode, String query, PageRequest page);

    Optional<Unit> unit(long id);

    /**
     * Departments of a unit, by name.
     *
     * @throws ProblemException 404 for an unknown unit
     */
    List<Department> departments(long unitId);

    Optional<Department> department(long id);

    /** The children of a catalogue node; {@code null} gives the 学科门类. Empty for an unknown code. */
    List<Major> majorChildren(String parentCode);

    /**
     * Catalogue nodes whose name or code contains {@code query}, majors first.
     *
     * @param limit the most items to return; {@code total} counts all matches
     * @throws ProblemException 400 for a blank query or one over 50 characters
     */
    ItemList<Major> searchMajors(String query, int limit);

    Optional<Major> major(String code);

    List<Title> titles();

    Optional<Title> title(String code);

    List<EthnicGroup> ethnicGroups();

    Optional<EthnicGroup> ethnicGroup(String code);

    /**
     * Adds a unit with its departments.
     *
     * @throws ProblemException 400 with field errors for bad input, 409 when the region already has a unit of that name
     */
    Unit addUnit(NewUnit unit);

    /**
     * Imports units from CSV with the header {@code region_code,name,kind,departments}
     * (departments separated by {@code |}). All or nothing: any bad row fails the whole
     * import with a 400 naming each bad line, and nothing is stored. Units that exist
     * (same region and name) are kept and get the departments they lack.
     */
    ImportReport importUnits(Reader csv);

    /**
     * Changes a unit's region, name and kind, and adds the departments of {@code unit} it lacks (departments are
     * never removed here: people and declarations name them). Since 1.1.
     *
     * @throws ProblemException 404 for an unknown unit, 400 with field errors for bad input, 409 {@code unit_exists}
     *                          when the region already has another unit of that name
     */
    Unit updateUnit(long id, NewUnit unit);
}
