package dev.leadqualification.query.stream;

import dev.leadqualification.platform.eventstore.EventStoreConfiguration;
import dev.leadqualification.platform.notifications.DatabaseNotifications;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/** The event stream of {@code GET /api/events}: one shared tail reader over the event store table. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventStreamProperties.class)
class EventStreamConfiguration {

    /** Spring's ObjectMapper reads payloads as trees (decimals keep their digits). */
    @Bean
    EventStream eventStream(DataSource dataSource, ObjectMapper objectMapper, EventStreamProperties properties,
                            DatabaseNotifications notifications) {
        EventStream stream = new EventStream(new StoredEvents(dataSource), new CloudEventWriter(objectMapper),
                properties);
        notifications.listen(EventStoreConfiguration.NEW_EVENTS_CHANNEL, payload -> stream.wake());
        return stream;
    }
}
