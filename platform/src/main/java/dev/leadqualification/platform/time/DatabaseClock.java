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
 * PostgreSQL's {@code clock_timestamp()} (half the round trip counted as transit) and kept until the next measurement.
 * Every instance of every service so tells the same time, however their hosts' clocks drift, which is what the times
 * that decide between instances need (whose segment claim has expired, which event came when).
 */
public final class DatabaseClock extends Clock {

    private final JdbcTemplate jdbc;
    private volatile Duration offset = Duration.ZERO;

    public DatabaseClock(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Measures the offset again; answers it. */
    public Duration synchronise() {
        long sent = System.nanoTime();
        Instant before = Instant.now();
        Timestamp database = jdbc.queryForObject("SELECT clock_timestamp()", Timestamp.class);
        Duration halfTrip = Duration.ofNanos((System.nanoTime() - sent) / 2);
        Duration measured = Duration.between(before.plus(halfTrip), database.toInstant());
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
