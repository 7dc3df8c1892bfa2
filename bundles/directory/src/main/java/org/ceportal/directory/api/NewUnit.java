package org.ceportal.directory.api;

import java.util.List;

/**
 * A unit an operator adds.
 *
 * @param regionCode  the region's code
 * @param name        the unit's full name
 * @param kind        a {@link UnitKind} code or zh-CN name
 * @param departments department names, may be empty
 */
public record NewUnit(String regionCode, String name, String kind, List<String> departments) {
    public NewUnit {
        departments = departments == null ? List.of() : List.copyOf(departments);
    }
}
