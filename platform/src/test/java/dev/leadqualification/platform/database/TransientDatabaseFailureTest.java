package dev.leadqualification.platform.database;

import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures the database may not meet again shortly, however Spring, Hikari or Axon wrap them (the
 * projections' side of it: {@code ProjectionFailurePolicyTest} in the query side).
 */
class TransientDatabaseFailureTest {

    /** What Hikari throws when no connection came within its connection-timeout. */
    private static final SQLTransientConnectionException NO_CONNECTION =
            new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out");

    @Test
    void noConnectionForACommandOrForAnAxonEventStoreReadIsTransient() {
        assertThat(TransientDatabaseFailure.causedBy(
                new CannotCreateTransactionException("Could not open JDBC Connection for transaction", NO_CONNECTION)))
                .isTrue();
        assertThat(TransientDatabaseFailure.causedBy(new EventStoreException("Failed to read events",
                new IllegalStateException("wrapped", NO_CONNECTION)))).isTrue();
    }

    @Test
    void aConnectionLostAtCommitIsTransientAConstraintViolationIsNot() {
        assertThat(TransientDatabaseFailure.causedBy(new TransactionSystemException("Could not commit",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")))).isTrue();
        assertThat(TransientDatabaseFailure.causedBy(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
    }

    /** What stops a bulk qualification's other leads: the database out of reach, not one lead's lost deadlock. */
    @Test
    void noConnectionALostConnectionOrAShutdownIsOutOfReachADeadlockIsNot() {
        assertThat(TransientDatabaseFailure.outOfReach(
                new CannotCreateTransactionException("Could not open JDBC Connection for transaction", NO_CONNECTION)))
                .isTrue();
        assertThat(TransientDatabaseFailure.outOfReach(new TransactionSystemException("Could not commit",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")))).isTrue();
        assertThat(TransientDatabaseFailure.outOfReach(new EventStoreException("Failed to read events",
                new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
        SQLException deadlock = new SQLException("deadlock detected", "40P01");
        assertThat(TransientDatabaseFailure.causedBy(deadlock)).isTrue();
        assertThat(TransientDatabaseFailure.outOfReach(deadlock)).isFalse();
    }
}
