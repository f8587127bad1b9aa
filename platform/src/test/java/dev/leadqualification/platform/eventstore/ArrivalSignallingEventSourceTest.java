package dev.leadqualification.platform.eventstore;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A pooled processor's stream from the signalling source says it can call back, and does when events arrive, until it
 * is closed; what it streams is the store's.
 */
class ArrivalSignallingEventSourceTest {

    private final EmbeddedEventStore eventStore = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final EventArrivals arrivals = new EventArrivals(eventStore);
    private final ArrivalSignallingEventSource source = new ArrivalSignallingEventSource(eventStore, arrivals);

    @AfterEach
    void stop() {
        arrivals.stop();
        eventStore.shutDown();
    }

    @Test
    void aStreamIsCalledBackWhenEventsArriveUntilItIsClosed() throws InterruptedException {
        arrivals.start();
        AtomicInteger callbacks = new AtomicInteger();
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(source.createTailToken());

        assertThat(stream.setOnAvailableCallback(callbacks::incrementAndGet)).as("call-backs supported").isTrue();
        // the watcher opens its stream at the head of the store once started
        await().atMost(Duration.ofSeconds(10)).until(arrivals::isRunning);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            eventStore.publish(GenericEventMessage.asEventMessage("first"));
            assertThat(callbacks.get()).isPositive();
        });

        assertThat(stream.nextAvailable().getPayload()).isEqualTo("first");

        stream.close();
        int beforeClosing = callbacks.get();
        eventStore.publish(GenericEventMessage.asEventMessage("after closing"));
        BlockingStream<TrackedEventMessage<?>> witness = source.openStream(source.createTailToken());
        AtomicInteger witnessed = new AtomicInteger();
        witness.setOnAvailableCallback(witnessed::incrementAndGet);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            eventStore.publish(GenericEventMessage.asEventMessage("witnessed"));
            assertThat(witnessed.get()).isPositive();
        });
        assertThat(callbacks.get()).as("no call-back after closing").isEqualTo(beforeClosing);
        witness.close();
    }
}
