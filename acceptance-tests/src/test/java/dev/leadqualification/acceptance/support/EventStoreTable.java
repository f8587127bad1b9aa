package dev.leadqualification.acceptance.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadqualification.platform.testing.FreshDatabase;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The event store's table ({@code domain_event_entry}) of some services' database, read directly: what was
 * written, by whom, in which order — the evidence that a refused request wrote nothing, that a race left one set of
 * records, and of what a command accepted that no answer showed (the service was killed before answering). Read
 * only, over one connection; close it when done.
 */
public final class EventStoreTable implements AutoCloseable {

    private static final String COLUMNS = """
            SELECT global_index, aggregate_identifier, sequence_number, payload_type,
                   convert_from(payload, 'UTF8') AS payload, convert_from(meta_data, 'UTF8') AS meta_data
            FROM domain_event_entry""";

    private final FreshDatabase database;
    private Connection connection;

    public EventStoreTable(FreshDatabase database) {
        this.database = database;
    }

    /** One stored event: {@code type} is the event's simple class name, e.g. {@code NoteAdded}. */
    public record StoredEvent(long globalIndex, String aggregateId, long sequence, String type, JsonNode payload,
                              JsonNode metadata) {

        public String actor() {
            return metadata.path("actor").asText(null);
        }
    }

    /** The position of the newest event, 0 when there is none. */
    public long lastGlobalIndex() {
        return query("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", List.of(),
                rows -> rows.next() ? rows.getLong(1) : 0L);
    }

    /** Every event stored after {@code globalIndex}, oldest first. */
    public List<StoredEvent> eventsAfter(long globalIndex) {
        return query(COLUMNS + " WHERE global_index > ? ORDER BY global_index", List.of(globalIndex),
                EventStoreTable::events);
    }

    /** The events of one record (aggregate), in sequence order. */
    public List<StoredEvent> eventsOf(String aggregateId) {
        return query(COLUMNS + " WHERE aggregate_identifier = ? ORDER BY sequence_number", List.of(aggregateId),
                EventStoreTable::events);
    }

    /** Events of {@code type} (simple class name) whose payload has {@code field} = {@code value}. */
    public List<StoredEvent> eventsWhere(String type, String field, String value) {
        return query(COLUMNS + " WHERE payload_type LIKE ? AND convert_from(payload, 'UTF8')::jsonb ->> ? = ?"
                + " ORDER BY global_index", List.of("%." + type, field, value), EventStoreTable::events);
    }

    /** How many events of each type (simple class name) the store holds. */
    public Map<String, Long> countsByType() {
        return query("SELECT payload_type, count(*) FROM domain_event_entry GROUP BY payload_type", List.of(), rows -> {
            Map<String, Long> counts = new HashMap<>();
            while (rows.next()) {
                String type = rows.getString(1);
                counts.put(type.substring(type.lastIndexOf('.') + 1), rows.getLong(2));
            }
            return counts;
        });
    }

    /** How many events of {@code type} (simple class name) the store holds. */
    public long count(String type) {
        return countsByType().getOrDefault(type, 0L);
    }

    /**
     * How many events of {@code type} the store holds per value of the payload's {@code field} (e.g. the
     * {@code originatingLeadId} of {@code AccountCreated}).
     */
    public Map<String, Long> countBy(String type, String field) {
        return query("SELECT convert_from(payload, 'UTF8')::jsonb ->> ?, count(*) FROM domain_event_entry"
                + " WHERE payload_type LIKE ? GROUP BY 1", List.of(field, "%." + type), rows -> {
            Map<String, Long> counts = new HashMap<>();
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
            return counts;
        });
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing a read-only connection: nothing to lose
            }
            connection = null;
        }
    }

    private static List<StoredEvent> events(ResultSet rows) throws SQLException {
        List<StoredEvent> events = new ArrayList<>();
        while (rows.next()) {
            String type = rows.getString("payload_type");
            String metadata = rows.getString("meta_data");
            events.add(new StoredEvent(rows.getLong("global_index"), rows.getString("aggregate_identifier"),
                    rows.getLong("sequence_number"), type.substring(type.lastIndexOf('.') + 1),
                    Json.parse(rows.getString("payload").getBytes(StandardCharsets.UTF_8)),
                    metadata == null ? Json.MAPPER.missingNode()
                            : Json.parse(metadata.getBytes(StandardCharsets.UTF_8))));
        }
        return events;
    }

    private interface Rows<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private synchronized <T> T query(String sql, List<Object> parameters, Rows<T> reader) {
        try {
            if (connection == null) {
                connection = DriverManager.getConnection(database.jdbcUrl(), FreshDatabase.USER, FreshDatabase.PASSWORD);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Connecting to the event store failed", e);
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                return reader.read(rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the event store failed: " + sql, e);
        }
    }
}
