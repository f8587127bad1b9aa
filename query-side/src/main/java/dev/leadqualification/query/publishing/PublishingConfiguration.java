package dev.leadqualification.query.publishing;

import dev.leadqualification.query.admin.ProjectionPositions;
import dev.leadqualification.query.stream.CloudEventWriter;
import dev.leadqualification.query.stream.StoredEvents;
import org.axonframework.config.ConfigurerModule;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The publisher's status (always, so that {@code GET /api/admin/publisher} says whether it is on) and, with
 * {@code leads.publisher.enabled}, the publisher itself. Spring Boot's RabbitMQ auto-configuration opens its connection
 * lazily, at the first send: without the publisher nothing sends, so no connection is ever attempted (and its health
 * indicator is off, {@code application.yml}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PublisherProperties.class)
class PublishingConfiguration {

    @Bean
    PublishingErrors publishingErrors() {
        return new PublishingErrors();
    }

    @Bean
    PublisherProgress publisherProgress(PublisherProperties properties, ProjectionPositions positions,
                                        PublishingErrors errors) {
        return new PublisherProgress(properties, positions, errors);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "leads.publisher.enabled", havingValue = "true")
    static class Enabled {

        /** Declared by Spring AMQP's admin whenever a connection opens: durable, kept when unused. */
        @Bean
        TopicExchange eventsExchange() {
            return new TopicExchange(EventPublisher.EXCHANGE, true, false);
        }

        @Bean
        EventPublisher eventPublisher(StoredEvents storedEvents, CloudEventWriter writer, RabbitTemplate rabbit,
                                      PublisherProperties properties, PublishingErrors errors) {
            return new EventPublisher(storedEvents, writer, new ConfirmedSends(rabbit, properties.confirmTimeout(), errors));
        }

        /**
         * The publisher is a processor of its own: every other processing group of the query side goes to the
         * read models' processor ({@code ProjectionConfiguration}).
         */
        @Bean
        ConfigurerModule publisherProcessor() {
            return configurer -> configurer.eventProcessing(processing ->
                    processing.assignProcessingGroup(EventPublisher.PROCESSOR, EventPublisher.PROCESSOR));
        }

        @Bean
        PublisherHealthIndicator publisherHealthIndicator(PublisherProgress progress) {
            return new PublisherHealthIndicator(progress);
        }
    }
}
