package org.ceportal.platform.internal.command;

import java.util.Collection;
import java.util.List;
import java.util.Properties;

import javax.sql.DataSource;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.ceportal.platform.internal.DatabaseCopies;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.jdbc.DataSourceFactory;

/**
 * {@code ceportal:database-copy URL}: copies this node's database (embedded Derby) into an
 * empty PostgreSQL database, the move docs/POSTGRESQL.md describes.
 */
@Service
@Command(scope = "ceportal", name = "database-copy",
        description = "Copy the portal's database into an empty database (e.g. PostgreSQL); writes wait while it runs")
public class DatabaseCopyCommand implements Action {

    @Reference
    DatabaseCopies database;

    @Reference
    BundleContext context;

    @Argument(index = 0, name = "url", required = true, description = "JDBC URL of the empty target database")
    String url;

    @Option(name = "--user", description = "Database user")
    String user;

    @Option(name = "--password", description = "The user's password")
    String password;

    @Option(name = "--driver", description = "osgi.jdbc.driver.name of the target's driver")
    String driver = "PostgreSQL JDBC Driver";

    @Override
    public Object execute() throws Exception {
        Collection<ServiceReference<DataSourceFactory>> refs = context.getServiceReferences(DataSourceFactory.class,
                "(" + DataSourceFactory.OSGI_JDBC_DRIVER_NAME + "=" + driver + ")");
        if (refs.isEmpty()) {
            System.err.println("No JDBC driver named \"" + driver + "\" is installed (feature:install ceportal-postgresql)");
            return null;
        }
        ServiceReference<DataSourceFactory> ref = refs.iterator().next();
        DataSourceFactory factory = context.getService(ref);
        try {
            Properties props = new Properties();
            props.setProperty(DataSourceFactory.JDBC_URL, url);
            if (user != null) {
                props.setProperty(DataSourceFactory.JDBC_USER, user);
            }
            if (password != null) {
                props.setProperty(DataSourceFactory.JDBC_PASSWORD, password);
            }
            DataSource target = factory.createDataSource(props);
            List<DatabaseCopies.Copied> copied;
            try {
                copied = database.copyTo(target);
            } catch (IllegalStateException | java.sql.SQLException e) {
                System.err.println("Not copied: " + e.getMessage());
                return null;
            }
            long rows = 0;
            for (DatabaseCopies.Copied t : copied) {
                System.out.printf("%-28s %9d%n", t.table(), t.rows());
                rows += t.rows();
            }
            System.out.println("Copied " + copied.size() + " tables, " + rows + " rows");
        } finally {
            context.ungetService(ref);
        }
        return null;
    }
}
