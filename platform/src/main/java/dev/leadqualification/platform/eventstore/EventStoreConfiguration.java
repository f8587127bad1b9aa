package dev.leadqualification.platform.eventstore;

import dev.leadqualification.platform.fence.AxonExtensions;
import dev.leadqualification.platform.notifications.DatabaseNotifications;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import javax.sql.DataSource;
import java.util.concurrent.TimeUnit;

/**
 * Axon's JDBC event store on PostgreSQL with the snake_case tables that Flyway creates
 * ({@code db/eventstore}), instead of letting Axon create camelCase tables of its own; read as often as
 * {@link EventStoreProperties} says, and with {@link EventArrivals} to wake the pooled processors when events arrive.
 */
@AutoConfiguration(before = JdbcAutoConfiguration.class)
@EnableConfigurationProperties(EventStoreProperties.class)
public class EventStoreConfiguration {

    /** The channel that the event store's trigger notifies when a transaction that appended events commits. */
    public static final String NEW_EVENTS_CHANNEL = "domain_events";

    /**
     * The event store, woken by a database notification the moment another process (the other service, another
     * instance) commits events ({@code db/eventstore} V2's trigger), and otherwise looking for them only every
     * {@code leads.event-store.fetch-delay}, in case a notification was lost. Defining it means defining the storage
     * engine too (Axon's JDBC one steps back for any EventBus); it is built as Axon's auto-configuration builds it.
     * With {@code leads.axon-extensions.event-store-notifications.enabled=false} it is Axon's own, which only polls.
     */
    @Bean
    public EmbeddedEventStore eventStore(EventStorageEngine storageEngine, EventStoreProperties properties,
                                         org.axonframework.config.Configuration configuration,
                                         DatabaseNotifications notifications, Environment environment) {
        EmbeddedEventStore.Builder builder = EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .fetchDelay(properties.fetchDelay().toMillis())
                .timeUnit(TimeUnit.MILLISECONDS)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class));
        if (!AxonExtensions.isOn(environment, NotifiedEventStore.NAME)) {
            return builder.build();
        }
        NotifiedEventStore eventStore = new NotifiedEventStore(builder);
        notifications.listen(NEW_EVENTS_CHANNEL, payload -> eventStore.wake());
        return eventStore;
    }

    /** Every instance's connections to the database hear here when another one has committed events. */
    @Bean
    public DatabaseNotifications databaseNotifications(DataSource dataSource) {
        return new DatabaseNotifications(dataSource);
    }

    @Bean
    public EventArrivals eventArrivals(EventStore eventStore) {
        return new EventArrivals(eventStore);
    }

    /** Named by the pooled processors' {@code source} setting in each service's configuration. */
    @Bean
    public ArrivalSignallingEventSource arrivalSignallingEventSource(EventStore eventStore, EventArrivals arrivals) {
        return new ArrivalSignallingEventSource(eventStore, arrivals);
    }

    @Bean
    public EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 org.axonframework.config.Configuration configuration,
                                                 ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager,
                                                 EventSchema eventSchema, EventStoreProperties properties,
                                                 Environment environment) {
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .batchSize(properties.readBatchSize());
        return AxonExtensions.isOn(environment, SnapshotFreeJdbcEventStorageEngine.NAME)
                ? new SnapshotFreeJdbcEventStorageEngine(builder) : builder.build();
    }

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
