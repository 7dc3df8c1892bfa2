package org.ceportal.declarations.api;

import java.util.List;

/**
 * Filters of the reviewer's list; every one optional.
 *
 * @param state    a {@link DeclarationState} code other than draft, or {@code null}/{@code all}
 * @param formId   a learning form's id
 * @param year     计入年度, as typed
 * @param ownerIds only these people's (e.g. those whose name matched a search); {@code null} for everyone,
 *                 empty for no one
 */
public record ReviewQuery(String state, String formId, String year, List<Long> ownerIds) {
}
