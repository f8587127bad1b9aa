package dev.leadqualification.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadqualification.acceptance.support.Api;
import dev.leadqualification.acceptance.support.Json;
import dev.leadqualification.acceptance.support.Leads;
import dev.leadqualification.acceptance.support.Reply;
import dev.leadqualification.acceptance.support.RunningServices;
import dev.leadqualification.acceptance.support.Sales;
import dev.leadqualification.platform.testing.FreshDatabase;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import static dev.leadqualification.acceptance.support.Json.object;
import static dev.leadqualification.acceptance.support.Problems.assertProblem;
import static dev.leadqualification.acceptance.support.User.ADA;
import static dev.leadqualification.acceptance.support.User.SAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A projection event that cannot be applied is parked in the dead-letter queue with the later events of its
 * aggregate, the other aggregates' events are projected on, administrators see and retry the parked events, and a
 * replay drops them. The failure is a real one: a lead event whose company name holds a NUL character, which Java,
 * Jackson and the event store accept but PostgreSQL cannot keep in the lead projection's jsonb and text columns.
 * No API writes such an event here, so it is stored as the command side stores events; the repair is the SQL an
 * operator would run. The services are the test's own (a replay and parked events would disturb other tests).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectionDeadLettersIT {

    private static final String DEAD_LETTERS = "/api/admin/dead-letters";
    private static final String LEAD_PROJECTION = "lead-projection";
    private static final String NOTE_ADDED = "dev.leadqualification.kernel.lead.NoteAdded";
    /** A generous bound for a failing event to be parked (its batch is rolled back and retried once first). */
    private static final Duration PARKING = Duration.ofMinutes(2);

    private final RunningServices services = RunningServices.startOwn("dlq");
    private final Api api = Api.on(services);
    private final Sales sales = new Sales(api);

    @AfterAll
    void stopServices() {
        services.close();
    }

    @Test
    void anEventThatCannotBeProjectedIsParkedWithItsLeadsLaterEventsUntilRetried() {
        String token = Leads.token();
        ObjectNode created = lead("Contoso " + token);
        String leadId = sales.createLead(created);
        api.awaitLead(leadId, lead -> lead.path("version").asLong() == 0);

        String unprojectable = storeUpdate(leadId, 1, updatePayload(leadId, created, "Contoso\u0000 " + token));

        JsonNode parked = awaitParked(leadId, letters -> letters.size() == 1).get(0);
        assertThat(parked.path("processingGroup").asText()).isEqualTo(LEAD_PROJECTION);
        assertThat(parked.path("sequenceIdentifier").asText()).isEqualTo(leadId);
        assertThat(parked.path("eventIdentifier").asText()).isEqualTo(unprojectable);
        assertThat(parked.path("eventType").asText()).isEqualTo("LeadUpdated");
        assertThat(parked.path("position").asLong()).as("%s", parked).isPositive();
        assertThat(parked.path("cause").path("type").asText()).as("%s", parked).isNotBlank();
        assertThat(parked.path("cause").path("message").asText()).as("%s", parked).isNotBlank().hasSizeLessThan(1_024);
        assertThat(Instant.parse(parked.path("enqueuedAt").asText())).isBeforeOrEqualTo(
                Instant.parse(parked.path("lastTouched").asText()));
        assertThat(parked.has("payload")).as("%s", parked).isFalse();

        // the salesperson corrects the company name: the new event waits behind the parked one
        patch(leadId, object("companyName", "Contoso Repaired " + token));
        List<JsonNode> sequence = awaitParked(leadId, letters -> letters.size() == 2);
        JsonNode behind = sequence.get(1);
        assertThat(behind.path("eventIdentifier").asText()).isNotEqualTo(unprojectable);
        assertThat(behind.path("cause").isNull()).as("parked only for the one before: %s", behind).isTrue();
        assertThat(behind.path("position").asLong()).isGreaterThan(parked.path("position").asLong());
        JsonNode held = api.as(SAM).query("/api/leads/" + leadId).json();
        assertThat(held.path("version").asLong()).as("%s", held).isZero();
        assertThat(held.path("companyName").asText()).isEqualTo("Contoso " + token);

        // another lead, even in the same segment of the processor, is projected on
        String neighbour = sales.createLead(lead("Fabrikam " + token).put("leadId", idInTheSegmentOf(leadId)));
        patch(neighbour, object("jobTitle", "Head of facilities"));
        api.awaitLead(neighbour, lead -> "Head of facilities".equals(lead.path("jobTitle").asText()));

        assertHealthCountsTheParkedEvents();
        assertOnlyAnAdministratorSeesOrRetriesThem();
        assertProblem(post(DEAD_LETTERS + "/no-such-projection/retry"), 404, "not-found");

        // retried before the repair: the event fails again, both stay parked
        JsonNode stillFailing = post(DEAD_LETTERS + "/" + LEAD_PROJECTION + "/retry").json();
        assertThat(stillFailing).isEqualTo(object("retried", 0, "stillFailing", 2));
        JsonNode triedAgain = parkedEvents(leadId).get(0);
        assertThat(triedAgain.path("cause").path("message").asText()).isNotBlank();
        assertThat(Instant.parse(triedAgain.path("lastTouched").asText()))
                .isAfter(Instant.parse(parked.path("lastTouched").asText()));

        repair(unprojectable, updatePayload(leadId, created, "Contoso " + token), true);
        Reply retried = post(DEAD_LETTERS + "/retry");

        assertThat(retried.status()).as("%s", retried).isEqualTo(200);
        assertThat(retried.json()).isEqualTo(object("retried", 2, "stillFailing", 0));
        assertThat(parkedEvents(leadId)).isEmpty();
        JsonNode projected = api.as(SAM).query("/api/leads/" + leadId).json();
        assertThat(projected.path("version").asLong()).as("%s", projected).isEqualTo(2);
        assertThat(projected.path("companyName").asText()).isEqualTo("Contoso Repaired " + token);
        assertThat(health().path("components").path("deadLetters").path("details").path(LEAD_PROJECTION).asLong())
                .isZero();
    }

    @Test
    void aReplayDropsTheParkedEventsAndParksAgainWhatStillFails() {
        String token = Leads.token();
        ObjectNode repairedBody = lead("Northwind " + token);
        ObjectNode brokenBody = lead("Tailspin " + token);
        String repairedLead = sales.createLead(repairedBody);
        String brokenLead = sales.createLead(brokenBody);
        api.awaitLead(repairedLead, lead -> true);
        api.awaitLead(brokenLead, lead -> true);
        String repairedEvent = storeUpdate(repairedLead, 1,
                updatePayload(repairedLead, repairedBody, "Northwind\u0000 " + token));
        String brokenEvent = storeUpdate(brokenLead, 1,
                updatePayload(brokenLead, brokenBody, "Tailspin\u0000 " + token));
        awaitParked(repairedLead, letters -> letters.size() == 1);
        Instant parkedBefore = Instant.parse(awaitParked(brokenLead, letters -> letters.size() == 1).get(0)
                .path("enqueuedAt").asText());

        // the operator corrects one event in the event store only, and rebuilds the read models from it
        repair(repairedEvent, updatePayload(repairedLead, repairedBody, "Northwind Traders " + token), false);
        Reply replay = api.as(ADA).send(Api.Side.QUERY, "POST", "/api/admin/projections/replay", null, null);
        assertThat(replay.status()).as("%s", replay).isEqualTo(202);

        // the corrected lead is projected, not held behind its old parked event; the other is parked once, anew
        api.awaitLead(repairedLead, lead -> lead.path("version").asLong() == 1);
        assertThat(api.as(SAM).query("/api/leads/" + repairedLead).json().path("companyName").asText())
                .isEqualTo("Northwind Traders " + token);
        assertThat(parkedEvents(repairedLead)).isEmpty();
        JsonNode parkedAgain = awaitParked(brokenLead, letters -> letters.size() == 1
                && Instant.parse(letters.get(0).path("enqueuedAt").asText()).isAfter(parkedBefore)).get(0);
        assertThat(parkedAgain.path("eventIdentifier").asText()).isEqualTo(brokenEvent);

        // and a re-parked event is repaired and retried like any other
        String repairedName = "Tailspin Toys " + token;
        repair(brokenEvent, updatePayload(brokenLead, brokenBody, repairedName), true);
        assertThat(post(DEAD_LETTERS + "/" + LEAD_PROJECTION + "/retry").json())
                .isEqualTo(object("retried", 1, "stillFailing", 0));
        assertThat(api.as(SAM).query("/api/leads/" + brokenLead).json().path("companyName").asText())
                .isEqualTo(repairedName);
    }

    @Test
    void anEventOneProjectionCannotApplyIsParkedForItAloneWhileTheOthersApplyIt() {
        String token = Leads.token();
        String leadId = sales.createLead(lead("Woodgrove " + token));
        api.awaitLead(leadId, lead -> true);
        String noteId = UUID.randomUUID().toString();
        byte[] file = ("offer " + token).getBytes(StandardCharsets.UTF_8);

        // the lead projection keeps the note's text, the attachment projection only the file: one event, two
        // projections of the same processor, and only the first cannot apply it
        String unprojectable = storeEvent(leadId, 1, NOTE_ADDED,
                notePayload(leadId, noteId, "Sent\u0000 the offer", file));

        JsonNode parked = awaitParked(leadId, letters -> letters.size() == 1).get(0);
        assertThat(parked.path("processingGroup").asText()).isEqualTo(LEAD_PROJECTION);
        assertThat(parked.path("eventIdentifier").asText()).isEqualTo(unprojectable);
        Reply attachment = api.awaitAnswer("/api/attachments/" + noteId, reply -> reply.status() == 200);
        assertThat(attachment.body()).isEqualTo(file);
        assertThat(api.as(SAM).query("/api/leads/" + leadId).json().path("notes")).isEmpty();

        repair(unprojectable, notePayload(leadId, noteId, "Sent the offer", file), true);
        assertThat(post(DEAD_LETTERS + "/" + LEAD_PROJECTION + "/retry").json())
                .isEqualTo(object("retried", 1, "stillFailing", 0));
        JsonNode note = api.awaitLead(leadId, lead -> lead.path("notes").size() == 1).path("notes").get(0);
        assertThat(note.path("text").asText()).as("%s", note).isEqualTo("Sent the offer");
        assertThat(api.as(SAM).query("/api/attachments/" + noteId).body()).isEqualTo(file);
    }

    private void assertHealthCountsTheParkedEvents() {
        long parkedInTheLeadProjection = api.as(ADA).query(DEAD_LETTERS).json().findValuesAsText("processingGroup")
                .stream().filter(LEAD_PROJECTION::equals).count();
        JsonNode deadLetters = health().path("components").path("deadLetters");
        assertThat(deadLetters.path("status").asText()).as("%s", deadLetters).isEqualTo("UP");
        assertThat(deadLetters.path("details").path(LEAD_PROJECTION).asLong()).as("%s", deadLetters)
                .isEqualTo(parkedInTheLeadProjection).isGreaterThanOrEqualTo(2);

        Reply anonymous = api.anonymous().query("/actuator/health");
        assertThat(anonymous.status()).as("%s", anonymous).isEqualTo(200);
        assertThat(anonymous.json()).isEqualTo(object("status", "UP"));
        assertThat(api.as(SAM).query("/actuator/health").json()).isEqualTo(object("status", "UP"));
    }

    private void assertOnlyAnAdministratorSeesOrRetriesThem() {
        assertProblem(api.as(SAM).query(DEAD_LETTERS), 403, "forbidden");
        for (String retry : List.of(DEAD_LETTERS + "/retry", DEAD_LETTERS + "/" + LEAD_PROJECTION + "/retry")) {
            assertProblem(api.as(SAM).send(Api.Side.QUERY, "POST", retry, null, null), 403, "forbidden");
            assertProblem(api.anonymous().send(Api.Side.QUERY, "POST", retry, null, null), 401, "unauthorized");
        }
        assertProblem(api.anonymous().query(DEAD_LETTERS), 401, "unauthorized");
    }

    private static ObjectNode lead(String companyName) {
        return Leads.minimal().put("companyName", companyName);
    }

    /** Stores {@code payload} as the lead's event number {@code sequence} as the command side would; answers its id. */
    private String storeUpdate(String leadId, long sequence, byte[] payload) {
        return storeEvent(leadId, sequence, "dev.leadqualification.kernel.lead.LeadUpdated", payload);
    }

    /** Stores a lead event of {@code payloadType} (revision 1) as the command side would; answers its id. */
    private String storeEvent(String leadId, long sequence, String payloadType, byte[] payload) {
        String eventId = UUID.randomUUID().toString();
        byte[] metaData = Json.bytes(object("actor", SAM.username(), "correlationId", UUID.randomUUID().toString()));
        assertThat(update("""
                INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                                                meta_data, payload, payload_revision, payload_type, time_stamp)
                VALUES (?, ?, 'Lead', ?, ?, ?, '1', ?, ?)""",
                leadId, sequence, eventId, metaData, payload, payloadType, Instant.now().toString()))
                .isEqualTo(1);
        return eventId;
    }

    /**
     * A {@code LeadUpdated} (revision 1) as the command side writes it: the lead's complete details, those it was
     * created with ({@code created}) but for the company name.
     */
    private static byte[] updatePayload(String leadId, ObjectNode created, String companyName) {
        ObjectNode details = created.deepCopy().put("companyName", companyName);
        return Json.bytes(object("leadId", leadId, "details", details, "changedFields", List.of("companyName")));
    }

    /** A {@code NoteAdded} (revision 1) with a text file attached, as the command side writes it. */
    private static byte[] notePayload(String leadId, String noteId, String text, byte[] file) {
        return Json.bytes(object("leadId", leadId, "noteId", noteId, "title", "Offer", "text", text, "attachment",
                object("fileName", "offer.txt", "mimeType", "text/plain",
                        "content", Base64.getEncoder().encodeToString(file))));
    }

    /**
     * What an operator runs to correct a stored event: the event store's row and, while it is parked, the parked
     * copy (a dead letter keeps the event as it was when it failed).
     */
    private void repair(String eventId, byte[] payload, boolean alsoTheParkedCopy) {
        assertThat(update("UPDATE domain_event_entry SET payload = ? WHERE event_identifier = ?", payload, eventId))
                .isEqualTo(1);
        if (alsoTheParkedCopy) {
            assertThat(update("UPDATE dead_letter_entry SET payload = ? WHERE event_identifier = ?", payload, eventId))
                    .isEqualTo(1);
        }
    }

    /** The parked events of this aggregate, in the list's order, once {@code condition} holds for them. */
    private List<JsonNode> awaitParked(String aggregateId, Predicate<List<JsonNode>> condition) {
        AtomicReference<List<JsonNode>> last = new AtomicReference<>();
        try {
            return await().atMost(PARKING).pollInterval(Duration.ofMillis(250)).until(() -> {
                last.set(parkedEvents(aggregateId));
                return last.get();
            }, condition);
        } catch (ConditionTimeoutException timeout) {
            throw new AssertionError("The parked events of " + aggregateId + " did not reach the expected state within "
                    + PARKING + "; last seen: " + last.get(), timeout);
        }
    }

    private List<JsonNode> parkedEvents(String aggregateId) {
        Reply reply = api.as(ADA).query(DEAD_LETTERS);
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        List<JsonNode> letters = new ArrayList<>();
        reply.json().forEach(letter -> {
            if (aggregateId.equals(letter.path("aggregateIdentifier").asText())) {
                letters.add(letter);
            }
        });
        return letters;
    }

    private JsonNode health() {
        Reply reply = api.as(ADA).query("/actuator/health");
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertThat(reply.json().path("status").asText()).isEqualTo("UP");
        return reply.json();
    }

    private Reply post(String path) {
        return api.as(ADA).send(Api.Side.QUERY, "POST", path, null, null);
    }

    private void patch(String leadId, ObjectNode changes) {
        Reply reply = api.as(SAM).patch("/api/leads/" + leadId, changes);
        assertThat(reply.status()).as("%s", reply).isEqualTo(204);
    }

    /**
     * A new lead id that Axon's processors put in the same segment as {@code leadId}: an aggregate goes to segment
     * {@code hashCode & (segments - 1)}, so ids whose hash codes share their lowest 8 bits share a segment for up to
     * 256 segments.
     */
    private static String idInTheSegmentOf(String leadId) {
        String id;
        do {
            id = UUID.randomUUID().toString();
        } while ((id.hashCode() & 0xFF) != (leadId.hashCode() & 0xFF));
        return id;
    }

    private int update(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(services.database().jdbcUrl(), FreshDatabase.USER,
                FreshDatabase.PASSWORD); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Failed on the test's database: " + sql, e);
        }
    }
}
