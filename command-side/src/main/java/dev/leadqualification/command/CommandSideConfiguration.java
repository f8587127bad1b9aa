package dev.leadqualification.command;

import dev.leadqualification.command.caching.RecentlyUsedCache;
import dev.leadqualification.command.conflicts.LostWriteRetry;
import dev.leadqualification.command.duplicates.RulePublisher;
import dev.leadqualification.command.lookup.CommandLookups;
import dev.leadqualification.command.qualification.QualificationSaga;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon on the command side: the command gateway, the saga store's tables, how event handler failures are treated,
 * and the leads kept in memory between commands.
 */
@Configuration
public class CommandSideConfiguration {

    /** The bean name of the leads' cache, as {@code @Aggregate(cache = ...)} on the lead names it. */
    public static final String LEAD_CACHE = "leadCache";

    /**
     * The {@code leads.lead-cache-size} leads used most recently (0: none), kept between commands: a qualification
     * loads its lead for the qualify and again, in the saga, to complete it, and each load otherwise reads the lead's
     * events (and searches every event its transaction has staged so far).
     * <p>
     * Safe with several instances: a lead another instance changed since is stale here, and the command deciding on
     * it loses at the event store's unique key (aggregate, sequence); the rollback drops the lead from the cache and
     * the command is sent again ({@link LostWriteRetry}) or its batch retried (saga), reading the lead from the store.
     */
    @Bean(LEAD_CACHE)
    public Cache leadCache(@Value("${leads.lead-cache-size:10000}") int size) {
        return size == 0 ? NoCache.INSTANCE : new RecentlyUsedCache(size);
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
