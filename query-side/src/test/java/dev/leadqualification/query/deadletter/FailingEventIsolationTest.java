package dev.leadqualification.query.deadletter;

import dev.leadqualification.platform.testing.FreshDatabase;
import dev.leadqualification.query.readmodel.ProjectionWrites;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.annotation.ClasspathHandlerDefinition;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiHandlerDefinition;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
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
 * database that is busy (a lock timeout) is not taken for a failing event. In a unit of work (as a processor runs a
 * batch) the writes are held and sent when it commits, each aggregate's in order; a batch whose writes fail is
 * retried one event at a time, so that the failing one is found.
 */
class FailingEventIsolationTest {

    private static final FreshDatabase DATABASE = FreshDatabase.create("isolation");
    private static final DriverManagerDataSource DATA_SOURCE =
            new DriverManagerDataSource(DATABASE.jdbcUrl(), FreshDatabase.USER, FreshDatabase.PASSWORD);

    private final JdbcTemplate jdbc = new JdbcTemplate(DATA_SOURCE);
    private final TransactionTemplate batches = new TransactionTemplate(new DataSourceTransactionManager(DATA_SOURCE));
    private final ProjectionWrites writes = new ProjectionWrites(new NamedParameterJdbcTemplate(jdbc));
    private final AnnotationEventHandlerAdapter projection = new AnnotationEventHandlerAdapter(
            new NoteProjection(writes), ClasspathParameterResolverFactory.forClass(NoteProjection.class),
            MultiHandlerDefinition.ordered(new FailingEventIsolation(batches.getTransactionManager(), writes),
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

    @Test
    void inAUnitOfWorkTheWritesAreSentAtCommitEachAggregatesInOrder() {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();

        inUnitOfWork(() -> {
            handle(noteEvent(first, 0, "first, created"));
            handle(noteEvent(second, 0, "second, created"));
            handle(noteEvent(second, 1, "second, changed"));
            handle(noteEvent(first, 1, "first, changed"));
            handle(noteEvent(first, 2, "first, changed again"));
            assertThat(jdbc.queryForObject("SELECT count(*) FROM note WHERE id IN (?, ?)", Long.class, first, second))
                    .as("nothing written before the commit, in the batch's own transaction").isZero();
        });

        assertThat(jdbc.queryForList("SELECT text FROM note WHERE id IN (?, ?) ORDER BY text", String.class,
                first, second)).containsExactly("first, changed again", "second, changed");
    }

    @Test
    void aUnitOfWorkWhoseWritesFailIsRetriedOneEventAtATimeAndOnlyTheFailingEventFails() {
        EventMessage<NoteWritten> before = written("fine");
        EventMessage<NoteWritten> failing = written("NUL \u0000 is no text");
        EventMessage<NoteWritten> after = written("fine too");

        assertThatThrownBy(() -> inUnitOfWork(() -> {
            handle(before);
            handle(failing);
            handle(after);
        })).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(notes(before, failing, after)).as("the whole batch rolled back").isEmpty();

        inUnitOfWork(() -> {
            handle(before);
            assertThatThrownBy(() -> handle(failing)).isInstanceOf(DataIntegrityViolationException.class);
            handle(after);
        });

        assertThat(notes(before, failing, after)).containsExactlyInAnyOrder("fine", "fine too");
    }

    /** An event run alone (it was in a batch that failed) writes at once, after what the batch holds before it. */
    @Test
    void anEventRunAloneWritesAfterTheEarlierWritesOfItsBatch() {
        String note = UUID.randomUUID().toString();
        EventMessage<NoteWritten> broken = noteEvent(UUID.randomUUID().toString(), 0, "NUL \u0000 is no text");
        EventMessage<NoteWritten> created = noteEvent(note, 0, "created");
        EventMessage<NoteWritten> changed = noteEvent(note, 1, "changed");
        assertThatThrownBy(() -> inUnitOfWork(() -> {
            handle(broken);
            handle(changed);
        })).isInstanceOf(DataIntegrityViolationException.class);

        inUnitOfWork(() -> {
            handle(created);
            handle(changed);
            assertThatThrownBy(() -> handle(broken)).isInstanceOf(DataIntegrityViolationException.class);
        });

        assertThat(notes(created)).containsExactly("changed");
    }

    /** What a projection event says; its handler writes it in two statements. */
    record NoteWritten(String id, String text) {
    }

    static class NoteProjection {

        private final ProjectionWrites writes;

        NoteProjection(ProjectionWrites writes) {
            this.writes = writes;
        }

        @EventHandler
        void on(NoteWritten event) {
            MapSqlParameterSource values = new MapSqlParameterSource("id", event.id()).addValue("text", event.text());
            writes.update("INSERT INTO note (id, text) VALUES (:id, '') ON CONFLICT (id) DO NOTHING", values);
            writes.update("UPDATE note SET text = :text WHERE id = :id", values);
        }
    }

    /** Event {@code sequence} of note {@code id}'s aggregate. */
    private static EventMessage<NoteWritten> noteEvent(String id, long sequence, String text) {
        return new GenericDomainEventMessage<>("Note", id, sequence, new NoteWritten(id, text));
    }

    /** Handles events in an Axon unit of work with a transaction, as a processor handles a batch. */
    private void inUnitOfWork(ThrowingRunnable events) {
        DefaultUnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(null);
        unit.attachTransaction(new SpringTransactionManager(batches.getTransactionManager()));
        ResultMessage<?> result = unit.executeWithResult(() -> {
            events.run();
            return null;
        });
        if (result.isExceptional()) {
            throw (RuntimeException) result.exceptionResult();
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
