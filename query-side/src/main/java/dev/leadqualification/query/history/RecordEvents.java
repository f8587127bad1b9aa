package dev.leadqualification.query.history;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.UUID;
import java.util.stream.Stream;

/**
 * A record's events as the event store holds them, read through Axon so that upcasters apply: oldest first, from
 * sequence number 0 (never a snapshot). The stream is lazy: it fetches batches as it is consumed.
 */
@Component
public class RecordEvents {

    private final EventStore eventStore;

    public RecordEvents(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /**
     * The events of the record {@code recordId} of {@code aggregateType} (the type the command side stores them
     * under, e.g. {@code Lead}); none when no such record has this id (also when it belongs to another kind of record).
     */
    public Stream<? extends DomainEventMessage<?>> of(String aggregateType, UUID recordId) {
        // the command side stores ids in UUID's canonical (lower-case) form
        return eventStore.readEvents(recordId.toString(), 0).asStream()
                .filter(event -> aggregateType.equals(event.getType()));
    }
}
