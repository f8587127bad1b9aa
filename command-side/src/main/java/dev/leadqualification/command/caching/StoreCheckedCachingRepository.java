package dev.leadqualification.command.caching;

import dev.leadqualification.platform.fence.AxonExtension;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;

import java.util.Objects;

/**
 * Axon's caching repository, except that a record found in the cache is used only if it is the record as stored: its
 * version must be the last sequence number the event store holds for it (one indexed look-up, instead of reading and
 * applying all its events). Another instance may have changed the record since this one cached it; a stale copy is
 * dropped and the record loaded from the store. Without this check, a command that applies no event (a PATCH back to
 * the value the copy holds, a refusal such as "already open") would decide on the stale copy and never meet the event
 * store's unique key, which is what stops a stale write (API.md: "a command decides on the record as stored").
 * A race after the check (another instance writes in between) still loses at the unique key and is retried
 * (command.conflicts.LostWriteRetry).
 */
@AxonExtension(name = StoreCheckedCachingRepository.NAME, reliesOn = {
        "CachingEventSourcingRepository.doLoadWithLock answers from the cache when it holds the identifier, else loads"
                + " from the store (a load from the store is current by definition)",
        "EventSourcedAggregate.version() is the sequence number of the last event applied",
        "EventStore.lastSequenceNumberFor reads the store in the current transaction"})
public final class StoreCheckedCachingRepository<T> extends CachingEventSourcingRepository<T> {

    public static final String NAME = "store-checked-lead-cache";

    private final Cache cache;
    private final EventStore eventStore;

    private StoreCheckedCachingRepository(Builder<T> builder, Cache cache, EventStore eventStore) {
        super(builder);
        this.cache = cache;
        this.eventStore = eventStore;
    }

    /** The repository of {@code aggregateType} over {@code cache}, with the application's handler set-up. */
    public static <T> StoreCheckedCachingRepository<T> of(Class<T> aggregateType, Cache cache, EventStore eventStore,
                                                          ParameterResolverFactory parameterResolverFactory,
                                                          HandlerDefinition handlerDefinition) {
        Builder<T> builder = EventSourcingRepository.builder(aggregateType)
                .eventStore(eventStore)
                .cache(cache)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition);
        return new StoreCheckedCachingRepository<>(builder, cache, eventStore);
    }

    @Override
    protected EventSourcedAggregate<T> doLoadWithLock(String aggregateIdentifier, Long expectedVersion) {
        boolean cached = cache.containsKey(aggregateIdentifier);
        EventSourcedAggregate<T> aggregate = super.doLoadWithLock(aggregateIdentifier, expectedVersion);
        if (cached && !isAsStored(aggregateIdentifier, aggregate)) {
            cache.remove(aggregateIdentifier);
            return super.doLoadWithLock(aggregateIdentifier, expectedVersion);
        }
        return aggregate;
    }

    private boolean isAsStored(String aggregateIdentifier, EventSourcedAggregate<T> aggregate) {
        return Objects.equals(aggregate.version(), eventStore.lastSequenceNumberFor(aggregateIdentifier).orElse(null));
    }
}
