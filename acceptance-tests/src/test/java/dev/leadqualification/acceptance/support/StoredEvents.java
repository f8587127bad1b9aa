package dev.leadqualification.acceptance.support;

import dev.leadqualification.platform.testing.FreshDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the event store of a test's own services holds, read directly from {@code domain_event_entry}: the
 * evidence of what a command accepted, which no API answer may have shown (e.g. when the service was killed
 * before answering). Events are named as in the shared kernel ({@code LeadQualified}); payloads are JSON.
 */
public final class StoredEvents {

    private final FreshDatabase database;

    public StoredEvents(FreshDatabase database) {
        this.database = database;
    }

    /** How many events of this name the store holds. */
    public long count(String eventName) {
        long[] count = new long[1];
        query("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE ?", List.of("%." + eventName),
                row -> count[0] = row.getLong(1));
        return count[0];
    }

    /**
     * How many events of this name the store holds per value of the payload's {@code field} (e.g. the
     * {@code originatingLeadId} of {@code AccountCreated}).
     */
    public Map<String, Long> countBy(String eventName, String field) {
        Map<String, Long> counts = new HashMap<>();
        query("SELECT convert_from(payload, 'UTF8')::jsonb ->> ?, count(*) FROM domain_event_entry"
                        + " WHERE payload_type LIKE ? GROUP BY 1", List.of(field, "%." + eventName),
                row -> counts.put(row.getString(1), row.getLong(2)));
        return counts;
    }

    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private void query(String sql, List<String> parameters, RowReader reader) {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), FreshDatabase.USER,
                FreshDatabase.PASSWORD);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setString(i + 1, parameters.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the event store failed: " + sql, e);
        }
    }
}
