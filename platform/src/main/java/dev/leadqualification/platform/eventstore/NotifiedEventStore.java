package dev.leadqualification.platform.eventstore;

import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

import java.util.List;

/**
 * Axon's embedded event store, whose shared reader can be woken when another process has committed events (a
 * PostgreSQL notification, see {@link EventStoreConfiguration}) instead of finding them at its next poll.
 * <p>
 * What it relies on of Axon 4.13: {@code EmbeddedEventStore.afterCommit} does nothing but wake the reader if it waits
 * ({@code EventProducer.fetchIfWaiting}), as Axon does for events committed in this process; called with no events it
 * publishes nothing.
 */
public class NotifiedEventStore extends EmbeddedEventStore {

    public NotifiedEventStore(Builder builder) {
        super(builder);
    }

    /** Makes the shared reader look for new events now. */
    public void wake() {
        afterCommit(List.of());
    }
}
