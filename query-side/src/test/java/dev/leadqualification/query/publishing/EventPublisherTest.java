package dev.leadqualification.query.publishing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadqualification.kernel.account.AccountCreated;
import dev.leadqualification.kernel.account.AccountDetails;
import dev.leadqualification.kernel.lead.LeadCreated;
import dev.leadqualification.kernel.lead.QualificationDetailsUpdated;
import dev.leadqualification.platform.eventstore.MetadataKeys;
import dev.leadqualification.platform.testing.BoundQueue;
import dev.leadqualification.platform.testing.BoundQueue.Received;
import dev.leadqualification.platform.testing.FreshDatabase;
import dev.leadqualification.platform.testing.FreshVirtualHost;
import dev.leadqualification.query.SampleData;
import dev.leadqualification.query.readmodel.ProjectionConfiguration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The broker publisher on a query side of its own (its own database and RabbitMQ virtual host): every event reaches a
 * queue bound to the exchange with its CloudEvent, routing key and headers, a record's events in order; a replay of
 * the read models publishes nothing again; an event that cannot be written is parked for the publisher alone, which
 * goes on, and is published when retried after its repair.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "leads.publisher.enabled=true",
        "leads.security.users[0].username=" + EventPublisherTest.ADMIN,
        "leads.security.users[0].password={noop}" + EventPublisherTest.PASSWORD,
        "leads.security.users[0].roles=ADMIN"})
class EventPublisherTest {

    static final String ADMIN = "adam";
    static final String PASSWORD = "test-secret";
    private static final FreshDatabase DATABASE = FreshDatabase.create("publisher");
    private static final FreshVirtualHost BROKER = FreshVirtualHost.create("publisher");
    private static final Duration PUBLISHED = Duration.ofSeconds(30);
    /** A failing event is parked only after its batch was rolled back once and retried (Axon's 1 s pause). */
    private static final Duration PARKED = Duration.ofSeconds(60);

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        DATABASE.useAsDataSource(registry);
        BROKER.useAsBroker(registry);
    }

    @Autowired
    private TestRestTemplate rest;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private ObjectMapper objectMapper;
    private BoundQueue queue;

    @BeforeEach
    void bindAQueue() {
        queue = BoundQueue.on(BROKER, EventPublisher.EXCHANGE, "#");
    }

    @AfterEach
    void closeTheQueue() {
        queue.close();
    }

    @Test
    void everyEventIsPublishedAsItsCloudEventWithRoutingKeyAndHeadersARecordsEventsInOrder() throws Exception {
        String leadId = newId();
        String accountId = newId();
        String created = append("Lead", leadId, 0, new LeadCreated(leadId, SampleData.lead("Ana", "Lopez", "Contoso", "ana@contoso.com"), "sam"));
        String account = append("Account", accountId, 0, new AccountCreated(accountId,
                new AccountDetails("Contoso", null, null, null, null), leadId, "sam"));
        String detailed = append("Lead", leadId, 1, new QualificationDetailsUpdated(leadId, SampleData.qualificationDetails()));

        List<Received> received = awaitPublished(created, account, detailed);

        List<Received> lead = received.stream().filter(message -> message.routingKey().startsWith("lead.")).toList();
        assertThat(lead).extracting(Received::messageId).containsExactly(created, detailed);
        assertThat(lead).extracting(Received::routingKey)
                .containsExactly("lead.LeadCreated", "lead.QualificationDetailsUpdated");
        Received accountMessage = only(received, account);
        assertThat(accountMessage.routingKey()).isEqualTo("account.AccountCreated");
        for (Received message : List.of(lead.get(0), lead.get(1), accountMessage)) {
            JsonNode event = objectMapper.readTree(message.body());
            Map<String, Object> stored = jdbc.queryForMap("SELECT global_index, sequence_number FROM domain_event_entry"
                    + " WHERE event_identifier = ?", message.messageId());
            assertThat(message.properties().getContentType()).isEqualTo("application/cloudevents+json");
            assertThat(message.properties().getDeliveryMode()).as("persistent").isEqualTo(2);
            assertThat(message.header("position")).isEqualTo(((Number) stored.get("global_index")).longValue());
            assertThat(message.header("sequence")).isEqualTo(((Number) stored.get("sequence_number")).longValue());
            assertThat(event.path("id").asText()).isEqualTo(message.messageId());
            assertThat(event.path("position").asLong()).isEqualTo(message.header("position"));
            assertThat(event.path("sequence").asLong()).isEqualTo(message.header("sequence"));
            assertThat(event.path("actor").asText()).isEqualTo(ADMIN);
        }
        assertThat(objectMapper.readTree(lead.get(1).body()).path("data").path("details").path("budgetStatus").asText())
                .isEqualTo("CAN_BUY");
    }

    @Test
    void aReplayOfTheReadModelsPublishesNothingAgainAndNeverResetsThePublisher() {
        String leadId = newId();
        String before = append("Lead", leadId, 0, new LeadCreated(leadId, SampleData.lead("Bo", "Berg", "Fabrikam", "bo@fabrikam.com"), "sam"));
        awaitPublished(before);
        long publishedBefore = status().path("position").asLong();
        StreamingEventProcessor publisher = processing.eventProcessor(EventPublisher.PROCESSOR,
                StreamingEventProcessor.class).orElseThrow();
        assertThat(publisher.supportsReset()).isFalse();

        ResponseEntity<JsonNode> replay = rest.withBasicAuth(ADMIN, PASSWORD)
                .postForEntity("/api/admin/projections/replay", null, JsonNode.class);
        assertThat(replay.getStatusCode().value()).isEqualTo(202);
        await().atMost(PUBLISHED).untilAsserted(() -> {
            JsonNode readModels = projection(ProjectionConfiguration.PROCESSOR);
            assertThat(readModels.path("lag").asLong()).as("%s", readModels).isZero();
        });
        assertThat(status().path("position").asLong()).isGreaterThanOrEqualTo(publishedBefore);
        String after = append("Lead", leadId, 1, new QualificationDetailsUpdated(leadId, SampleData.qualificationDetails()));
        List<Received> received = awaitPublished(after);

        assertThat(received).extracting(Received::messageId).containsExactly(before, after);
    }

    @Test
    void anEventThatCannotBeWrittenIsParkedForThePublisherWhichGoesOnUntilItIsRetried() {
        String leadId = newId();
        String created = append("Lead", leadId, 0, new LeadCreated(leadId, SampleData.lead("Cy", "Chen", "Litware", "cy@litware.com"), "sam"));
        awaitPublished(created);

        String broken = storeCopyWithUnreadablePayload(created, 1);
        String behind = append("Lead", leadId, 2, new QualificationDetailsUpdated(leadId, SampleData.qualificationDetails()));
        JsonNode parked = await().atMost(PARKED).until(() -> parkedOfThePublisher(leadId), letters -> letters.size() == 2)
                .get(0);
        assertThat(parked.path("eventIdentifier").asText()).isEqualTo(broken);
        assertThat(parked.path("cause").path("type").asText()).isEqualTo(UnpublishableEvent.class.getName());
        assertThat(parked.path("cause").path("message").asText())
                .contains(broken, "cannot be written as a CloudEvent", "not stored as JSON");
        String otherLead = newId();
        String other = append("Lead", otherLead, 0, new LeadCreated(otherLead, SampleData.lead("Di", "Diaz", "Tailspin", "di@tailspin.com"), "sam"));
        awaitPublished(other);
        assertThat(queue.received()).extracting(Received::messageId).doesNotContain(broken, behind);

        jdbc.update("UPDATE domain_event_entry SET payload = (SELECT payload FROM domain_event_entry"
                + " WHERE event_identifier = ?) WHERE event_identifier = ?", created, broken);
        ResponseEntity<JsonNode> retried = rest.withBasicAuth(ADMIN, PASSWORD)
                .postForEntity("/api/admin/dead-letters/" + EventPublisher.PROCESSOR + "/retry", null, JsonNode.class);

        assertThat(retried.getBody()).as("%s", retried).isEqualTo(objectMapper.createObjectNode()
                .put("retried", 2).put("stillFailing", 0));
        List<Received> received = awaitPublished(broken, behind);
        assertThat(received.stream().map(Received::messageId).filter(List.of(created, broken, behind)::contains))
                .containsExactly(created, broken, behind);
    }

    @Test
    void theStatusShowsThePublishedPositionAgainstTheHead() {
        String leadId = newId();
        awaitPublished(append("Lead", leadId, 0, new LeadCreated(leadId, SampleData.lead("Ed", "Eng", "Adatum", "ed@adatum.com"), "sam")));

        await().atMost(PUBLISHED).untilAsserted(() -> {
            JsonNode status = status();
            Long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
            assertThat(status.path("enabled").asBoolean()).as("%s", status).isTrue();
            assertThat(status.path("headPosition").asLong()).as("%s", status).isEqualTo(head);
            assertThat(status.path("position").asLong()).as("%s", status).isEqualTo(head);
            assertThat(status.path("lag").asLong()).as("%s", status).isZero();
        });
        JsonNode health = rest.withBasicAuth(ADMIN, PASSWORD).getForObject("/actuator/health", JsonNode.class);
        assertThat(health.path("status").asText()).as("%s", health).isEqualTo("UP");
        assertThat(health.path("components").path("publisher").path("status").asText()).as("%s", health)
                .isEqualTo("UP");
        assertThat(health.path("components").path("publisher").path("details").path("lag").isNumber())
                .as("%s", health).isTrue();
    }

    private List<Received> awaitPublished(String... eventIds) {
        return queue.await(received -> received.stream().map(Received::messageId).toList()
                .containsAll(List.of(eventIds)), PUBLISHED);
    }

    private static Received only(List<Received> received, String eventId) {
        List<Received> matching = received.stream().filter(message -> message.messageId().equals(eventId)).toList();
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }

    private String append(String aggregateType, String aggregateId, long sequence, Object payload) {
        String eventId = newId();
        eventStore.publish(new GenericDomainEventMessage<>(aggregateType, aggregateId, sequence, payload,
                Map.of(MetadataKeys.ACTOR, ADMIN, MetadataKeys.CORRELATION_ID, newId()), eventId, Instant.now()));
        return eventId;
    }

    /** A copy of a stored event as the aggregate's event {@code sequence}, with a payload that is not JSON. */
    private String storeCopyWithUnreadablePayload(String eventId, long sequence) {
        String copy = newId();
        jdbc.update("""
                INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                                                time_stamp, payload_type, payload_revision, payload, meta_data)
                SELECT ?, aggregate_identifier, ?, type, time_stamp, payload_type, payload_revision,
                       convert_to('not json', 'UTF8'), meta_data
                FROM domain_event_entry WHERE event_identifier = ?""", copy, sequence, eventId);
        return copy;
    }

    private List<JsonNode> parkedOfThePublisher(String leadId) {
        JsonNode letters = rest.withBasicAuth(ADMIN, PASSWORD).getForObject("/api/admin/dead-letters", JsonNode.class);
        return StreamSupport.stream(letters.spliterator(), false)
                .filter(letter -> letter.path("processingGroup").asText().equals(EventPublisher.PROCESSOR))
                .filter(letter -> letter.path("sequenceIdentifier").asText().equals(leadId))
                .toList();
    }

    private JsonNode status() {
        return rest.withBasicAuth(ADMIN, PASSWORD).getForObject("/api/admin/publisher", JsonNode.class);
    }

    private JsonNode projection(String name) {
        JsonNode all = rest.withBasicAuth(ADMIN, PASSWORD).getForObject("/api/admin/projections", JsonNode.class);
        for (JsonNode projection : all) {
            if (projection.path("name").asText().equals(name)) {
                return projection;
            }
        }
        throw new AssertionError("No processor " + name + " in " + all);
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
