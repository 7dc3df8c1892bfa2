/**
 * 学时/学分申报 as other bundles and the pages see them: the states a declaration
 * goes through, each with its zh-CN label (the pages take labels from here, through
 * the REST answers, never from their own scripts), and the typed answers.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.0.0")
package org.ceportal.declarations.api;
