package dev.leadqualification.query.admin;

import dev.leadqualification.platform.instances.ServiceInstance;
import dev.leadqualification.platform.notifications.DatabaseNotifications;
import dev.leadqualification.platform.web.ApiProblem;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Rebuilds every read model from the event store, asked of any query-side instance: each streaming processor that
 * supports a reset is stopped on every instance, reset to the start of the store (its projection's
 * {@code @ResetHandler} empties the projection's tables in the same transaction, and its parked events are dropped
 * with them: see {@code query.deadletter}) and started again. The call returns once every processor runs again; the
 * rebuild goes on in the processors' threads of every instance and is followed through {@link ProjectionPositions}.
 * <p>
 * Across instances: the instance asked holds a PostgreSQL advisory lock while it restarts the processors (a second
 * request, on any instance, is refused; the lock goes with its session if the instance dies) and notifies the others,
 * which stop their processors, so releasing their segments (Axon resets only tokens nobody holds), and start them again
 * once the lock is free.
 */
@Component
public class ProjectionReplay {

    public static final String IN_PROGRESS = "replay-in-progress";
    /** The channel on which the instance that replays asks the others to stop their processors. */
    static final String CHANNEL = "projection_replay";
    /** Arbitrary but fixed: the advisory lock key held while the processors are restarted for a replay. */
    static final long LOCK_KEY = 0x4C51_5245_504CL;
    /** How long the others may take to finish their batch and release their segments. */
    static final Duration RELEASE_WAIT = Duration.ofSeconds(30);
    private static final Duration FOLLOW_POLL = Duration.ofMillis(250);

    private static final Logger log = LoggerFactory.getLogger(ProjectionReplay.class);

    private final ProjectionPositions positions;
    private final StoredTokens storedTokens;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final ServiceInstance self;
    private final ExecutorService follower = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "projection-replay-follower");
        thread.setDaemon(true);
        return thread;
    });

    public ProjectionReplay(ProjectionPositions positions, StoredTokens storedTokens, DataSource dataSource,
                            JdbcTemplate jdbc, DatabaseNotifications notifications, ServiceInstance self) {
        this.positions = positions;
        this.storedTokens = storedTokens;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.self = self;
        notifications.listen(CHANNEL, replayingInstance -> {
            if (replayingInstance != null && !replayingInstance.equals(self.name())) {
                follower.execute(this::followReplay);
            }
        });
    }

    /**
     * Starts a replay of every processor; 409 {@value #IN_PROGRESS} while another request (on any instance) is
     * restarting them or any processor has not finished its replay yet.
     */
    public void replay() {
        try (Connection lockHolder = dataSource.getConnection()) {
            lockHolder.setAutoCommit(true);
            if (!query(lockHolder, "SELECT pg_try_advisory_lock(" + LOCK_KEY + ")")) {
                throw inProgress("the processors are being restarted for a replay");
            }
            try {
                if (positions.statuses().stream().anyMatch(ProjectionStatus::replaying)) {
                    throw inProgress("the processors have not finished the last replay");
                }
                jdbc.queryForObject("SELECT pg_notify(?, ?)", Object.class, CHANNEL, self.name());
                List<StreamingEventProcessor> resettable = positions.processors().stream()
                        .filter(StreamingEventProcessor::supportsReset).toList();
                resettable.forEach(StreamingEventProcessor::shutDown);
                try {
                    resettable.forEach(this::resetToTheTail);
                } finally {
                    resettable.forEach(StreamingEventProcessor::start);
                }
            } finally {
                query(lockHolder, "SELECT pg_advisory_unlock(" + LOCK_KEY + ")");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the replay lock: " + e.getMessage(), e);
        }
    }

    /**
     * Axon resets tokens only while no instance holds a segment: this waits for the others to release theirs. If the
     * reset fails, the processor carries on from its old tokens, with its read model intact (the reset's transaction,
     * which also holds the reset handler's deletes, is rolled back).
     */
    private void resetToTheTail(StreamingEventProcessor processor) {
        log.info("Replaying processor [{}] from the start of the event store.", processor.getName());
        long deadline = System.nanoTime() + RELEASE_WAIT.toNanos();
        while (storedTokens.progress(processor.getName()).values().stream().map(SegmentProgress::owner)
                .anyMatch(Objects::nonNull)) {
            if (System.nanoTime() > deadline) {
                throw inProgress("another query-side instance still holds a segment of processor "
                        + processor.getName() + " after " + RELEASE_WAIT.toSeconds() + " s");
            }
            pause(Duration.ofMillis(100));
        }
        processor.resetTokens(source -> source.createTailToken());
    }

    /** On another instance's request: stop the resettable processors until that instance has restarted them. */
    private void followReplay() {
        List<StreamingEventProcessor> resettable = positions.processors().stream()
                .filter(StreamingEventProcessor::supportsReset).filter(StreamingEventProcessor::isRunning).toList();
        log.info("Another instance replays the projections: stopping {} processors until it has reset them",
                resettable.size());
        resettable.forEach(StreamingEventProcessor::shutDown);
        try {
            while (replayLockHeld()) {
                pause(FOLLOW_POLL);
            }
        } finally {
            resettable.forEach(StreamingEventProcessor::start);
        }
    }

    private boolean replayLockHeld() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            if (query(connection, "SELECT pg_try_advisory_lock(" + LOCK_KEY + ")")) {
                query(connection, "SELECT pg_advisory_unlock(" + LOCK_KEY + ")");
                return false;
            }
            return true;
        } catch (SQLException | RuntimeException e) {
            log.warn("Could not look at the replay lock; starting the processors again", e);
            return false;
        }
    }

    private static boolean query(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            return result.next() && result.getBoolean(1);
        }
    }

    private static void pause(Duration duration) {
        try {
            TimeUnit.NANOSECONDS.sleep(duration.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during a replay", e);
        }
    }

    private static ApiProblem inProgress(String why) {
        return new ApiProblem(HttpStatus.CONFLICT, IN_PROGRESS, "A replay of the projections is in progress: " + why
                + ". Follow it at GET /api/admin/projections and try again once every lag is 0.");
    }
}
