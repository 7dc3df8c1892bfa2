/**
 * Health checks: any bundle may register a {@link org.ceportal.platform.health.HealthCheck};
 * {@code GET /api/health} reports them all and answers 503 until every required one is up.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.ceportal.platform.health;
