/**
 * The people the accounts bundle keeps, as other bundles may read them: a
 * reviewer's page names the person behind a declaration, and a search by name or
 * ID number finds their account ids. Nothing here changes an account.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.4.0")
package org.ceportal.accounts.api;
