package dev.leadqualification.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadqualification.acceptance.support.Api;
import dev.leadqualification.acceptance.support.Leads;
import dev.leadqualification.acceptance.support.Reply;
import dev.leadqualification.acceptance.support.RunningServices;
import dev.leadqualification.acceptance.support.Sales;
import dev.leadqualification.acceptance.support.ServerSentEvents;
import dev.leadqualification.acceptance.support.ServerSentEvents.Event;
import dev.leadqualification.acceptance.support.User;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.leadqualification.acceptance.support.Json.object;
import static dev.leadqualification.acceptance.support.Problems.assertProblem;
import static dev.leadqualification.acceptance.support.User.ADA;
import static dev.leadqualification.acceptance.support.User.AUDREY;
import static dev.leadqualification.acceptance.support.User.SAM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/events}: every event as server-sent events carrying CloudEvents, resumable without gap or
 * repeat while leads are being created, filtered by type, for auditors and admins only.
 */
class EventStreamIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration RESUMING = Duration.ofSeconds(120);
    private static final int CONCURRENT_LEADS = 30;

    private final RunningServices services = RunningServices.shared();
    private final Api api = Api.on(services);
    private final Sales sales = new Sales(api);

    @Test
    void anAuditorReadsEveryEventAsACloudEventWithItsPositionAsId() {
        String leadId = sales.createLead(Leads.complete());
        byte[] brochure = new byte[300];
        sales.addNote(leadId, object("title", "Brochure", "text", "Sent the brochure.", "attachment",
                object("fileName", "brochure.pdf", "mimeType", "application/pdf",
                        "contentBase64", Base64.getEncoder().encodeToString(brochure))));

        List<Event> events;
        try (ServerSentEvents stream = open(AUDREY, "/api/events")) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");
            events = stream.until(event -> isOf(event, "NoteAdded", leadId), WAIT);
        }

        assertThat(events).extracting(Event::position).isSorted().doesNotHaveDuplicates();
        Event created = events.stream().filter(event -> isOf(event, "LeadCreated", leadId)).findFirst().orElseThrow();
        JsonNode cloudEvent = created.cloudEvent();
        assertThat(cloudEvent.path("specversion").asText()).isEqualTo("1.0");
        assertThat(cloudEvent.path("id").asText()).isNotBlank();
        assertThat(cloudEvent.path("source").asText()).isEqualTo("/lead-qualification/Lead");
        assertThat(cloudEvent.path("type").asText()).isEqualTo("dev.leadqualification.LeadCreated");
        assertThat(cloudEvent.path("subject").asText()).isEqualTo(leadId);
        assertThat(OffsetDateTime.parse(cloudEvent.path("time").asText())).isNotNull();
        assertThat(cloudEvent.path("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(cloudEvent.path("position").isIntegralNumber()).as("%s", created).isTrue();
        assertThat(cloudEvent.path("position").asLong()).isEqualTo(created.position());
        assertThat(cloudEvent.path("sequence").isIntegralNumber()).as("%s", created).isTrue();
        assertThat(cloudEvent.path("sequence").asLong()).as("the lead's first event").isZero();
        assertThat(events.get(events.size() - 1).cloudEvent().path("sequence").asLong()).isPositive();
        assertThat(cloudEvent.path("actor").asText()).isEqualTo(SAM.username());
        assertThat(cloudEvent.path("correlationid").asText()).isNotBlank();
        assertThat(cloudEvent.path("data").path("leadId").asText()).isEqualTo(leadId);
        assertThat(cloudEvent.path("data").path("details").path("lastName").asText()).startsWith("Lopez-");

        JsonNode attachment = events.get(events.size() - 1).cloudEvent().path("data").path("attachment");
        assertThat(attachment.path("fileName").asText()).isEqualTo("brochure.pdf");
        assertThat(attachment.path("contentSize").asLong()).isEqualTo(brochure.length);
        assertThat(attachment.has("content")).as("attachment bytes in %s", attachment).isFalse();
    }

    @Test
    void resumingLosesAndRepeatsNothingWhileLeadsAreBeingCreated() throws Exception {
        long start = positionOfANewLead();
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            Future<Set<String>> created = writer.submit(() -> {
                Set<String> ids = new HashSet<>();
                for (int i = 0; i < CONCURRENT_LEADS; i++) {
                    ids.add(sales.createLead(Leads.minimal()));
                }
                return ids;
            });

            // Reconnect after every few events, alternately with Last-Event-ID and with ?after=
            List<Event> resumed = new ArrayList<>();
            Set<String> createdSeen = new HashSet<>();
            long position = start;
            long deadline = System.nanoTime() + RESUMING.toNanos();
            for (int connection = 0; !(created.isDone() && createdSeen.containsAll(created.get())); connection++) {
                assertThat(System.nanoTime()).as("all created leads seen within %s", RESUMING).isLessThan(deadline);
                try (ServerSentEvents stream = connection % 2 == 0
                        ? open(AUDREY, "/api/events", Map.of("Last-Event-ID", Long.toString(position)))
                        : open(ADA, "/api/events?after=" + position, Map.of())) {
                    for (int read = 0; read < 1 + connection % 5; read++) {
                        Event event = stream.poll(Duration.ofSeconds(2));
                        if (event == null) {
                            break;
                        }
                        resumed.add(event);
                        position = event.position();
                        if ("LeadCreated".equals(event.name())) {
                            createdSeen.add(event.subject());
                        }
                    }
                }
            }

            assertThat(resumed).extracting(Event::position).allMatch(resumedPosition -> resumedPosition > start)
                    .isSorted().doesNotHaveDuplicates();
            long last = resumed.get(resumed.size() - 1).position();
            List<Event> reference;
            try (ServerSentEvents stream = open(AUDREY, "/api/events?after=" + start)) {
                reference = stream.until(event -> event.position() >= last, WAIT);
            }
            assertThat(resumed).extracting(Event::position).containsExactlyElementsOf(
                    reference.stream().map(Event::position).toList());
            assertThat(resumed).extracting(Event::id).isEqualTo(reference.stream().map(Event::id).toList());
        } finally {
            writer.shutdownNow();
            assertThat(writer.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void theTypeFilterSendsOnlyTheNamedTypes() {
        String leadId = sales.createLead(Leads.minimal());
        Reply patched = api.as(SAM).patch("/api/leads/" + leadId, object("description", "Called back"));
        assertThat(patched.status()).as("%s", patched).isEqualTo(204);

        try (ServerSentEvents stream = open(AUDREY, "/api/events?types=LeadUpdated,LeadQualified")) {
            List<Event> events = stream.until(event -> leadId.equals(event.subject()), WAIT);

            assertThat(events).extracting(Event::name).isSubsetOf("LeadUpdated", "LeadQualified");
            assertThat(events.get(events.size() - 1).name()).isEqualTo("LeadUpdated");
        }
    }

    @Test
    void salespeopleMayNotReadTheStreamAndAnonymousCallersAreAskedToAuthenticate() {
        assertProblem(api.as(SAM).query("/api/events"), 403);

        Reply anonymous = api.anonymous().query("/api/events");
        assertProblem(anonymous, 401);
        assertThat(anonymous.header("WWW-Authenticate")).as("%s", anonymous).startsWith("Basic");
    }

    /** Creates a lead and answers the position of its LeadCreated event (read through the type filter). */
    private long positionOfANewLead() {
        String leadId = sales.createLead(Leads.minimal());
        try (ServerSentEvents stream = open(AUDREY, "/api/events?types=LeadCreated")) {
            List<Event> events = stream.until(event -> leadId.equals(event.subject()), WAIT);
            return events.get(events.size() - 1).position();
        }
    }

    private static boolean isOf(Event event, String type, String subject) {
        return type.equals(event.name()) && subject.equals(event.subject());
    }

    private ServerSentEvents open(User user, String path) {
        return open(user, path, Map.of());
    }

    private ServerSentEvents open(User user, String path, Map<String, String> headers) {
        ServerSentEvents stream = ServerSentEvents.open(services, user, path, headers);
        assertThat(stream.status()).as("GET %s as %s", path, user.username()).isEqualTo(200);
        return stream;
    }
}
