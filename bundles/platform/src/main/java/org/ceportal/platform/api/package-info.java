/**
 * The portal's shared REST vocabulary: problem errors with a stable code and a
 * zh-CN message, list and page answers, and strict paging parameters.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.4.0")
package org.ceportal.platform.api;
