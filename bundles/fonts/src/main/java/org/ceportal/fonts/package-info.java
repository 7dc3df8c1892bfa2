/** Fonts the server draws documents with. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.ceportal.fonts;
