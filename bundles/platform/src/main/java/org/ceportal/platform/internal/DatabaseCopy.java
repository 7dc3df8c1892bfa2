package org.ceportal.platform.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import javax.sql.DataSource;

/**
 * Copies every row of the portal's tables from one database to another whose schema the
 * same migrations made (moving an installation from embedded Derby to PostgreSQL).
 *
 * <p>This is the one place with SQL outside the MyBatis mappers: the statements are made
 * from the table and column names the source database's own catalogue lists (checked to be
 * plain identifiers), since no mapper can name every table of every module; every value is
 * a bound parameter.
 *
 * <p>The source is read in one serializable transaction (writes wait until the copy is done,
 * so the copy is one consistent state); the target is written in one transaction: its rows
 * from the migrations (reference data) are replaced, the copied rows inserted in foreign-key
 * order, the identity sequences moved past the copied ids, and the row counts compared
 * before the commit. Any failure leaves the target as the migrations left it.
 */
final class DatabaseCopy {
    /** The migrations' bookkeeping: the target's own, written by its migrations. */
    static final String VERSION_TABLE = "ceportal_schema_version";
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
    private static final int BATCH = 500;

    private DatabaseCopy() {
    }

    /** Whether the database holds none of the portal's tables (no migration has run there). */
    static boolean empty(DataSource target) throws SQLException {
        try (Connection c = target.getConnection()) {
            return tables(c).isEmpty();
        }
    }

    /** Copies the rows; the target's schema must be at the source's versions already. */
    static List<DatabaseCopies.Copied> copy(DataSource source, DataSource target) throws SQLException {
        try (Connection from = source.getConnection(); Connection to = target.getConnection()) {
            from.setAutoCommit(false);
            from.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
            to.setAutoCommit(false);
            try {
                List<DatabaseCopies.Copied> copied = copy(from, to);
                to.commit();
                return copied;
            } catch (SQLException | RuntimeException e) {
                to.rollback();
                throw e;
            } finally {
                from.rollback();
            }
        }
    }

    private static List<DatabaseCopies.Copied> copy(Connection from, Connection to) throws SQLException {
        List<String> order = inForeignKeyOrder(from);
        Set<String> targetTables = new LinkedHashSet<>(tables(to).keySet());
        for (String table : order) {
            if (!targetTables.contains(table)) {
                throw new SQLException("the target has no table " + table + ": its schema is not the source's");
            }
        }
        try (Statement st = to.createStatement()) {
            for (int i = order.size() - 1; i >= 0; i--) {
                st.executeUpdate("DELETE FROM " + order.get(i)); // the migrations' reference rows, copied again below
            }
        }
        List<DatabaseCopies.Copied> out = new ArrayList<>();
        for (String table : order) {
            long rows = copyTable(from, to, table);
            moveIdentities(to, table);
            long there = count(to, table);
            if (there != rows) {
                throw new SQLException(table + ": " + rows + " rows read but " + there + " in the target");
            }
            out.add(new DatabaseCopies.Copied(table, rows));
        }
        return out;
    }

    /** The portal's tables (lower case) and their names as the database spells them, without the bookkeeping. */
    private static Map<String, String> tables(Connection c) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        DatabaseMetaData meta = c.getMetaData();
        try (ResultSet rs = meta.getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                String lower = name.toLowerCase(Locale.ROOT);
                if (!lower.equals(VERSION_TABLE)) {
                    out.put(identifier(lower), name);
                }
            }
        }
        return out;
    }

    /** Parents before children; a table that refers to itself is not its own parent. */
    private static List<String> inForeignKeyOrder(Connection c) throws SQLException {
        Map<String, String> tables = tables(c);
        Map<String, Set<String>> parents = new HashMap<>();
        DatabaseMetaData meta = c.getMetaData();
        for (Map.Entry<String, String> t : tables.entrySet()) {
            Set<String> of = new LinkedHashSet<>();
            try (ResultSet rs = meta.getImportedKeys(null, c.getSchema(), t.getValue())) {
                while (rs.next()) {
                    String parent = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!parent.equals(t.getKey())) {
                        of.add(parent);
                    }
                }
            }
            parents.put(t.getKey(), of);
        }
        List<String> order = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (placed.size() < tables.size()) {
            boolean progress = false;
            for (String t : tables.keySet()) {
                if (!placed.contains(t) && placed.containsAll(parents.get(t))) {
                    placed.add(t);
                    order.add(t);
                    progress = true;
                }
            }
            if (!progress) {
                throw new SQLException("the foreign keys between the tables form a cycle");
            }
        }
        return order;
    }

    private static long copyTable(Connection from, Connection to, String table) throws SQLException {
        Map<String, Integer> targetTypes = columnTypes(to, table);
        try (Statement read = from.createStatement()) {
            read.setFetchSize(BATCH);
            try (ResultSet rs = read.executeQuery("SELECT * FROM " + table)) {
                int n = rs.getMetaData().getColumnCount();
                List<String> columns = new ArrayList<>();
                int[] sourceTypes = new int[n + 1];
                int[] types = new int[n + 1];
                for (int i = 1; i <= n; i++) {
                    String column = identifier(rs.getMetaData().getColumnName(i).toLowerCase(Locale.ROOT));
                    Integer type = targetTypes.get(column);
                    if (type == null) {
                        throw new SQLException("the target's " + table + " has no column " + column);
                    }
                    columns.add(column);
                    sourceTypes[i] = rs.getMetaData().getColumnType(i);
                    types[i] = type;
                }
                String insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                        + String.join(", ", java.util.Collections.nCopies(n, "?")) + ")";
                long rows = 0;
                try (PreparedStatement write = to.prepareStatement(insert)) {
                    while (rs.next()) {
                        for (int i = 1; i <= n; i++) {
                            bind(write, i, rs, sourceTypes[i], types[i]);
                        }
                        write.addBatch();
                        if (++rows % BATCH == 0) {
                            write.executeBatch();
                        }
                    }
                    write.executeBatch();
                }
                return rows;
            }
        }
    }

    private static void bind(PreparedStatement write, int i, ResultSet rs, int sourceType, int targetType) throws SQLException {
        switch (sourceType) {
            case Types.BLOB, Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY -> {
                byte[] bytes = rs.getBytes(i);
                if (bytes == null) {
                    write.setNull(i, targetType);
                } else {
                    write.setBytes(i, bytes);
                }
            }
            case Types.CLOB, Types.NCLOB -> write.setString(i, rs.getString(i));
            default -> {
                Object value = rs.getObject(i);
                if (value == null) {
                    write.setNull(i, targetType);
                } else if ((targetType == Types.BOOLEAN || targetType == Types.BIT) && value instanceof Number number) {
                    write.setBoolean(i, number.intValue() != 0); // a Derby SMALLINT flag, a PostgreSQL BOOLEAN
                } else {
                    write.setObject(i, value);
                }
            }
        }
    }

    private static Map<String, Integer> columnTypes(Connection c, String table) throws SQLException {
        Map<String, Integer> out = new LinkedHashMap<>();
        DatabaseMetaData meta = c.getMetaData();
        for (String spelled : new String[] {table, table.toUpperCase(Locale.ROOT)}) {
            try (ResultSet rs = meta.getColumns(null, c.getSchema(), spelled, "%")) {
                while (rs.next()) {
                    out.put(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), rs.getInt("DATA_TYPE"));
                }
            }
            if (!out.isEmpty()) {
                break;
            }
        }
        return out;
    }

    /** Moves each identity column's sequence past the highest copied value (PostgreSQL). */
    private static void moveIdentities(Connection to, String table) throws SQLException {
        if (!"PostgreSQL".equals(to.getMetaData().getDatabaseProductName())) {
            return;
        }
        try (ResultSet rs = to.getMetaData().getColumns(null, to.getSchema(), table, "%")) {
            List<String> identities = new ArrayList<>();
            while (rs.next()) {
                if ("YES".equals(rs.getString("IS_AUTOINCREMENT"))) {
                    identities.add(identifier(rs.getString("COLUMN_NAME")));
                }
            }
            for (String column : identities) {
                try (PreparedStatement st = to.prepareStatement("SELECT setval(pg_get_serial_sequence(?, ?), "
                        + "(SELECT COALESCE(MAX(" + column + "), 0) + 1 FROM " + table + "), false)")) {
                    st.setString(1, table);
                    st.setString(2, column);
                    st.executeQuery().close();
                }
            }
        }
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String identifier(String name) throws SQLException {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new SQLException("not a plain table or column name: " + name);
        }
        return name;
    }
}
