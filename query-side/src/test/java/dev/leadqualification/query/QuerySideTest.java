package dev.leadqualification.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadqualification.platform.eventstore.MetadataKeys;
import dev.leadqualification.platform.testing.FreshDatabase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.assertj.core.api.ThrowingConsumer;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The query side running on a fresh PostgreSQL database (one per test run, shared by every test class through
 * Spring's context cache). Tests append events to the event store as the command side would, then read the
 * projections over HTTP; every record id is random, so tests never see each other's records.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "leads.security.users[0].username=" + QuerySideTest.SALES,
        "leads.security.users[0].password={noop}" + QuerySideTest.PASSWORD,
        "leads.security.users[0].roles=SALES",
        "leads.security.users[1].username=" + QuerySideTest.ADMIN,
        "leads.security.users[1].password={noop}" + QuerySideTest.PASSWORD,
        "leads.security.users[1].roles=ADMIN",
        "leads.security.users[2].username=" + QuerySideTest.AUDITOR,
        "leads.security.users[2].password={noop}" + QuerySideTest.PASSWORD,
        "leads.security.users[2].roles=AUDITOR"})
public abstract class QuerySideTest {

    protected static final String SALES = "sally";
    protected static final String ADMIN = "adam";
    protected static final String AUDITOR = "audrey";
    protected static final String PASSWORD = "test-secret";

    private static final FreshDatabase DATABASE = FreshDatabase.create("query_side");
    /** Event times: one second apart, in the order the events are appended. */
    private static final AtomicLong CLOCK = new AtomicLong(Instant.parse("2025-03-01T09:00:00Z").getEpochSecond());

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DATABASE.useAsDataSource(registry);
    }

    @Autowired
    protected TestRestTemplate rest;
    @Autowired
    private EventStore eventStore;

    private final Map<String, Long> nextSequence = new HashMap<>();

    protected static String newId() {
        return UUID.randomUUID().toString();
    }

    /** Appends the aggregate's next event, acted by the sales user; answers the stored message. */
    protected DomainEventMessage<?> append(String aggregateType, String aggregateId, Object payload) {
        long sequence = nextSequence.merge(aggregateId, 1L, Long::sum) - 1;
        DomainEventMessage<?> event = new GenericDomainEventMessage<>(aggregateType, aggregateId, sequence, payload,
                Map.of(MetadataKeys.ACTOR, SALES, MetadataKeys.CORRELATION_ID, newId()), newId(),
                Instant.ofEpochSecond(CLOCK.getAndIncrement()));
        eventStore.publish(event);
        return event;
    }

    protected ResponseEntity<JsonNode> get(String user, String path) {
        return rest.withBasicAuth(user, PASSWORD).getForEntity(path, JsonNode.class);
    }

    /** Reads {@code path} as the sales user until it answers 200 with JSON that passes the assertions. */
    protected JsonNode eventually(String path, ThrowingConsumer<JsonNode> assertions) {
        AtomicReference<JsonNode> body = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            ResponseEntity<JsonNode> answer = get(SALES, path);
            assertThat(answer.getStatusCode().value()).as("status of GET %s", path).isEqualTo(200);
            assertions.accept(answer.getBody());
            body.set(answer.getBody());
        });
        return body.get();
    }
}
