package dev.leadqualification.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadqualification.acceptance.support.Api;
import dev.leadqualification.acceptance.support.EventStoreTable;
import dev.leadqualification.acceptance.support.Json;
import dev.leadqualification.acceptance.support.Leads;
import dev.leadqualification.acceptance.support.Reply;
import dev.leadqualification.acceptance.support.RunningServices;
import dev.leadqualification.acceptance.support.Sales;
import dev.leadqualification.acceptance.support.ServerSentEvents;
import dev.leadqualification.acceptance.support.TcpProxy;
import dev.leadqualification.platform.testing.BoundQueue;
import dev.leadqualification.platform.testing.BoundQueue.Received;
import dev.leadqualification.platform.testing.FreshVirtualHost;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.leadqualification.acceptance.support.Json.object;
import static dev.leadqualification.acceptance.support.User.ADA;
import static dev.leadqualification.acceptance.support.User.AUDREY;
import static dev.leadqualification.acceptance.support.User.SAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Subscribers through RabbitMQ (API.md, "Event subscribers through RabbitMQ"): a queue bound to the exchange gets
 * every event, at least once, each record's events in order, each message byte-identical to the event's
 * {@code /api/events} data; a crash of the publishing query side, the broker out of reach and a replay of the read
 * models lose nothing and (the replay) repeat nothing; two query-side instances publish each event once. Runs its own
 * services on a virtual host of its own, reaching RabbitMQ through a proxy that takes it away and gives it back; every
 * test binds its own queues.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EventSubscribersIT {

    private static final String EXCHANGE = "lead-qualification.events";
    /** Publishing catches up: the broker's return, Axon's retry pause (up to 60 s), a restart's claim timeout. */
    private static final Duration CAUGHT_UP = Duration.ofMinutes(3);
    private static final int IMPORTED_ACCOUNTS = 3_000;

    private final FreshVirtualHost broker = FreshVirtualHost.create("subscribers");
    private final TcpProxy proxy = TcpProxy.inFrontOf(FreshVirtualHost.HOST, FreshVirtualHost.PORT);
    private final RunningServices services = RunningServices.prepareOwn("subscribers");
    private final Api api = Api.on(services);
    private final Sales sales = new Sales(api);
    private final EventStoreTable events = new EventStoreTable(services.database());
    private final List<BoundQueue> queues = new ArrayList<>();

    @BeforeAll
    void startServicesThatPublish() {
        broker.environment().forEach(services::withEnvironment);
        services.withEnvironment("SPRING_RABBITMQ_PORT", Integer.toString(proxy.port()))
                .withEnvironment("LEADS_PUBLISHER_ENABLED", "true")
                .start();
    }

    @AfterEach
    void closeQueues() {
        queues.forEach(BoundQueue::close);
        queues.clear();
    }

    @AfterAll
    void stopServices() {
        services.close();
        events.close();
        proxy.close();
    }

    @Test
    @Order(1)
    void aQueueGetsEveryEventOfAQualificationInOrderPerRecordAsTheEventStreamSendsIt() {
        long start = events.lastGlobalIndex();
        BoundQueue everything = bind("#");
        BoundQueue opportunities = bind("opportunity.*");
        BoundQueue qualifications = bind("*.LeadQualified");

        String leadId = sales.createLead(Leads.complete());
        sales.addNote(leadId, object("title", "Call", "text", "Wants 40 vans in May."));
        JsonNode qualified = sales.qualify(leadId, Leads.allRecords());
        api.awaitLead(leadId, Leads.qualificationCompleted());

        List<EventStoreTable.StoredEvent> stored = events.eventsAfter(start);
        long last = stored.get(stored.size() - 1).globalIndex();
        List<ServerSentEvents.Event> streamed;
        try (ServerSentEvents stream = ServerSentEvents.open(services, AUDREY, "/api/events?after=" + start, Map.of())) {
            streamed = stream.until(event -> event.position() == last, CAUGHT_UP);
        }
        List<Received> received = awaitPositions(everything, positions(stored));

        Map<Long, Received> byPosition = firstOfEachPosition(received);
        for (ServerSentEvents.Event event : streamed) {
            Received message = byPosition.get(event.position());
            JsonNode cloudEvent = event.cloudEvent();
            assertThat(message.text()).as("the message of %s", event).isEqualTo(event.data());
            assertThat(message.messageId()).isEqualTo(cloudEvent.path("id").asText());
            assertThat(message.routingKey()).isEqualTo(recordType(cloudEvent) + "." + event.name());
            assertThat(message.header("sequence")).isEqualTo(cloudEvent.path("sequence").asLong());
            assertThat(message.properties().getContentType()).isEqualTo("application/cloudevents+json");
            assertThat(message.properties().getDeliveryMode()).isEqualTo(2);
        }
        assertInOrderPerRecord(received);
        assertThat(received.stream().map(Received::routingKey).collect(Collectors.toSet())).contains(
                "lead.LeadCreated", "lead.NoteAdded", "lead.LeadQualified", "account.AccountCreated",
                "contact.ContactCreated", "opportunity.OpportunityCreated", "opportunity.NoteTransferred");

        String opportunityId = qualified.path("opportunityId").asText();
        List<Received> ofOpportunities = awaitPositions(opportunities, positions(events.eventsOf(opportunityId)));
        assertThat(ofOpportunities).allSatisfy(message -> assertThat(message.routingKey()).startsWith("opportunity."));
        List<Received> ofQualifications = awaitPositions(qualifications,
                positions(events.eventsWhere("LeadQualified", "leadId", leadId)));
        assertThat(ofQualifications).extracting(Received::routingKey).containsOnly("lead.LeadQualified");
    }

    @Test
    @Order(2)
    void aReplayOfTheReadModelsPublishesNothingAgain() {
        sales.createLead(Leads.complete());
        publishedSoFar();
        BoundQueue queue = bind("#");

        Reply replay = api.as(ADA).send(Api.Side.QUERY, "POST", "/api/admin/projections/replay", null, null);
        assertThat(replay.status()).as("%s", replay).isEqualTo(202);
        await().atMost(CAUGHT_UP).until(() -> readModels().path("lag").asLong() == 0
                && !readModels().path("replaying").asBoolean());
        String marker = sales.createLead(Leads.complete());

        List<Received> received = awaitPositions(queue, positions(events.eventsOf(marker)));
        assertThat(received).extracting(message -> message.header("position"))
                .as("only the event after the replay").containsExactlyElementsOf(positions(events.eventsOf(marker)));
    }

    @Test
    @Order(3)
    void withTheBrokerOutOfReachQualificationsAndReadModelsGoOnAndNothingIsMissingOnceItIsBack() {
        long start = publishedSoFar();
        BoundQueue queue = bind("#");

        proxy.cut();
        try {
            // the read models are not held up: each qualification shows completed within the usual bound
            qualifiedInBulk(20);

            JsonNode status = await().atMost(CAUGHT_UP).until(this::publisher,
                    publisher -> publisher.has("lastError") && publisher.path("lag").asLong() > 0);
            assertThat(status.path("enabled").asBoolean()).as("%s", status).isTrue();
            assertThat(status.path("headPosition").asLong()).as("%s", status).isEqualTo(events.lastGlobalIndex());
            assertThat(status.path("lag").asLong()).as("%s", status)
                    .isEqualTo(status.path("headPosition").asLong() - status.path("position").asLong());
            JsonNode health = api.as(ADA).query("/actuator/health").json();
            assertThat(health.path("status").asText()).as("%s", health).isEqualTo("UP");
            assertThat(health.path("components").path("publisher").path("status").asText()).as("%s", health)
                    .isEqualTo("UP");
            assertThat(health.path("components").path("publisher").path("details").path("lastError").asText())
                    .as("%s", health).isNotBlank();
        } finally {
            proxy.restore();
        }

        List<Received> received = awaitPositions(queue, positions(events.eventsAfter(start)));
        assertInOrderPerRecord(received);
        assertDuplicatesIdentical(received);
        JsonNode caughtUp = await().atMost(CAUGHT_UP).until(this::publisher,
                publisher -> publisher.path("lag").asLong() == 0);
        assertThat(caughtUp.has("lastError")).as("%s", caughtUp).isFalse();
    }

    @Test
    @Order(4)
    void aQuerySideKilledWhilePublishingSendsEveryEventAtLeastOnceAfterItsRestart() {
        long start = publishedSoFar();
        BoundQueue queue = bind("#");

        services.killQuerySide();
        importAccounts(IMPORTED_ACCOUNTS);
        List<Long> expected = positions(events.eventsAfter(start));
        assertThat(expected).hasSize(IMPORTED_ACCOUNTS);
        // the restarted instance meets no broker at first, so that it is still publishing when it is killed
        proxy.cut();
        services.startQuerySide();
        proxy.restore();
        await().atMost(CAUGHT_UP).pollInterval(Duration.ofMillis(5))
                .until(() -> queue.received().size() >= IMPORTED_ACCOUNTS / 3);
        services.killQuerySide();
        int beforeTheCrash = queue.received().size();
        services.startQuerySide();

        List<Received> received = awaitPositions(queue, expected);
        assertDuplicatesIdentical(received);
        assertInOrderPerRecord(received);
        System.out.printf("Killed after %d of %d events had arrived; %d messages in all%n", beforeTheCrash,
                expected.size(), received.size());
    }

    @Test
    @Order(5)
    void twoQuerySideInstancesPublishEachEventOnce() {
        String another = services.startAnotherQuerySide();
        long start = publishedSoFar();
        BoundQueue queue = bind("#");

        qualifiedInBulk(10);

        List<Long> expected = positions(events.eventsAfter(start));
        List<Received> received = awaitPositions(queue, expected);
        assertThat(received).extracting(message -> message.header("position"))
                .as("each event once").containsExactlyInAnyOrderElementsOf(expected);
        assertInOrderPerRecord(received);
        assertThat(another).isNotEqualTo(services.querySideUrl());
    }

    private BoundQueue bind(String bindingKey) {
        BoundQueue queue = BoundQueue.on(broker, EXCHANGE, bindingKey);
        queues.add(queue);
        return queue;
    }

    /** The messages, once every one of {@code positions} has arrived (others may have arrived too). */
    private static List<Received> awaitPositions(BoundQueue queue, List<Long> positions) {
        return queue.await(received -> received.stream().map(message -> message.header("position"))
                .collect(Collectors.toSet()).containsAll(positions), CAUGHT_UP);
    }

    /** The store's last position, once the publisher has published up to it: a queue bound now gets what follows. */
    private long publishedSoFar() {
        long last = events.lastGlobalIndex();
        await().atMost(CAUGHT_UP).until(() -> publisher().path("position").asLong() >= last);
        return last;
    }

    /** New leads qualified in one bulk call, once the query side shows each completed (within the usual bound). */
    private void qualifiedInBulk(int leads) {
        List<String> leadIds = new ArrayList<>();
        for (int i = 0; i < leads; i++) {
            leadIds.add(sales.createLead(Leads.complete()));
        }
        ObjectNode bulk = Leads.allRecords();
        bulk.set("leadIds", Json.MAPPER.valueToTree(leadIds));
        Reply reply = api.as(SAM).post("/api/leads/qualify", bulk);
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        leadIds.forEach(leadId -> api.awaitLead(leadId, Leads.qualificationCompleted()));
    }

    private JsonNode publisher() {
        Reply reply = api.as(ADA).query("/api/admin/publisher");
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        return reply.json();
    }

    private JsonNode readModels() {
        for (JsonNode processor : api.as(ADA).query("/api/admin/projections").json()) {
            if (processor.path("name").asText().equals("read-models")) {
                return processor;
            }
        }
        throw new AssertionError("No read-models processor listed");
    }

    private void importAccounts(int count) {
        String token = Leads.token();
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < count; i++) {
            lines.append(object("name", "Imported " + token + " " + i, "suppressDuplicateDetection", true)).append('\n');
        }
        Reply reply = api.as(ADA).send(Api.Side.COMMAND, "POST", "/api/import/accounts", "application/x-ndjson",
                lines.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertThat(reply.json().path("imported").asInt()).as("%s", reply).isEqualTo(count);
    }

    private static List<Long> positions(List<EventStoreTable.StoredEvent> stored) {
        return stored.stream().map(EventStoreTable.StoredEvent::globalIndex).toList();
    }

    private static Map<Long, Received> firstOfEachPosition(List<Received> received) {
        return received.stream().collect(Collectors.toMap(message -> message.header("position"), Function.identity(),
                (first, again) -> first));
    }

    /** {@code source} is {@code /lead-qualification/<record type>}. */
    private static String recordType(JsonNode cloudEvent) {
        String source = cloudEvent.path("source").asText();
        return source.substring(source.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    }

    /** A consumer that drops what it has seen by id sees each record's events in their order. */
    private static void assertInOrderPerRecord(List<Received> received) {
        Map<String, Long> lastSequence = new HashMap<>();
        Set<String> seen = new TreeSet<>();
        for (Received message : received) {
            if (seen.add(message.messageId())) {
                String record = Json.parse(message.body()).path("subject").asText();
                Long before = lastSequence.put(record, message.header("sequence"));
                if (before != null) {
                    assertThat(message.header("sequence")).as("%s after sequence %d of %s", message.routingKey(),
                            before, record).isGreaterThan(before);
                }
            }
        }
    }

    /** A message sent again is the same message. */
    private static void assertDuplicatesIdentical(List<Received> received) {
        Map<String, String> bodies = new HashMap<>();
        for (Received message : received) {
            String first = bodies.putIfAbsent(message.messageId(), message.text());
            if (first != null) {
                assertThat(message.text()).as("the copy of %s", message.messageId()).isEqualTo(first);
            }
        }
    }
}
