package dev.leadqualification.query.stream;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * Reads the event store table in global order, a bounded page at a time, never the whole store. Rows are read
 * through a cursor a few at a time and converted one by one, so a page of large payloads (attachments) is never
 * held in memory at once; and the connection is given back before anything is sent to a client.
 */
public class StoredEvents {

    /** Rows fetched per round trip while converting: bounds the raw payload bytes held at once. */
    private static final int FETCH_SIZE = 16;
    private static final String COLUMNS = "global_index, event_identifier, type, aggregate_identifier, sequence_number,"
            + " payload_type, payload_revision, time_stamp, payload, meta_data";
    /** The payload class's simple name, as {@link StoredEvent#typeName()} computes it. */
    private static final String SIMPLE_TYPE_NAME = "regexp_replace(payload_type, '^.*[.$]', '')";

    private final DataSource dataSource;

    public StoredEvents(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The newest event: its position and stored time, or null when the store is empty. */
    Newest newest() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT global_index, time_stamp FROM domain_event_entry ORDER BY global_index DESC LIMIT 1");
             ResultSet rows = statement.executeQuery()) {
            return rows.next() ? new Newest(rows.getLong(1), rows.getString(2)) : null;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the newest event position: " + e.getMessage(), e);
        }
    }

    /** The positions of up to {@code limit} events after {@code after}, ascending (no payloads read). */
    long[] positionsAfter(long after, int limit) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT global_index FROM domain_event_entry WHERE global_index > ? ORDER BY global_index LIMIT ?")) {
            statement.setLong(1, after);
            statement.setInt(2, limit);
            try (ResultSet rows = statement.executeQuery()) {
                long[] positions = new long[limit];
                int count = 0;
                while (rows.next()) {
                    positions[count++] = rows.getLong(1);
                }
                return Arrays.copyOf(positions, count);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read event positions after " + after + ": " + e.getMessage(), e);
        }
    }

    /**
     * Up to {@code limit} events with {@code after < position <= upTo}, ascending, each converted as it is read;
     * only those whose type is in {@code types}, unless it is empty.
     */
    <T> List<T> read(long after, long upTo, Collection<String> types, int limit, Function<StoredEvent, T> convert) {
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS)
                .append(" FROM domain_event_entry WHERE global_index > ? AND global_index <= ?");
        if (!types.isEmpty()) {
            sql.append(" AND ").append(SIMPLE_TYPE_NAME).append(" IN (")
                    .append(String.join(", ", Collections.nCopies(types.size(), "?"))).append(')');
        }
        sql.append(" ORDER BY global_index LIMIT ?");
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            // PostgreSQL's driver reads through a cursor (fetch size) only inside a transaction.
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
                int parameter = 1;
                statement.setLong(parameter++, after);
                statement.setLong(parameter++, upTo);
                for (String type : types) {
                    statement.setString(parameter++, type);
                }
                statement.setInt(parameter, limit);
                statement.setFetchSize(FETCH_SIZE);
                List<T> events = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        events.add(convert.apply(row(rows)));
                    }
                }
                return events;
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read events after " + after + ": " + e.getMessage(), e);
        }
    }

    /** The events with the given identifiers (those that exist), in global order. */
    public List<StoredEvent> withIdentifiers(Collection<String> eventIds) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS
                     + " FROM domain_event_entry WHERE event_identifier = ANY (?) ORDER BY global_index")) {
            statement.setArray(1, connection.createArrayOf("varchar", eventIds.toArray()));
            List<StoredEvent> events = new ArrayList<>(eventIds.size());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    events.add(row(rows));
                }
            }
            return events;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read events " + eventIds + ": " + e.getMessage(), e);
        }
    }

    private static StoredEvent row(ResultSet rows) throws SQLException {
        return new StoredEvent(rows.getLong("global_index"), rows.getString("event_identifier"),
                rows.getString("type"), rows.getString("aggregate_identifier"), rows.getLong("sequence_number"),
                rows.getString("payload_type"), rows.getString("payload_revision"), rows.getString("time_stamp"),
                rows.getBytes("payload"), rows.getBytes("meta_data"));
    }

    /** The newest stored event's position and stored time ({@code time_stamp}). */
    record Newest(long position, String timestamp) {
    }
}
