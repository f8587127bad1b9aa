package dev.leadqualification.query.history;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.UUID;
import java.util.stream.Stream;

/**
 * A lead's events as the event store holds them, read through Axon so that upcasters apply: oldest first,
 * from sequence number 0 (never a snapshot). The stream is lazy: it fetches batches as it is consumed.
 */
@Component
public class LeadEvents {

    /** The aggregate type the command side stores lead events under. */
    static final String AGGREGATE_TYPE = "Lead";

    private final EventStore eventStore;

    public LeadEvents(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The lead's events; none when no lead has this id (also when the id belongs to another kind of record). */
    public Stream<? extends DomainEventMessage<?>> of(UUID leadId) {
        // the command side stores ids in UUID's canonical (lower-case) form
        return eventStore.readEvents(leadId.toString(), 0).asStream().filter(event -> AGGREGATE_TYPE.equals(event.getType()));
    }
}
