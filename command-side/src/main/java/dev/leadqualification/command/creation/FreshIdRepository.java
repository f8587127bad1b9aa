package dev.leadqualification.command.creation;

import dev.leadqualification.platform.fence.AxonExtension;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.LockAwareAggregate;

import java.util.concurrent.Callable;

/**
 * Axon's event-sourced repository, except that a command creating its record under a fresh id ({@link FreshIds})
 * gets a new aggregate without a read of the event store: no query that finds nothing, no search of the events
 * the transaction has staged so far, no "not found" exception. Any other load or create is Axon's own.
 */
@AxonExtension(name = FreshIdRepository.NAME, reliesOn = {
        "EventSourcingRepository loads or creates an aggregate for a CREATE_IF_MISSING command handler through its"
                + " protected doLoadOrCreate, and doCreateNew creates one without reading the store",
        "EventSourcingRepository.Builder can be subclassed (its constructor is protected) to build a subclass"})
public class FreshIdRepository<T> extends EventSourcingRepository<T> {

    public static final String NAME = "fresh-id-creation";

    private FreshIdRepository(Builder<T> builder) {
        super(builder);
    }

    /** The repository of {@code aggregateType}, with the handler parameters and definitions of the application. */
    public static <T> FreshIdRepository<T> of(Class<T> aggregateType, EventStore eventStore,
                                              ParameterResolverFactory parameterResolverFactory,
                                              HandlerDefinition handlerDefinition) {
        Builder<T> builder = new Builder<>(aggregateType) {
        };
        builder.eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition);
        return new FreshIdRepository<>(builder);
    }

    @Override
    protected LockAwareAggregate<T, EventSourcedAggregate<T>> doLoadOrCreate(String aggregateIdentifier,
                                                                            Callable<T> factoryMethod)
            throws Exception {
        return FreshIds.isBeingCreated(aggregateIdentifier)
                ? doCreateNew(factoryMethod)
                : super.doLoadOrCreate(aggregateIdentifier, factoryMethod);
    }
}
