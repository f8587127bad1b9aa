package dev.leadqualification.query.deadletter;

import dev.leadqualification.query.readmodel.ProjectionWrites;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.springboot.EventProcessorProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The projections' dead-letter queues, one per projection although they share one processor. Axon's Spring Boot
 * support gives every processing group with {@code axon.eventhandling.processors.<group>.dlq.enabled} (all five
 * projections, {@code application.yml}) a {@code JdbcSequencedDeadLetterQueue} with the event serializer
 * (Jackson); this configuration names its table and columns as Flyway creates them
 * ({@code db/query/V3__dead_letters.sql}) and adds what parks an event: the {@link ProjectionFailurePolicy} and the
 * {@link FailingEventIsolation}.
 */
@Configuration
public class DeadLetterConfiguration {

    @Bean
    public DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.builder()
                .deadLetterTable("dead_letter_entry")
                .deadLetterIdentifierColumn("dead_letter_id")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("aggregate_type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }

    /**
     * For every processing group with a dead-letter queue: the enqueue policy; a cache of the aggregates known to
     * have no parked events (so that a healthy event costs no lookup in the queue's table). A replay never resets the
     * processor: the projections' parked events are deleted when a rebuilt generation goes live
     * ({@code query.generation}).
     */
    @Bean
    public ConfigurerModule deadLettering(EventProcessorProperties processors) {
        return configurer -> configurer.eventProcessing(processing -> {
            processing.registerDefaultDeadLetterPolicy(config -> new ProjectionFailurePolicy());
            processors.getProcessors().forEach((group, settings) -> {
                if (settings.getDlq().isEnabled()) {
                    processing.registerDeadLetteringEventHandlerInvokerConfiguration(group, (config, invoker) ->
                            invoker.enableSequenceIdentifierCache());
                }
            });
        });
    }

    /** Picked up by Axon as a handler enhancer for every annotated event handler of this service. */
    @Bean
    public FailingEventIsolation failingEventIsolation(PlatformTransactionManager transactions,
                                                       ProjectionWrites writes) {
        return new FailingEventIsolation(transactions, writes);
    }
}
