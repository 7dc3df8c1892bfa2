package org.ceportal.platform.persistence;

import org.osgi.annotation.versioning.ProviderType;
import org.osgi.framework.Bundle;

/**
 * The shared database, offered as an OSGi service once its DataSource is up.
 *
 * <p>A bundle that owns tables calls {@link #open} from the constructor of the
 * component that uses them. {@code open} first brings the module's schema up to
 * date, then builds the module's MyBatis configuration, so no code of that bundle
 * ever sees an unmigrated table.
 *
 * <h2>Migrations</h2>
 * Scripts live in the bundle at {@code db/<module>/V<n>__<description>.sql}
 * ({@code n} = 1, 2, ...). Each script runs once, in one transaction, and is
 * recorded with its checksum in the table {@code ceportal_schema_version}. A script
 * that changed after it ran, or that fails, marks the module failed: {@code open}
 * throws and the health endpoint reports it. Statements end with {@code ;} at the
 * end of a line; lines starting with {@code --} are comments.
 *
 * <h2>Mappers</h2>
 * Mapper interfaces with their XML next to them (same package, same name). XML may
 * name the bundle's classes by their full name. Statements may carry a
 * {@code databaseId} of {@code derby} or {@code postgresql} where SQL differs.
 */
@ProviderType
public interface Database {

    /**
     * Migrates the module's schema and returns its store.
     *
     * @param bundle  the bundle holding the scripts and mappers
     * @param module  the module name: lower case letters, digits, '-'
     * @param mappers the module's MyBatis mapper interfaces
     * @return the store for the module
     * @throws IllegalStateException if a migration fails or was changed after it ran
     */
    Store open(Bundle bundle, String module, Class<?>... mappers);

    /** {@code derby} or {@code postgresql}: which SQL dialect is in use. */
    String databaseId();

    /**
     * Runs {@code work} in one transaction that every module store used inside joins
     * (see {@link Store#inTransaction}), for a change that spans bundles when the
     * caller owns no store of its own, e.g. a resource that changes the directory and
     * records it in the audit trail. Retried as a whole on a transient conflict.
     *
     * @since 1.2
     */
    <T> T inTransaction(java.util.function.Supplier<T> work);
}
