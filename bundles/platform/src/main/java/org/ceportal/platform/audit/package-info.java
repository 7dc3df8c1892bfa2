/**
 * The audit trail: who did what, when, from where, with which outcome. Bundles record
 * through the {@link org.ceportal.platform.audit.AuditLog} service (the accounts bundle
 * keeps the records); a record made inside a transaction commits or rolls back with
 * the change it describes. {@link org.ceportal.platform.audit.AuditSearch} (1.1.0) reads
 * them back for the audit log pages.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.ceportal.platform.audit;
