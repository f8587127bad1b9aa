package dev.leadqualification.command.idempotency;

import dev.leadqualification.command.CommandSideTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reservation is taken over by a repeat only once nobody has renewed it for {@link IdempotencyRecords#ABANDONED_AFTER}:
 * a request still running here keeps its key however long it runs; one whose instance died loses it.
 */
class IdempotencyReservationsTest extends CommandSideTest {

    private static final String USER = "sam";
    private static final String REQUEST = "a".repeat(64);

    @Autowired
    private IdempotencyRecords records;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void aReservationOfARequestStillRunningHereIsRenewedAndNotTakenOver() {
        String key = UUID.randomUUID().toString();
        assertThat(records.reserve(USER, key, REQUEST)).isTrue();
        reservedLongAgo(key);

        records.renewRunningReservations();

        assertThat(records.reserve(USER, key, REQUEST)).as("a repeat while the first runs").isFalse();
        records.release(USER, key);
    }

    @Test
    void aReservationNobodyRenewsIsTakenOverByARepeat() {
        String key = UUID.randomUUID().toString();
        jdbc.update("""
                INSERT INTO idempotency_record (username, idempotency_key, request_hash, state, created_at, alive_at)
                VALUES (?, ?, ?, 'IN_PROGRESS', now(), now())""", USER, key, REQUEST);
        reservedLongAgo(key);

        records.renewRunningReservations();

        assertThat(records.reserve(USER, key, REQUEST)).as("a repeat of a request whose instance died").isTrue();
        records.release(USER, key);
    }

    @Test
    void aCompletedRequestIsNoLongerRenewed() {
        String key = UUID.randomUUID().toString();
        records.reserve(USER, key, REQUEST);
        records.complete(USER, key, REQUEST, 204, Map.of(), null);
        jdbc.update("UPDATE idempotency_record SET alive_at = now() - interval '1 hour' WHERE idempotency_key = ?", key);

        records.renewRunningReservations();

        assertThat(jdbc.queryForObject("SELECT alive_at < now() - interval '30 minutes' FROM idempotency_record"
                + " WHERE idempotency_key = ?", Boolean.class, key)).isTrue();
    }

    private void reservedLongAgo(String key) {
        jdbc.update("""
                UPDATE idempotency_record SET created_at = now() - make_interval(secs => ?),
                    alive_at = now() - make_interval(secs => ?) WHERE username = ? AND idempotency_key = ?""",
                IdempotencyRecords.ABANDONED_AFTER.toSeconds() * 2, IdempotencyRecords.ABANDONED_AFTER.toSeconds() * 2,
                USER, key);
    }
}
