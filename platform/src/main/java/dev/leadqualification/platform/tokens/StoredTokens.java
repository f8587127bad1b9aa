package dev.leadqualification.platform.tokens;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the processors' tokens from the token table without claiming them (Axon's {@code TokenStore.fetchToken}
 * claims the segment, which would take it away from the instance processing it): for the status endpoints and the
 * lag metrics of whichever instance is asked.
 */
public class StoredTokens {

    private final JdbcTemplate jdbc;
    private final TokenSchema schema;
    private final Serializer serializer;
    private final Duration claimTimeout;

    /** {@code serializer}: Axon's general serializer, the one its JDBC token store writes tokens with. */
    public StoredTokens(JdbcTemplate jdbc, TokenSchema schema, Serializer serializer, Duration claimTimeout) {
        this.jdbc = jdbc;
        this.schema = schema;
        this.serializer = serializer;
        this.claimTimeout = claimTimeout;
    }

    /** One segment as stored: its token (null before the first event) and the instance holding it, if any. */
    public record StoredSegment(TrackingToken token, String owner) {

        /** The token's position, 0 before the first event. */
        public long position() {
            return token == null ? 0 : token.position().orElse(0);
        }
    }

    /**
     * Every segment of {@code processorName} as stored, by segment id, with its owner while the claim holds (a claim
     * older than the claim timeout is one a dead instance left: nobody's).
     */
    public Map<Integer, StoredSegment> segments(String processorName) {
        Map<Integer, StoredSegment> segments = new HashMap<>();
        jdbc.query("SELECT " + schema.segmentColumn() + ", " + schema.tokenColumn() + ", " + schema.tokenTypeColumn()
                        + ", CASE WHEN CAST(" + schema.timestampColumn() + " AS timestamptz) > now() - "
                        + "make_interval(secs => ?) THEN " + schema.ownerColumn() + " END"
                        + " FROM " + schema.tokenTable() + " WHERE " + schema.processorNameColumn() + " = ?",
                row -> {
                    segments.put(row.getInt(1), new StoredSegment(token(row.getBytes(2), row.getString(3)),
                            row.getString(4)));
                }, claimTimeout.toMillis() / 1000.0, processorName);
        return segments;
    }

    private TrackingToken token(byte[] token, String tokenType) {
        if (token == null || tokenType == null) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, tokenType, null));
    }
}
