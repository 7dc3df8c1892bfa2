/**
 * Who is calling: the platform resolves the caller of each REST request through the
 * {@link org.ceportal.platform.security.Authenticator} services (the accounts bundle
 * provides one) and resources check roles with {@link org.ceportal.platform.security.Access}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.6.0")
package org.ceportal.platform.security;
