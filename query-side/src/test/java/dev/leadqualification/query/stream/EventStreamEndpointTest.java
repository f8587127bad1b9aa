package dev.leadqualification.query.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadqualification.kernel.lead.Attachment;
import dev.leadqualification.kernel.lead.LeadCreated;
import dev.leadqualification.kernel.lead.NoteAdded;
import dev.leadqualification.query.QuerySideTest;
import dev.leadqualification.query.SampleData;
import dev.leadqualification.query.stream.SseClient.Message;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code GET /api/events} over HTTP: the SSE format, resuming, filtering, who may read it. */
class EventStreamEndpointTest extends QuerySideTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String LEAD = "Lead";

    @LocalServerPort
    private int port;
    @Autowired
    private ObjectMapper objectMapper;
    @Autowired
    private EventStream eventStream;

    @Test
    void streamsEveryEventAsACloudEventWithItsPositionAsId() throws Exception {
        String leadId = newId();
        DomainEventMessage<?> created = append(LEAD, leadId, new LeadCreated(leadId,
                SampleData.lead("Zoë", "Łukasiewicz", "Ærø Shipping", "zoe@example.com"), "sam"));
        append(LEAD, leadId, new NoteAdded(leadId, newId(), "Brochure", "Sent",
                new Attachment("brochure.pdf", "application/pdf", new byte[1234])));

        try (SseClient stream = open(AUDITOR, "/api/events", Map.of())) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.header("Content-Type")).startsWith("text/event-stream");
            List<Message> events = stream.eventsUntil(event -> isOf(event, leadId, "NoteAdded"), WAIT);

            assertThat(events).extracting(Message::position).isSorted().doesNotHaveDuplicates();
            Message leadCreated = events.stream().filter(event -> isOf(event, leadId, "LeadCreated")).findFirst().orElseThrow();
            JsonNode cloudEvent = objectMapper.readTree(leadCreated.data());
            assertThat(leadCreated.event()).isEqualTo("LeadCreated");
            assertThat(cloudEvent.path("specversion").asText()).isEqualTo("1.0");
            assertThat(cloudEvent.path("id").asText()).isEqualTo(created.getIdentifier());
            assertThat(cloudEvent.path("source").asText()).isEqualTo("/lead-qualification/Lead");
            assertThat(cloudEvent.path("type").asText()).isEqualTo("dev.leadqualification.LeadCreated");
            assertThat(cloudEvent.path("subject").asText()).isEqualTo(leadId);
            assertThat(OffsetDateTime.parse(cloudEvent.path("time").asText()).toInstant()).isEqualTo(created.getTimestamp());
            assertThat(cloudEvent.path("datacontenttype").asText()).isEqualTo("application/json");
            assertThat(cloudEvent.path("position").asLong()).isEqualTo(leadCreated.position());
            assertThat(cloudEvent.path("actor").asText()).isEqualTo(SALES);
            assertThat(cloudEvent.path("correlationid").asText()).isNotBlank();
            assertThat(cloudEvent.path("revision").asText()).isEqualTo("2");
            JsonNode details = cloudEvent.path("data").path("details");
            assertThat(details.path("firstName").asText()).isEqualTo("Zoë");
            assertThat(details.path("lastName").asText()).isEqualTo("Łukasiewicz");
            assertThat(details.path("estimatedValue").path("amount").decimalValue()).hasToString("1234.50");

            JsonNode note = objectMapper.readTree(events.get(events.size() - 1).data()).path("data");
            assertThat(note.path("attachment").path("fileName").asText()).isEqualTo("brochure.pdf");
            assertThat(note.path("attachment").path("contentSize").asLong()).isEqualTo(1234);
            assertThat(note.path("attachment").has("content")).isFalse();
        }
    }

    @Test
    void resumesAfterLastEventIdOrTheAfterParameterAndThenGoesLive() throws Exception {
        String leadId = newId();
        append(LEAD, leadId, new LeadCreated(leadId, SampleData.lead("Ann", "One", "One Ltd", "ann@one.example"), "sam"));
        append(LEAD, leadId, note(leadId));
        append(LEAD, leadId, note(leadId));
        List<Long> ours;
        try (SseClient stream = open(ADMIN, "/api/events", Map.of())) {
            int[] seen = {0};
            ours = stream.eventsUntil(event -> leadId.equals(subject(event)) && ++seen[0] == 3, WAIT).stream()
                    .filter(event -> leadId.equals(subject(event))).map(Message::position).toList();
        }
        assertThat(ours).hasSize(3);

        try (SseClient byHeader = open(AUDITOR, "/api/events?after=0", Map.of("Last-Event-ID", Long.toString(ours.get(0))));
             SseClient byQuery = open(AUDITOR, "/api/events?after=" + ours.get(1), Map.of())) {
            assertThat(byHeader.nextEvent(WAIT).position()).isEqualTo(ours.get(1));
            assertThat(byHeader.nextEvent(WAIT).position()).isEqualTo(ours.get(2));
            assertThat(byQuery.nextEvent(WAIT).position()).isEqualTo(ours.get(2));

            DomainEventMessage<?> live = append(LEAD, leadId, note(leadId));
            Message next = byHeader.nextEvent(WAIT);
            assertThat(next.position()).isGreaterThan(ours.get(2));
            assertThat(objectMapper.readTree(next.data()).path("id").asText()).isEqualTo(live.getIdentifier());
            assertThat(byQuery.nextEvent(WAIT).position()).isEqualTo(next.position());
        }
    }

    @Test
    void filtersByEventType() throws Exception {
        String leadId = newId();
        append(LEAD, leadId, new LeadCreated(leadId, SampleData.lead("Ann", "Two", "Two Ltd", "ann@two.example"), "sam"));
        append(LEAD, leadId, note(leadId));

        try (SseClient stream = open(AUDITOR, "/api/events?types=NoteAdded,QualificationDetailsUpdated", Map.of())) {
            List<Message> events = stream.eventsUntil(event -> leadId.equals(subject(event)), WAIT);

            assertThat(events).extracting(Message::event).isSubsetOf("NoteAdded", "QualificationDetailsUpdated").contains("NoteAdded");
        }
    }

    @Test
    void aSubscriberThatHangsUpIsRemoved() throws Exception {
        String leadId = newId();
        // streams that earlier tests hung up on are removed at the next write to them, as this one will be
        await().atMost(WAIT).until(() -> {
            append(LEAD, leadId, note(leadId));
            return eventStream.subscriberCount() == 0;
        });
        SseClient stream = open(AUDITOR, "/api/events", Map.of());
        stream.eventsUntil(event -> leadId.equals(subject(event)), WAIT);
        assertThat(eventStream.subscriberCount()).isEqualTo(1);

        stream.close();

        await().atMost(WAIT).until(() -> {
            append(LEAD, leadId, note(leadId));
            return eventStream.subscriberCount() == 0;
        });
    }

    @Test
    void onlyAuditorsAndAdminsMayRead() throws Exception {
        try (SseClient sales = open(SALES, "/api/events", Map.of());
             SseClient anonymous = open(null, "/api/events", Map.of())) {
            assertThat(sales.status()).isEqualTo(403);
            assertThat(objectMapper.readTree(sales.body()).path("type").asText()).endsWith("/forbidden");
            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic");
        }
    }

    @Test
    void refusesAPositionOrTypeThatIsNotOne() throws Exception {
        assertValidation("/api/events?after=yesterday", Map.of(), "after");
        assertValidation("/api/events", Map.of("Last-Event-ID", "-1"), "Last-Event-ID");
        assertValidation("/api/events?types=Lead-Created", Map.of(), "types");
    }

    private void assertValidation(String path, Map<String, String> headers, String field) throws Exception {
        try (SseClient stream = open(AUDITOR, path, headers)) {
            assertThat(stream.status()).as(path).isEqualTo(400);
            assertThat(stream.header("Content-Type")).startsWith("application/problem+json");
            JsonNode problem = objectMapper.readTree(stream.body());
            assertThat(problem.path("type").asText()).endsWith("/validation");
            assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo(field);
        }
    }

    private SseClient open(String user, String path, Map<String, String> headers) throws Exception {
        return SseClient.open("http://127.0.0.1:" + port + path, user, PASSWORD, headers);
    }

    private NoteAdded note(String leadId) {
        return new NoteAdded(leadId, newId(), "Call", "Called back", null);
    }

    private boolean isOf(Message event, String aggregateId, String type) {
        return type.equals(event.event()) && aggregateId.equals(subject(event));
    }

    private String subject(Message event) {
        try {
            return objectMapper.readTree(event.data()).path("subject").asText();
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + event.data(), e);
        }
    }
}
