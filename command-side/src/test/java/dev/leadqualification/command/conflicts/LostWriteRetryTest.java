package dev.leadqualification.command.conflicts;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

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
                new AggregateStreamCreationException("a create under a taken id"));
    }

    @ParameterizedTest
    @MethodSource("lostRaces")
    void aWriteThatLostTheRaceIsSentAgainAtOnceOnThisThread(RuntimeException lostRace) {
        assertThat(retry.scheduleRetry(command, lostRace, failures(1), dispatched::incrementAndGet)).isTrue();
        assertThat(dispatched).hasValue(1);
    }

    @Test
    void aRaceLostOnEveryAttemptIsLeftToTheSender() {
        assertThat(retry.scheduleRetry(command, new ConcurrencyException("lost"), failures(LostWriteRetry.ATTEMPTS),
                dispatched::incrementAndGet)).isFalse();
        assertThat(dispatched).hasValue(0);
    }

    @Test
    void anyOtherFailureIsNotRetried() {
        assertThat(retry.scheduleRetry(command, new IllegalStateException("the lead is closed"), failures(1),
                dispatched::incrementAndGet)).isFalse();
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
