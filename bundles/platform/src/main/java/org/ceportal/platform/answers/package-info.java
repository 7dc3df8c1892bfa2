/**
 * Answers that are the same for every caller (the directory's public reads) and may
 * therefore be given from memory for a short, configured time without running the
 * REST pipeline again: mark the resource method {@link
 * org.ceportal.platform.answers.SameForEveryone}, and tell {@link
 * org.ceportal.platform.answers.SharedAnswers} when what such answers show has changed.
 * Answers kept by the resource itself (a person's own list, validated against the database)
 * are written with {@link org.ceportal.platform.answers.JsonAnswers}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.ceportal.platform.answers;
