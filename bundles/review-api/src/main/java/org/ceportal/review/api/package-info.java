/**
 * In-portal messages (消息中心): the bundles that decide something about a person
 * tell them here, in the same transaction as the decision.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.ceportal.review.api;
