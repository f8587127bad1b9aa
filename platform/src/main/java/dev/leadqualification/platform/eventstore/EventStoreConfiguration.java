package dev.leadqualification.platform.eventstore;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Axon's JDBC event store on PostgreSQL with the snake_case tables that Flyway creates
 * ({@code db/eventstore}), instead of letting Axon create camelCase tables of its own.
 */
@AutoConfiguration(before = JdbcAutoConfiguration.class)
public class EventStoreConfiguration {

    @Bean
    public EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    public TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    /**
     * PostgreSQL reports a second event at the same (aggregate, sequence number) as SQL state 23505 (unique
     * violation), which Axon's default JDBC resolver does not recognise (it only knows
     * {@code SQLIntegrityConstraintViolationException}): so that the write that lost a race becomes a
     * {@code ConcurrencyException} (or {@code AggregateStreamCreationException} for a create) instead of an
     * {@code EventStoreException}.
     */
    @Bean
    public PersistenceExceptionResolver uniqueViolationResolver() {
        return new SQLStateResolver("23505");
    }

    /**
     * Every message created while handling another one (events from a command, commands from a saga)
     * inherits the acting user and the correlation id of the request that started the chain.
     */
    @Bean
    public CorrelationDataProvider actorAndCorrelationProvider() {
        return new SimpleCorrelationDataProvider(MetadataKeys.ACTOR, MetadataKeys.CORRELATION_ID);
    }
}
