package dev.leadqualification.platform.database;

import dev.leadqualification.platform.testing.FreshDatabase;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.ServerSocket;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Which failures the database may not meet again shortly, and of which kind, with the failures a real PostgreSQL
 * gives (through Spring's JDBC template, which wraps them as it does in the services); the projections' side of it:
 * {@code ProjectionFailurePolicyTest} in the query side.
 */
class TransientDatabaseFailureTest {

    private static final FreshDatabase DATABASE = FreshDatabase.create("database_failures");

    private final List<SingleConnectionDataSource> connections = new ArrayList<>();

    @BeforeAll
    static void twoRows() {
        new JdbcTemplate(new DriverManagerDataSource(DATABASE.jdbcUrl(), FreshDatabase.USER, FreshDatabase.PASSWORD))
                .execute("CREATE TABLE record (id INT PRIMARY KEY, version INT NOT NULL);"
                        + " INSERT INTO record VALUES (1, 0), (2, 0)");
    }

    @AfterEach
    void closeConnections() {
        connections.forEach(SingleConnectionDataSource::destroy);
    }

    @Test
    void aDeadlockBetweenTwoTransactionsIsAConflict() throws Exception {
        Transaction first = new Transaction();
        Transaction second = new Transaction();
        CountDownLatch bothHoldOneRow = new CountDownLatch(2);
        CompletableFuture<Optional<DataAccessException>> firstOutcome =
                CompletableFuture.supplyAsync(() -> first.lockBoth(1, 2, bothHoldOneRow));
        Optional<DataAccessException> secondOutcome = second.lockBoth(2, 1, bothHoldOneRow);

        // PostgreSQL breaks the deadlock by failing one of the two; the other then commits.
        List<DataAccessException> failures = new ArrayList<>();
        firstOutcome.get(60, TimeUnit.SECONDS).ifPresent(failures::add);
        secondOutcome.ifPresent(failures::add);
        assertThat(failures).singleElement()
                .satisfies(deadlock -> assertKind(deadlock, "40P01", TransientDatabaseFailure.CONFLICT));
    }

    @Test
    void aLockThatIsNotAvailableIsAConflict() {
        JdbcTemplate holder = connection();
        JdbcTemplate waiter = connection();
        holder.execute("BEGIN");
        holder.queryForList("SELECT id FROM record WHERE id = 1 FOR UPDATE");

        waiter.execute("BEGIN");
        DataAccessException notAvailable = catchThrowableOfType(DataAccessException.class,
                () -> waiter.queryForList("SELECT id FROM record WHERE id = 1 FOR UPDATE NOWAIT"));
        DataAccessException timedOut = catchThrowableOfType(DataAccessException.class, () -> {
            waiter.execute("ROLLBACK; BEGIN; SET LOCAL lock_timeout = '50ms'");
            waiter.update("UPDATE record SET version = version + 1 WHERE id = 1");
        });

        assertKind(notAvailable, "55P03", TransientDatabaseFailure.CONFLICT);
        assertKind(timedOut, "55P03", TransientDatabaseFailure.CONFLICT);
    }

    @Test
    void aSerializationFailureIsAConflict() {
        JdbcTemplate reader = connection();
        JdbcTemplate writer = connection();
        reader.execute("BEGIN ISOLATION LEVEL REPEATABLE READ");
        reader.queryForList("SELECT version FROM record WHERE id = 2");
        writer.update("UPDATE record SET version = version + 1 WHERE id = 2");

        DataAccessException serialization = catchThrowableOfType(DataAccessException.class,
                () -> reader.update("UPDATE record SET version = version + 1 WHERE id = 2"));

        assertKind(serialization, "40001", TransientDatabaseFailure.CONFLICT);
    }

    /** What stops a bulk qualification's other leads: the database out of reach, not one lead's lost deadlock. */
    @Test
    void aRefusedConnectionIsOutOfReach() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        DriverManagerDataSource nowhere = new DriverManagerDataSource(
                "jdbc:postgresql://127.0.0.1:" + closedPort + "/postgres", FreshDatabase.USER, FreshDatabase.PASSWORD);

        CannotCreateTransactionException noConnection = catchThrowableOfType(CannotCreateTransactionException.class,
                () -> new TransactionTemplate(new DataSourceTransactionManager(nowhere)).executeWithoutResult(
                        status -> new JdbcTemplate(nowhere).queryForList("SELECT 1")));

        assertKind(noConnection, "08.*", TransientDatabaseFailure.OUT_OF_REACH);
    }

    @Test
    void aConnectionTheServerTerminatedIsOutOfReach() {
        JdbcTemplate terminated = connection();
        Integer backend = terminated.queryForObject("SELECT pg_backend_pid()", Integer.class);
        connection().queryForList("SELECT pg_terminate_backend(?)", backend);

        DataAccessException lost = catchThrowableOfType(DataAccessException.class,
                () -> terminated.queryForList("SELECT 1"));

        assertKind(lost, "57P01|08.*", TransientDatabaseFailure.OUT_OF_REACH);
        assertThat(TransientDatabaseFailure.of(new EventStoreException("Failed to read events", lost)))
                .contains(TransientDatabaseFailure.OUT_OF_REACH);
    }

    @Test
    void aCancelledStatementIsBusy() {
        JdbcTemplate slow = connection();
        slow.execute("SET statement_timeout = '50ms'");

        DataAccessException cancelled = catchThrowableOfType(DataAccessException.class,
                () -> slow.queryForList("SELECT pg_sleep(5)"));

        assertKind(cancelled, "57014", TransientDatabaseFailure.BUSY);
    }

    @Test
    void aConstraintViolationIsNoPassingFailure() {
        DataAccessException duplicate = catchThrowableOfType(DataAccessException.class,
                () -> connection().update("INSERT INTO record VALUES (1, 0)"));

        assertThat(sqlState(duplicate)).isEqualTo("23505");
        assertThat(TransientDatabaseFailure.of(duplicate)).isEmpty();
        assertThat(TransientDatabaseFailure.causedBy(duplicate)).isFalse();
    }

    /** What Hikari throws when no connection came within its connection-timeout (it carries no SQL state). */
    @Test
    void noConnectionFromThePoolIsOutOfReach() {
        SQLTransientConnectionException poolTimeout =
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out");

        assertThat(TransientDatabaseFailure.of(
                new CannotCreateTransactionException("Could not open JDBC Connection for transaction", poolTimeout)))
                .contains(TransientDatabaseFailure.OUT_OF_REACH);
        assertThat(TransientDatabaseFailure.OUT_OF_REACH.is(new EventStoreException("Failed to read events",
                new IllegalStateException("wrapped", poolTimeout)))).isTrue();
    }

    /** A connection of its own (kept open across statements, so a test can hold a transaction on it). */
    private JdbcTemplate connection() {
        SingleConnectionDataSource connection =
                new SingleConnectionDataSource(DATABASE.jdbcUrl(), FreshDatabase.USER, FreshDatabase.PASSWORD, true);
        connections.add(connection);
        return new JdbcTemplate(connection);
    }

    /** That PostgreSQL failed with an SQL state matching {@code sqlState}, and that it is classified as {@code kind}. */
    private static void assertKind(Throwable failure, String sqlState, TransientDatabaseFailure kind) {
        assertThat(sqlState(failure)).as("%s", failure).matches(sqlState);
        assertThat(TransientDatabaseFailure.of(failure)).as("%s", failure).contains(kind);
        assertThat(kind.is(failure)).isTrue();
    }

    private static String sqlState(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    /** Locks one row, waits until the other transaction holds its row, then locks that one too. */
    private final class Transaction {
        private final JdbcTemplate jdbc = connection();

        Optional<DataAccessException> lockBoth(int firstRow, int secondRow, CountDownLatch bothHoldOneRow) {
            try {
                jdbc.execute("BEGIN");
                jdbc.update("UPDATE record SET version = version + 1 WHERE id = ?", firstRow);
                bothHoldOneRow.countDown();
                if (!bothHoldOneRow.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("The other transaction never locked its row");
                }
                jdbc.update("UPDATE record SET version = version + 1 WHERE id = ?", secondRow);
                jdbc.execute("COMMIT");
                return Optional.empty();
            } catch (DataAccessException failure) {
                jdbc.execute("ROLLBACK");
                return Optional.of(failure);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
