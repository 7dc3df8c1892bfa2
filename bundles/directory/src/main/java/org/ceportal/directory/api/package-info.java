/**
 * The portal's reference data: regions, employer units and their departments,
 * majors, professional titles and ethnic groups. Other bundles (registration,
 * profile, reporting) read it through {@link org.ceportal.directory.api.DirectoryService}.
 * Items are plain data objects with public fields, in the manner of OSGi DTOs.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.ceportal.directory.api;
