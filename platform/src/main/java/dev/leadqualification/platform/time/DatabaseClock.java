package dev.leadqualification.platform.time;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The database server's clock, read through this JVM's: the offset between the two is measured against
 * PostgreSQL's {@code clock_timestamp()}, as NTP does: of {@value #SAMPLES} readings the one with the shortest round
 * trip, half of it counted as transit (its error is at most that half), kept until the next measurement.
 * Every instance of every service so tells the same time, however their hosts' clocks drift, which is what the times
 * that decide between instances need (whose segment claim has expired, which event came when).
 */
public final class DatabaseClock extends Clock {

    static final int SAMPLES = 5;

    private final JdbcTemplate jdbc;
    private volatile Duration offset = Duration.ZERO;

    public DatabaseClock(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Measures the offset again; answers it. */
    public Duration synchronise() {
        Duration shortestTrip = null;
        Duration measured = Duration.ZERO;
        for (int i = 0; i < SAMPLES; i++) {
            long sent = System.nanoTime();
            Instant before = Instant.now();
            Timestamp database = jdbc.queryForObject("SELECT clock_timestamp()", Timestamp.class);
            Duration trip = Duration.ofNanos(System.nanoTime() - sent);
            if (shortestTrip == null || trip.compareTo(shortestTrip) < 0) {
                shortestTrip = trip;
                measured = Duration.between(before.plus(trip.dividedBy(2)), database.toInstant());
            }
        }
        offset = measured;
        return measured;
    }

    public Duration offset() {
        return offset;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The database clock tells UTC");
    }
}
