package dev.leadqualification.query.deadletter;

import dev.leadqualification.platform.testing.FreshDatabase;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.annotation.ClasspathHandlerDefinition;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiHandlerDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.axonframework.eventhandling.GenericEventMessage.asEventMessage;

/**
 * {@link FailingEventIsolation} on PostgreSQL, around a handler that writes an event in two statements: a batch with a
 * failing event is never committed with half of that event, the retried batch commits every other event, and a
 * database that is busy (a lock timeout) is not taken for a failing event.
 */
class FailingEventIsolationTest {

    private static final FreshDatabase DATABASE = FreshDatabase.create("isolation");
    private static final DriverManagerDataSource DATA_SOURCE =
            new DriverManagerDataSource(DATABASE.jdbcUrl(), FreshDatabase.USER, FreshDatabase.PASSWORD);

    private final JdbcTemplate jdbc = new JdbcTemplate(DATA_SOURCE);
    private final TransactionTemplate batches = new TransactionTemplate(new DataSourceTransactionManager(DATA_SOURCE));
    private final AnnotationEventHandlerAdapter projection = new AnnotationEventHandlerAdapter(new NoteProjection(jdbc),
            ClasspathParameterResolverFactory.forClass(NoteProjection.class),
            MultiHandlerDefinition.ordered(new FailingEventIsolation(batches.getTransactionManager()),
                    ClasspathHandlerDefinition.forClass(NoteProjection.class)));
    private Connection lockHolder;

    @BeforeAll
    static void noteTable() {
        new JdbcTemplate(DATA_SOURCE).execute("CREATE TABLE note (id TEXT PRIMARY KEY, text TEXT NOT NULL)");
    }

    @AfterEach
    void releaseLocks() throws SQLException {
        if (lockHolder != null) {
            lockHolder.close();
        }
    }

    @Test
    void aFailingEventRollsItsBatchBackOnceAndIsThenRolledBackAloneToItsSavepoint() {
        EventMessage<NoteWritten> before = written("fine");
        EventMessage<NoteWritten> failing = written("NUL \u0000 is no text");
        EventMessage<NoteWritten> after = written("fine too");

        assertThatThrownBy(() -> batch(() -> {
            handle(before);
            handle(failing);
        })).isInstanceOf(FailingEventIsolation.IsolationRequired.class)
                .hasCauseInstanceOf(DataIntegrityViolationException.class);
        assertThat(notes(before, failing)).isEmpty();

        batch(() -> {
            handle(before);
            assertThatThrownBy(() -> handle(failing)).isInstanceOf(DataIntegrityViolationException.class);
            handle(after);
        });

        assertThat(notes(before, failing, after)).containsExactlyInAnyOrder("fine", "fine too");
    }

    @Test
    void aLockTimeoutPassesThroughUnchangedForTheProcessorToRetry() throws SQLException {
        EventMessage<NoteWritten> note = written("first");
        batch(() -> handle(note));
        lockHolder = DATA_SOURCE.getConnection();
        lockHolder.setAutoCommit(false);
        try (Statement lock = lockHolder.createStatement()) {
            lock.execute("SELECT * FROM note WHERE id = '" + note.getPayload().id() + "' FOR UPDATE");
        }
        EventMessage<NoteWritten> changed = asEventMessage(new NoteWritten(note.getPayload().id(), "second"));

        assertThatThrownBy(() -> batch(() -> {
            jdbc.execute("SET LOCAL lock_timeout = '100ms'");
            handle(changed);
        })).isInstanceOfSatisfying(UncategorizedSQLException.class,
                timeout -> assertThat(timeout.getSQLException().getSQLState()).isEqualTo("55P03"));

        lockHolder.rollback();
        batch(() -> handle(changed));
        assertThat(notes(changed)).containsExactly("second");
    }

    /** What a projection event says; its handler writes it in two statements. */
    record NoteWritten(String id, String text) {
    }

    static class NoteProjection {

        private final JdbcTemplate jdbc;

        NoteProjection(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @EventHandler
        void on(NoteWritten event) {
            jdbc.update("INSERT INTO note (id, text) VALUES (?, '') ON CONFLICT (id) DO NOTHING", event.id());
            jdbc.update("UPDATE note SET text = ? WHERE id = ?", event.text(), event.id());
        }
    }

    /** The event of a new note: one message, delivered again with the same identifier, as a processor does. */
    private static EventMessage<NoteWritten> written(String text) {
        return asEventMessage(new NoteWritten(UUID.randomUUID().toString(), text));
    }

    /** Handles events in one transaction, as a processor handles a batch; any failure rolls it all back. */
    private void batch(ThrowingRunnable events) {
        batches.executeWithoutResult(status -> {
            try {
                events.run();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private void handle(EventMessage<NoteWritten> event) throws Exception {
        projection.handle(event);
    }

    @SafeVarargs
    private List<String> notes(EventMessage<NoteWritten>... events) {
        String[] ids = Arrays.stream(events).map(event -> event.getPayload().id()).toArray(String[]::new);
        return jdbc.queryForList("SELECT text FROM note WHERE id = ANY (?)", String.class, (Object) ids);
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
