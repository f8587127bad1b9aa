package dev.leadqualification.platform.instances;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * The instances of this service that are running now, as PostgreSQL sees them: every instance names its connections
 * after itself ({@link ServiceInstance#name()}), so the live ones are the distinct application names of the
 * database's sessions with this service's prefix. An instance that dies (even by SIGKILL) drops out as soon as its
 * connections close: no heartbeat table, no clock. It assumes that every instance connects directly (a pooler in
 * transaction mode would hide the names) as a role whose sessions the others may see (the same role, or one with
 * {@code pg_read_all_stats}). The answer is kept for {@link #FRESH_FOR}, so that the processors' coordinators, which ask
 * every few seconds, cost one query at most that often.
 */
public class LiveInstances {

    static final Duration FRESH_FOR = Duration.ofSeconds(2);

    private final JdbcTemplate jdbc;
    private final ServiceInstance self;
    private final Clock clock;
    private volatile Snapshot snapshot;

    public LiveInstances(JdbcTemplate jdbc, ServiceInstance self) {
        this(jdbc, self, Clock.systemUTC());
    }

    LiveInstances(JdbcTemplate jdbc, ServiceInstance self, Clock clock) {
        this.jdbc = jdbc;
        this.self = self;
        this.clock = clock;
    }

    /** The names of the live instances of this service, this one included. */
    public List<String> names() {
        Snapshot current = snapshot;
        Instant now = clock.instant();
        if (current == null || now.isAfter(current.readAt().plus(FRESH_FOR))) {
            current = new Snapshot(now, read());
            snapshot = current;
        }
        return current.names();
    }

    /** The live instances of this service other than this one, read now. */
    public List<String> others() {
        return read().stream().filter(name -> !name.equals(self.name())).toList();
    }

    public ServiceInstance self() {
        return self;
    }

    private List<String> read() {
        List<String> names = jdbc.queryForList("""
                SELECT DISTINCT application_name FROM pg_stat_activity
                WHERE datname = current_database() AND starts_with(application_name, ?)
                ORDER BY application_name""", String.class, self.servicePrefix());
        // this instance counts even before its pool has opened a connection
        return names.contains(self.name()) ? names
                : Stream.concat(names.stream(), Stream.of(self.name())).sorted().toList();
    }

    private record Snapshot(Instant readAt, List<String> names) {
    }
}
