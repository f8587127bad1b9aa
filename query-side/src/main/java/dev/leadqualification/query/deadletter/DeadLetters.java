package dev.leadqualification.query.deadletter;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the parked events straight from the dead-letter table ({@code db/query/V3__dead_letters.sql}): one query for
 * every group, and no event payload is read or deserialized (Axon's queue API reads letter by letter, payload
 * included).
 */
@Component
public class DeadLetters {

    private final JdbcTemplate jdbc;

    public DeadLetters(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every parked event, the longest parked first (a sequence's events in their order). */
    public List<DeadLetterView> all() {
        // Axon writes the times as ISO-8601 text of varying precision: ordered as instants, not as text.
        return jdbc.query("""
                SELECT letter.processing_group, letter.sequence_identifier, letter.event_identifier,
                       letter.payload_type, letter.aggregate_identifier, event.global_index,
                       letter.cause_type, letter.cause_message, letter.enqueued_at, letter.last_touched
                FROM dead_letter_entry letter
                LEFT JOIN domain_event_entry event ON event.event_identifier = letter.event_identifier
                ORDER BY CAST(letter.enqueued_at AS timestamptz), letter.processing_group,
                         letter.sequence_identifier, letter.sequence_index""", (row, n) -> view(row));
    }

    /**
     * The number of parked events per group, by group name: each of {@code groups} (0 if it has none), and any other
     * group that still has parked events.
     */
    public Map<String, Long> countsByGroup(List<String> groups) {
        Map<String, Long> counts = new TreeMap<>();
        groups.forEach(group -> counts.put(group, 0L));
        jdbc.query("SELECT processing_group, count(*) FROM dead_letter_entry GROUP BY processing_group",
                row -> {
                    counts.put(row.getString(1), row.getLong(2));
                });
        return counts;
    }

    /** The group's parked sequences, the one tried longest ago first (the order in which Axon offers them). */
    public List<ParkedSequence> sequences(String group) {
        return jdbc.query("""
                SELECT sequence_identifier, count(*),
                       (array_agg(event_identifier ORDER BY sequence_index))[1]
                FROM dead_letter_entry
                WHERE processing_group = ?
                GROUP BY sequence_identifier
                ORDER BY (array_agg(CAST(last_touched AS timestamptz) ORDER BY sequence_index))[1]""",
                (row, n) -> new ParkedSequence(row.getString(1), row.getString(3), row.getLong(2)), group);
    }

    /** A sequence of parked events: its identifier, the id of its first event, and how many events it holds. */
    public record ParkedSequence(String sequenceIdentifier, String firstEventIdentifier, long letters) {
    }

    private static DeadLetterView view(ResultSet row) throws SQLException {
        String payloadType = row.getString("payload_type");
        String causeType = row.getString("cause_type");
        Long position = row.getObject("global_index", Long.class);
        return new DeadLetterView(row.getString("processing_group"), row.getString("sequence_identifier"),
                row.getString("event_identifier"), payloadType.substring(payloadType.lastIndexOf('.') + 1),
                row.getString("aggregate_identifier"), position,
                causeType == null ? null : new DeadLetterView.Cause(causeType, strip(row.getString("cause_message"))),
                instant(row.getString("enqueued_at")), instant(row.getString("last_touched")));
    }

    private static String strip(String message) {
        return message == null ? null : message.strip();
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
