package org.ceportal.platform.persistence;

import org.apache.ibatis.session.SqlSession;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One module's access to the database through its MyBatis mappers.
 *
 * <p>Sessions do not auto-commit. Use them in try-with-resources and call
 * {@code commit()}; closing without commit rolls back, so a failure never leaves a
 * half-written record.
 */
@ProviderType
public interface Store {

    /** A new session; the caller closes it. */
    SqlSession session();

    /** A new batching session for bulk writes: flush every few hundred rows, commit once. */
    SqlSession batchSession();
}
