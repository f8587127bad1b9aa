package dev.leadqualification.query.publishing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadqualification.query.QuerySideTest;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without {@code leads.publisher.enabled} (the default): no publisher processor, no connection to a broker ever
 * opened, nothing about it in health, and {@code GET /api/admin/publisher} says so.
 */
class PublisherOffTest extends QuerySideTest {

    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private CachingConnectionFactory connectionFactory;

    @Test
    void noProcessorNoConnectionAndNothingInHealth() {
        assertThat(processing.eventProcessor(EventPublisher.PROCESSOR)).isEmpty();
        assertThat(connectionFactory.getCacheProperties().getProperty("localPort")).as("no connection opened")
                .isEqualTo("0");
        JsonNode health = get(ADMIN, "/actuator/health").getBody();
        assertThat(health.path("status").asText()).as("%s", health).isEqualTo("UP");
        assertThat(health.path("components").has("publisher")).as("%s", health).isFalse();
        assertThat(health.path("components").has("rabbit")).as("%s", health).isFalse();
    }

    @Test
    void theStatusSaysThePublisherIsOff() {
        ResponseEntity<JsonNode> answer = get(ADMIN, "/api/admin/publisher");

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        JsonNode status = answer.getBody();
        assertThat(status.path("enabled").asBoolean()).as("%s", status).isFalse();
        assertThat(status.path("position").asLong()).as("%s", status).isZero();
        assertThat(status.path("lag").asLong()).as("%s", status).isEqualTo(status.path("headPosition").asLong());
        assertThat(status.has("lastError")).as("%s", status).isFalse();
        assertThat(get(SALES, "/api/admin/publisher").getStatusCode().value()).isEqualTo(403);
    }
}
