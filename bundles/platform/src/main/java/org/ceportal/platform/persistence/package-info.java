/**
 * Persistence for the portal's bundles: each bundle owns a module of tables, brings
 * its versioned migration scripts and MyBatis mappers, and asks {@link
 * org.ceportal.platform.persistence.Database} for a {@link
 * org.ceportal.platform.persistence.Store} over the shared DataSource.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.ceportal.platform.persistence;
