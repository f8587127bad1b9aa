package dev.leadqualification.query.admin;

import dev.leadqualification.platform.web.ApiProblem;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The order of a replay's steps and its refusals, with the processors stubbed. */
class ProjectionReplayGuardTest {

    private final ProjectionPositions positions = mock(ProjectionPositions.class);
    private final ProjectionReplay replay = new ProjectionReplay(positions);

    @Test
    void everyProcessorIsStoppedResetToTheTailAndStartedAgain() {
        StreamingEventProcessor leads = processor("lead-projection", true);
        StreamingEventProcessor accounts = processor("account-projection", true);
        processorsAre(List.of(leads, accounts), notReplaying());

        replay.replay();

        for (StreamingEventProcessor processor : List.of(leads, accounts)) {
            InOrder steps = inOrder(processor);
            steps.verify(processor).shutDown();
            steps.verify(processor).resetTokens(any(Function.class));
            steps.verify(processor).start();
        }
        assertResetToTheTail(leads);
    }

    @Test
    void aProcessorThatDoesNotSupportAResetIsLeftRunning() {
        StreamingEventProcessor notifier = processor("outbound-notifier", false);
        processorsAre(List.of(notifier), notReplaying());

        replay.replay();

        verify(notifier, never()).shutDown();
        verify(notifier, never()).resetTokens(any(Function.class));
    }

    @Test
    void aProcessorWhoseResetFailsRunsAgainAndTheFailureIsReported() {
        StreamingEventProcessor leads = processor("lead-projection", true);
        doThrow(new IllegalStateException("segment claimed by another node"))
                .when(leads).resetTokens(any(Function.class));
        processorsAre(List.of(leads), notReplaying());

        assertThatThrownBy(replay::replay).hasMessageContaining("claimed by another node");
        verify(leads).start();
    }

    @Test
    void aReplayIsRefusedWhileAProcessorHasNotFinishedTheLastOne() {
        StreamingEventProcessor leads = processor("lead-projection", true);
        processorsAre(List.of(leads), List.of(new ProjectionStatus("lead-projection", 10, 50, 40, true)));

        assertThatThrownBy(replay::replay).isInstanceOfSatisfying(ApiProblem.class, problem -> {
            assertThat(problem.status().value()).isEqualTo(409);
            assertThat(problem.slug()).isEqualTo("replay-in-progress");
        });
        verify(leads, never()).shutDown();
    }

    @Test
    void aReplayIsRefusedWhileAnotherRequestIsRestartingTheProcessors() throws Exception {
        StreamingEventProcessor leads = processor("lead-projection", true);
        CountDownLatch stopping = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        doAnswer(invocation -> {
            stopping.countDown();
            release.await(10, TimeUnit.SECONDS);
            return null;
        }).when(leads).shutDown();
        processorsAre(List.of(leads), notReplaying());

        CompletableFuture<Void> first = CompletableFuture.runAsync(replay::replay);
        assertThat(stopping.await(10, TimeUnit.SECONDS)).isTrue();
        try {
            assertThatThrownBy(replay::replay).isInstanceOfSatisfying(ApiProblem.class,
                    problem -> assertThat(problem.slug()).isEqualTo("replay-in-progress"));
        } finally {
            release.countDown();
        }
        first.get(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS);

        replay.replay(); // the first one is done: the next is accepted
        verify(leads, org.mockito.Mockito.times(2)).start();
    }

    private void processorsAre(List<StreamingEventProcessor> processors, List<ProjectionStatus> statuses) {
        when(positions.processors()).thenReturn(processors);
        when(positions.statuses()).thenReturn(statuses);
    }

    private static List<ProjectionStatus> notReplaying() {
        return List.of(new ProjectionStatus("lead-projection", 50, 50, 0, false));
    }

    private static StreamingEventProcessor processor(String name, boolean supportsReset) {
        StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
        when(processor.getName()).thenReturn(name);
        when(processor.supportsReset()).thenReturn(supportsReset);
        return processor;
    }

    @SuppressWarnings("unchecked")
    private static void assertResetToTheTail(StreamingEventProcessor processor) {
        ArgumentCaptor<Function<StreamableMessageSource<TrackedEventMessage<?>>, TrackingToken>> startPosition =
                ArgumentCaptor.forClass(Function.class);
        verify(processor).resetTokens(startPosition.capture());
        StreamableMessageSource<TrackedEventMessage<?>> store = mock(StreamableMessageSource.class);
        TrackingToken tail = GapAwareTrackingToken.newInstance(-1, List.of());
        when(store.createTailToken()).thenReturn(tail);
        assertThat(startPosition.getValue().apply(store)).isSameAs(tail);
    }
}
