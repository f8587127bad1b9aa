package dev.leadqualification.command.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The durable store of idempotency keys and the answers given to them. Each call is its own short
 * transaction, apart from the command's: the reservation must be visible to a concurrent repeat at once.
 */
@Component
public class IdempotencyRecords {

    /** How long a key is remembered. */
    static final Duration RETENTION = Duration.ofHours(24);
    /**
     * A reservation in progress not renewed for this long belongs to a request that never finished (its service
     * crashed or lost the database between the command and storing the answer): a repeat may take the key over
     * and run the command again, which answers from the command's current outcome (a repeated create names
     * the same record, a repeated qualify is refused as lead-closed) instead of 409 for the rest of the day.
     */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(5);
    /** How often the reservations of the requests this instance is running are renewed; well inside the above. */
    static final String RENEWAL_INTERVAL = "PT1M";

    private final JdbcTemplate jdbc;
    private final ObjectMapper objectMapper;
    /** The reservations of the requests running on this instance, renewed until their answer is stored. */
    private final Set<Reservation> running = ConcurrentHashMap.newKeySet();

    private record Reservation(String username, String key) {
    }

    public IdempotencyRecords(JdbcTemplate jdbc, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
    }

    /**
     * A stored key: the request it was first used for (while in progress, its request line only), and the answer
     * once there is one.
     */
    record StoredAnswer(String requestHash, boolean completed, int status, Map<String, String> headers, byte[] body) {
    }

    /**
     * Reserves the key for this request; false if the user used it already (within the retention period) or a
     * request with it is still in progress (and not abandoned). The reservation records the hash of the request line
     * ({@code requestLineHash}: the body is not read yet); {@link #complete} replaces it by the whole request's.
     */
    boolean reserve(String username, String key, String requestLineHash) {
        // the database's clock, not this JVM's: another instance may have reserved the key
        jdbc.update("""
                DELETE FROM idempotency_record WHERE username = ? AND idempotency_key = ?
                AND (created_at < now() - make_interval(secs => ?)
                     OR (state = 'IN_PROGRESS' AND alive_at < now() - make_interval(secs => ?)))""",
                username, key, RETENTION.toSeconds(), ABANDONED_AFTER.toSeconds());
        boolean reserved = jdbc.update("""
                INSERT INTO idempotency_record (username, idempotency_key, request_hash, state, created_at, alive_at)
                VALUES (?, ?, ?, 'IN_PROGRESS', now(), now()) ON CONFLICT DO NOTHING""",
                username, key, requestLineHash) == 1;
        if (reserved) {
            running.add(new Reservation(username, key));
        }
        return reserved;
    }

    Optional<StoredAnswer> find(String username, String key) {
        return jdbc.query("""
                SELECT request_hash, state, response_status, response_headers, response_body
                FROM idempotency_record WHERE username = ? AND idempotency_key = ?""",
                (row, n) -> new StoredAnswer(row.getString("request_hash"), "COMPLETED".equals(row.getString("state")),
                        row.getInt("response_status"), readHeaders(row.getString("response_headers")),
                        row.getBytes("response_body")),
                username, key).stream().findFirst();
    }

    void complete(String username, String key, String requestHash, int status, Map<String, String> headers,
                  byte[] body) {
        // no longer renewed even if the update fails: the reservation is then left to be taken over like a crash's
        running.remove(new Reservation(username, key));
        jdbc.update("""
                UPDATE idempotency_record
                SET state = 'COMPLETED', request_hash = ?, response_status = ?, response_headers = CAST(? AS jsonb),
                    response_body = ?
                WHERE username = ? AND idempotency_key = ?""",
                requestHash, status, writeHeaders(headers), body, username, key);
    }

    /** Forgets a reservation whose request failed for a reason a retry may not meet (a server error, a conflict). */
    void release(String username, String key) {
        running.remove(new Reservation(username, key));
        jdbc.update("DELETE FROM idempotency_record WHERE username = ? AND idempotency_key = ?", username, key);
    }

    /** Keeps the reservations of the requests still running here from being taken for abandoned. */
    @Scheduled(fixedDelayString = RENEWAL_INTERVAL, initialDelayString = RENEWAL_INTERVAL)
    void renewRunningReservations() {
        List<Object[]> reservations = running.stream()
                .map(reservation -> new Object[] {reservation.username(), reservation.key()})
                .toList();
        jdbc.batchUpdate("""
                UPDATE idempotency_record SET alive_at = now()
                WHERE username = ? AND idempotency_key = ? AND state = 'IN_PROGRESS'""", reservations);
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void forgetExpiredKeys() {
        jdbc.update("DELETE FROM idempotency_record WHERE created_at < now() - make_interval(secs => ?)",
                RETENTION.toSeconds());
    }

    private String writeHeaders(Map<String, String> headers) {
        try {
            return objectMapper.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Headers are plain strings", e);
        }
    }

    private Map<String, String> readHeaders(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return objectMapper.readValue(json, new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("idempotency_record holds headers it cannot read", e);
        }
    }
}
