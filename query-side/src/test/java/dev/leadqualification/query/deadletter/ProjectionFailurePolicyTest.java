package dev.leadqualification.query.deadletter;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.serialization.SerializationException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.postgresql.util.ServerErrorMessage;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Which handler failures park an event and which propagate to the processor's retry, with the exceptions a
 * projection really sees: the PostgreSQL driver's, translated as {@code JdbcTemplate} translates them by default.
 */
class ProjectionFailurePolicyTest {

    private static final EventMessage<?> EVENT = GenericEventMessage.asEventMessage("an event");

    private final ProjectionFailurePolicy policy = new ProjectionFailurePolicy();

    @Test
    void aLostConnectionPropagatesSoThatTheBatchIsRetriedInsteadOfParked() {
        DataAccessException lost = translated(
                new PSQLException("An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE));

        assertThatThrownBy(() -> decide(lost)).isSameAs(lost);
    }

    @Test
    void noConnectionFromThePoolOrNoTransactionPropagates() {
        CannotGetJdbcConnectionException noConnection = new CannotGetJdbcConnectionException(
                "Failed to obtain JDBC Connection", new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 30000ms."));
        CannotCreateTransactionException noTransaction = new CannotCreateTransactionException(
                "Could not open JDBC Connection for transaction", noConnection);

        assertThatThrownBy(() -> decide(noConnection)).isSameAs(noConnection);
        assertThatThrownBy(() -> decide(noTransaction)).isSameAs(noTransaction);
    }

    @Test
    void aBusyOrStoppingDatabasePropagates() {
        for (String sqlState : new String[]{"40P01", "40001", "55P03", "57014", "57P01", "53300"}) {
            DataAccessException busy = translated(serverError(sqlState, "the database cannot do it now"));

            assertThatThrownBy(() -> decide(busy)).as(sqlState).isSameAs(busy);
        }
    }

    @Test
    void aDataErrorParksTheEventWithItsCause() {
        DataAccessException rejected = translated(serverError("22021", "invalid byte sequence for encoding \"UTF8\""));

        EnqueueDecision<EventMessage<?>> decision = decide(rejected);

        assertThat(decision.shouldEnqueue()).isTrue();
        assertThat(decision.enqueueCause()).get().isInstanceOfSatisfying(ThrowableCause.class, cause -> {
            assertThat(cause.type()).isEqualTo(rejected.getClass().getName());
            assertThat(cause.message()).isEqualTo(rejected.getMessage());
        });
    }

    @Test
    void theSqlStateDecidesOverTheKindSpringGivesTheFailure() {
        // filed under resource failures like a lost connection, but an index row too large fails every time
        DataAccessException tooLarge = translated(serverError("54000",
                "index row size 3000 exceeds btree version 4 maximum 2704"));

        assertThat(decide(tooLarge).shouldEnqueue()).isTrue();
    }

    @Test
    void anEventTheHandlerCannotReadIsParked() {
        SerializationException unreadable = new SerializationException("Error while deserializing object");

        assertThat(decide(unreadable).shouldEnqueue()).isTrue();
    }

    @Test
    void aLongMessageIsCutTo1023Characters() {
        IllegalStateException failure = new IllegalStateException("x".repeat(5_000));

        assertThat(decide(failure).enqueueCause()).get()
                .isInstanceOfSatisfying(ThrowableCause.class, cause -> assertThat(cause.message()).hasSize(1_023));
    }

    @Test
    void aFirstFailureThatAsksForIsolationPropagates() {
        FailingEventIsolation.IsolationRequired isolate = new FailingEventIsolation.IsolationRequired(EVENT,
                translated(serverError("23505", "duplicate key value violates unique constraint")));

        assertThatThrownBy(() -> decide(isolate)).isSameAs(isolate);
    }

    /** An error as the driver reports what the server sent: severity, SQL state and message fields. */
    private static PSQLException serverError(String sqlState, String message) {
        return new PSQLException(new ServerErrorMessage("SERROR\0C" + sqlState + "\0M" + message + "\0"));
    }

    /** As {@code JdbcTemplate} reports it: translated by its default translator, else uncategorized. */
    private static DataAccessException translated(SQLException failure) {
        String task = "PreparedStatementCallback";
        String sql = "UPDATE lead_view SET details = CAST(? AS jsonb) WHERE lead_id = ?";
        DataAccessException translated = new SQLExceptionSubclassTranslator().translate(task, sql, failure);
        return translated != null ? translated : new UncategorizedSQLException(task, sql, failure);
    }

    private EnqueueDecision<EventMessage<?>> decide(Exception failure) {
        return policy.decide(new GenericDeadLetter<>("lead-1", EVENT, failure), failure);
    }
}
