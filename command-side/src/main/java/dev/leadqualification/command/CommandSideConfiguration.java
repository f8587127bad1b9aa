package dev.leadqualification.command;

import dev.leadqualification.command.caching.BoundedCache;
import dev.leadqualification.command.caching.StoreCheckedCachingRepository;
import dev.leadqualification.command.conflicts.LostWriteRetry;
import dev.leadqualification.command.duplicates.RulePublisher;
import dev.leadqualification.command.lead.Lead;
import dev.leadqualification.command.lookup.CommandLookups;
import dev.leadqualification.command.qualification.QualificationSaga;
import dev.leadqualification.platform.fence.AxonExtensions;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Axon on the command side: the command gateway, the saga store's tables, how event handler failures are treated,
 * and the leads kept in memory between commands.
 */
@Configuration
public class CommandSideConfiguration {

    /**
     * The {@code leads.lead-cache-size} leads used most recently (0: none), kept between commands: a qualification
     * loads its lead for the qualify and again, in the saga, to complete it, and each load otherwise reads the lead's
     * events (and searches every event its transaction has staged so far).
     * <p>
     * Safe with several instances: a cached lead is used only while its version is the last one the event store holds
     * ({@link StoreCheckedCachingRepository}), so a lead another instance changed since is loaded anew; a change
     * between that check and this command's write loses at the event store's unique key (aggregate, sequence), and the
     * command is sent again ({@link LostWriteRetry}) or its batch retried (saga). With the extension off
     * ({@code leads.axon-extensions.store-checked-lead-cache.enabled=false}) no lead is kept.
     */
    @Bean(Lead.REPOSITORY)
    public Repository<Lead> leadRepository(@Value("${leads.lead-cache-size:10000}") int size, EventStore eventStore,
                                           ParameterResolverFactory parameters, HandlerDefinition handlers,
                                           Environment environment) {
        if (!AxonExtensions.isOn(environment, StoreCheckedCachingRepository.NAME)) {
            return EventSourcingRepository.builder(Lead.class).eventStore(eventStore)
                    .parameterResolverFactory(parameters).handlerDefinition(handlers).build();
        }
        Cache cache = size == 0 ? NoCache.INSTANCE : new BoundedCache(size);
        return StoreCheckedCachingRepository.of(Lead.class, cache, eventStore, parameters, handlers);
    }

    /**
     * The command gateway, sending a command again when its write lost a race ({@link LostWriteRetry}), at most
     * {@code leads.conflict-attempts} times in all.
     */
    @Bean
    public CommandGateway commandGateway(CommandBus commandBus,
                                         @Value("${leads.conflict-attempts:" + LostWriteRetry.ATTEMPTS + "}") int attempts) {
        return DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(new LostWriteRetry(attempts))
                .build();
    }

    /** The saga tables that Flyway creates ({@code db/command}), in snake_case. */
    @Bean
    public SagaSqlSchema sagaSqlSchema() {
        return new PostgresSagaSqlSchema(SagaSchema.builder()
                .sagaEntryTable("saga_entry")
                .revisionColumn("revision")
                .serializedSagaColumn("serialized_saga")
                .sagaTypeColumn("saga_type")
                .sagaIdColumn("saga_id")
                .associationValueEntryTable("association_value_entry")
                .associationKeyColumn("association_key")
                .associationValueColumn("association_value")
                .build());
    }

    /**
     * Failures must not be logged and swallowed (Axon's default): in the lookup tables' subscribing group the
     * command fails with them; in the saga's and the rule publisher's groups the batch rolls back and the event
     * is retried.
     */
    @Bean
    public ConfigurerModule propagateHandlerFailures() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(CommandLookups.PROCESSING_GROUP,
                        config -> PropagatingErrorHandler.instance())
                .registerListenerInvocationErrorHandler(QualificationSaga.PROCESSING_GROUP,
                        config -> PropagatingErrorHandler.instance())
                .registerListenerInvocationErrorHandler(RulePublisher.PROCESSING_GROUP,
                        config -> PropagatingErrorHandler.instance());
    }
}
