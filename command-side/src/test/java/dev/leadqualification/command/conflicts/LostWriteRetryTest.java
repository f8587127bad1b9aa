package dev.leadqualification.command.conflicts;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class LostWriteRetryTest {

    private final LostWriteRetry retry = new LostWriteRetry();
    private final CommandMessage<String> command = GenericCommandMessage.asCommandMessage("change the lead");
    private final AtomicInteger dispatched = new AtomicInteger();

    static Stream<RuntimeException> lostRaces() {
        return Stream.of(new ConcurrencyException("a write at a taken sequence number"),
                new AggregateStreamCreationException("a create under a taken id"),
                new EventStoreException("An event could not be persisted",
                        new PSQLException("ERROR: deadlock detected", PSQLState.DEADLOCK_DETECTED)),
                new CannotAcquireLockException("could not obtain lock",
                        new SQLException("ERROR: canceling statement due to lock timeout", "55P03")));
    }

    @ParameterizedTest
    @MethodSource("lostRaces")
    void aWriteThatLostTheRaceIsSentAgainAtOnceOnThisThread(RuntimeException lostRace) {
        assertThat(retry.scheduleRetry(command, lostRace, failures(1), dispatched::incrementAndGet)).isTrue();
        assertThat(dispatched).hasValue(1);
    }

    @Test
    void withOneAttemptALostRaceIsLeftToTheSenderAtOnce() {
        assertThat(new LostWriteRetry(1).scheduleRetry(command, new ConcurrencyException("lost"), failures(1),
                dispatched::incrementAndGet)).isFalse();
        assertThat(dispatched).hasValue(0);
    }

    @Test
    void aRaceLostOnEveryAttemptIsLeftToTheSender() {
        assertThat(retry.scheduleRetry(command, new ConcurrencyException("lost"), failures(LostWriteRetry.ATTEMPTS),
                dispatched::incrementAndGet)).isFalse();
        assertThat(dispatched).hasValue(0);
    }

    static Stream<RuntimeException> otherFailures() {
        return Stream.of(new IllegalStateException("the lead is closed"),
                new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
                        new PSQLException("Connection refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT)));
    }

    @ParameterizedTest
    @MethodSource("otherFailures")
    void anyOtherFailureIsNotRetried(RuntimeException other) {
        assertThat(retry.scheduleRetry(command, other, failures(1), dispatched::incrementAndGet)).isFalse();
        assertThat(dispatched).hasValue(0);
    }

    @Test
    void aCommandSentInsideAnotherUnitOfWorkIsLeftToThatUnitOfWork() {
        UnitOfWork<?> saga = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage("saga batch"));
        try {
            assertThat(retry.scheduleRetry(command, new ConcurrencyException("lost"), failures(1),
                    dispatched::incrementAndGet)).isFalse();
        } finally {
            saga.rollback();
        }
        assertThat(dispatched).hasValue(0);
    }

    /** The failures of {@code count} attempts so far, the last one included. */
    @SuppressWarnings("unchecked")
    private static List<Class<? extends Throwable>[]> failures(int count) {
        Class<? extends Throwable>[] lostRace = new Class[]{ConcurrencyException.class};
        return new ArrayList<>(Collections.nCopies(count, lostRace));
    }
}
