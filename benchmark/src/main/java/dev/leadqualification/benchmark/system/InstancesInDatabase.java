package dev.leadqualification.benchmark.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The service instances as the database shows them: every instance names its connections after itself
 * ({@code <service>/<host>/<id>} in {@code pg_stat_activity.application_name}) and records that name as the owner of
 * each processor segment it claims in {@code token_entry}. Read on one connection of the benchmark's, kept open.
 */
public final class InstancesInDatabase implements AutoCloseable {

    private final Connection connection;

    private InstancesInDatabase(Connection connection) {
        this.connection = connection;
    }

    public static InstancesInDatabase of(JdbcTarget database) {
        try {
            return new InstancesInDatabase(database.connect());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not connect to " + database.url() + ": " + e.getMessage(), e);
        }
    }

    /** The names of the instances of {@code service} connected to the database now. */
    public List<String> live(String service) {
        List<String> names = new ArrayList<>();
        query("SELECT DISTINCT application_name FROM pg_stat_activity WHERE datname = current_database()"
                + " AND starts_with(application_name, ?) ORDER BY 1", service + "/", row -> names.add(row.getString(1)));
        return names;
    }

    /** Every processor's segments and their recorded owners (null: released), by processor name and segment. */
    public Map<String, Map<Integer, String>> segmentOwners() {
        Map<String, Map<Integer, String>> owners = new TreeMap<>();
        query("SELECT processor_name, segment, owner FROM token_entry", null, row -> owners
                .computeIfAbsent(row.getString(1), processor -> new TreeMap<>()).put(row.getInt(2), row.getString(3)));
        return owners;
    }

    /** The transactions committed and rolled back in the database so far, as its statistics show them. */
    public long transactions() {
        long[] transactions = new long[1];
        query("SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()", null,
                row -> transactions[0] = row.getLong(1));
        return transactions[0];
    }

    private interface Row {
        void read(ResultSet row) throws SQLException;
    }

    private void query(String sql, String parameter, Row row) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setString(1, parameter);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    row.read(rows);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the benchmark is done with it
        }
    }
}
