package dev.leadqualification.platform.eventstore;

import dev.leadqualification.platform.fence.AxonExtension;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

import java.util.List;

/**
 * Axon's embedded event store, whose shared reader can be woken when another process has committed events (a
 * PostgreSQL notification, see {@link EventStoreConfiguration}) instead of finding them at its next poll.
 */
@AxonExtension(name = NotifiedEventStore.NAME, reliesOn = {
        "EmbeddedEventStore.afterCommit(events) does nothing but wake the shared reader if it waits"
                + " (EventProducer.fetchIfWaiting), as Axon does for events committed in this process; with no events"
                + " it publishes nothing",
        "EmbeddedEventStore's constructor takes its Builder, so a subclass is built as Axon builds the store"})
public class NotifiedEventStore extends EmbeddedEventStore {

    public static final String NAME = "event-store-notifications";

    public NotifiedEventStore(Builder builder) {
        super(builder);
    }

    /** Makes the shared reader look for new events now. */
    public void wake() {
        afterCommit(List.of());
    }
}
