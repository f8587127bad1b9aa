package dev.leadqualification.command;

import dev.leadqualification.command.duplicates.RulePublisher;
import dev.leadqualification.command.lookup.CommandLookups;
import dev.leadqualification.command.qualification.QualificationSaga;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Axon on the command side: the saga store's tables and how event handler failures are treated. */
@Configuration
public class CommandSideConfiguration {

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
