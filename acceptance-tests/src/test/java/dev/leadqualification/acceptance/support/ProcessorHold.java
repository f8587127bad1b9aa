package dev.leadqualification.acceptance.support;

import dev.leadqualification.platform.testing.FreshDatabase;
import org.awaitility.Awaitility;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * Holds every segment of one event processor of the services' database, as an instance that never lets go would:
 * each segment's claim is given to an owner that is no running instance, stamped far in the future so that it never
 * times out. No instance can then claim a segment, and none can commit the handling of an event either (storing the
 * token of a batch checks the claim in the batch's transaction), until {@link #close} releases the claims; an
 * instance takes them on its next claim round. A test thus decides, without racing the processor, what the store
 * holds before the processor sees an event.
 */
public final class ProcessorHold implements AutoCloseable {

    private static final String OWNER = "held-by-acceptance-test";

    private final FreshDatabase database;
    private final String processor;

    private ProcessorHold(FreshDatabase database, String processor) {
        this.database = database;
        this.processor = processor;
    }

    /** Holds the segments of {@code processor} once its instances have created them. */
    public static ProcessorHold take(FreshDatabase database, String processor) {
        ProcessorHold hold = new ProcessorHold(database, processor);
        Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> hold.claim(OWNER, "9999-12-31T23:59:59Z") > 0);
        return hold;
    }

    @Override
    public void close() {
        claim(null, Instant.now().toString());
    }

    /** Gives every segment of the processor to {@code owner} as of {@code timestamp}; the segments changed. */
    private int claim(String owner, String timestamp) {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), FreshDatabase.USER,
                FreshDatabase.PASSWORD);
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE token_entry SET owner = ?, timestamp = ? WHERE processor_name = ?")) {
            update.setString(1, owner);
            update.setString(2, timestamp);
            update.setString(3, processor);
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Changing the claims of " + processor + " failed", e);
        }
    }
}
