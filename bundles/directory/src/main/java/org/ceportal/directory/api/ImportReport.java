package org.ceportal.directory.api;

/**
 * The result of a unit import.
 *
 * @param unitsCreated       new units
 * @param unitsExisting      rows whose unit was already there (matched by region and name)
 * @param departmentsCreated new departments, also of existing units
 */
public record ImportReport(int unitsCreated, int unitsExisting, int departmentsCreated) {
}
