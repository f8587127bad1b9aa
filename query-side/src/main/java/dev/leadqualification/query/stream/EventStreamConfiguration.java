package dev.leadqualification.query.stream;

import dev.leadqualification.platform.eventstore.EventStoreConfiguration;
import dev.leadqualification.platform.notifications.DatabaseNotifications;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/**
 * The event stream of {@code GET /api/events}: one shared tail reader over the event store table. Its reader of the
 * store and its converter are beans of their own, so that the broker publisher sends the same CloudEvents.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventStreamProperties.class)
class EventStreamConfiguration {

    @Bean
    StoredEvents storedEvents(DataSource dataSource) {
        return new StoredEvents(dataSource);
    }

    /** Spring's ObjectMapper reads payloads as trees (decimals keep their digits). */
    @Bean
    CloudEventWriter cloudEventWriter(ObjectMapper objectMapper) {
        return new CloudEventWriter(objectMapper);
    }

    @Bean
    EventStream eventStream(StoredEvents storedEvents, CloudEventWriter cloudEventWriter,
                            EventStreamProperties properties, DatabaseNotifications notifications) {
        EventStream stream = new EventStream(storedEvents, cloudEventWriter, properties);
        notifications.listen(EventStoreConfiguration.NEW_EVENTS_CHANNEL, payload -> stream.wake());
        return stream;
    }
}
