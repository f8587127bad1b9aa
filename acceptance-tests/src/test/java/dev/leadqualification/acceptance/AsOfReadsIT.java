package dev.leadqualification.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadqualification.acceptance.support.Api;
import dev.leadqualification.acceptance.support.Leads;
import dev.leadqualification.acceptance.support.Problems;
import dev.leadqualification.acceptance.support.Reply;
import dev.leadqualification.acceptance.support.Sales;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static dev.leadqualification.acceptance.support.Json.assertHasValues;
import static dev.leadqualification.acceptance.support.Json.object;
import static dev.leadqualification.acceptance.support.Problems.assertValidation;
import static dev.leadqualification.acceptance.support.User.AUDREY;
import static dev.leadqualification.acceptance.support.User.SAM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/leads/{id}?asOf=<instant>}: the lead as it stood at that instant, rebuilt from its events. The
 * instants are taken from the lead's own history (when each event was stored), so no assumption about clocks or
 * timing is made: a lead is created, its job title changed, a note added, then it is qualified, with a short pause
 * between the steps so that each has an instant of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AsOfReadsIT {

    private static final Duration PAUSE = Duration.ofMillis(50);

    private final Api api = Api.shared();
    private final Sales sales = new Sales(api);
    private final ObjectNode lead = Leads.complete();

    private String leadId;
    private Instant created;
    private Instant patched;
    private Instant noted;
    private Instant qualified;
    private String noteId;
    private JsonNode history;

    @BeforeAll
    void createChangeAndQualifyALead() throws InterruptedException {
        leadId = sales.createLead(lead);
        Thread.sleep(PAUSE.toMillis());
        Reply patch = api.as(SAM).patch("/api/leads/" + leadId, object("jobTitle", "Head of purchasing"));
        assertThat(patch.status()).as("%s", patch).isEqualTo(204);
        Thread.sleep(PAUSE.toMillis());
        ObjectNode note = object("title", "Call", "text", "Wants a quote.");
        note.set("attachment", object("fileName", "quote.txt", "mimeType", "text/plain",
                "contentBase64", Base64.getEncoder().encodeToString("120 chairs".getBytes(StandardCharsets.UTF_8))));
        noteId = sales.addNote(leadId, note);
        Thread.sleep(PAUSE.toMillis());
        sales.qualify(leadId, Leads.allRecords());

        Reply reply = api.as(AUDREY).query("/api/leads/" + leadId + "/history");
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        history = reply.json();
        for (JsonNode event : history) {
            Instant at = Instant.parse(event.path("occurredAt").asText());
            switch (event.path("type").asText()) {
                case "LeadCreated" -> created = at;
                case "LeadUpdated" -> patched = at;
                case "NoteAdded" -> noted = at;
                case "LeadQualified" -> qualified = at;
                default -> { }
            }
        }
        assertThat(created).as("LeadCreated in %s", history).isNotNull();
        assertThat(patched).as("LeadUpdated in %s", history).isNotNull().isAfter(created);
        assertThat(noted).as("NoteAdded in %s", history).isNotNull().isAfter(patched);
        assertThat(qualified).as("LeadQualified in %s", history).isNotNull().isAfter(noted);
    }

    @Test
    void beforeItsCreationTheLeadDidNotExist() {
        Problems.assertProblem(asOf(leadId, created.minusMillis(1)), 404, "not-found");
        Problems.assertProblem(asOf(leadId, Instant.parse("2000-01-01T00:00:00Z")), 404, "not-found");
    }

    @Test
    void rightAfterItsCreationTheLeadWasOpenAsCreated() {
        JsonNode then = found(asOf(leadId, created));

        assertHasValues(then, lead);
        assertHasValues(then, object("leadId", leadId, "status", "OPEN", "version", versionAt(created),
                "createdBy", SAM.username()));
    }

    @Test
    void betweenCreationAndQualificationTheLeadWasOpenWithTheChangesMadeSoFar() {
        Instant beforeTheChange = between(created, patched);
        assertHasValues(found(asOf(leadId, beforeTheChange)), object("leadId", leadId, "status", "OPEN",
                "jobTitle", lead.get("jobTitle"), "version", versionAt(beforeTheChange), "notes", List.of()));

        Instant afterTheChange = between(patched, noted);
        assertHasValues(found(asOf(leadId, afterTheChange)), object("leadId", leadId, "status", "OPEN",
                "jobTitle", "Head of purchasing", "lastName", lead.get("lastName"),
                "version", versionAt(afterTheChange), "notes", List.of()));

        Instant afterTheNote = between(noted, qualified);
        assertHasValues(found(asOf(leadId, afterTheNote)), object("leadId", leadId, "status", "OPEN",
                "jobTitle", "Head of purchasing", "version", versionAt(afterTheNote),
                "notes", List.of(object("noteId", noteId, "title", "Call", "attachment",
                        object("fileName", "quote.txt", "mimeType", "text/plain", "size", 10)))));
    }

    @Test
    void fromItsQualificationOnTheLeadIsQualified() {
        assertHasValues(found(asOf(leadId, qualified)), object("leadId", leadId, "status", "QUALIFIED",
                "statusReason", "QUALIFIED", "jobTitle", "Head of purchasing", "version", versionAt(qualified)));
        assertHasValues(found(asOf(leadId, Instant.now().plusSeconds(3600))), object("status", "QUALIFIED"));
    }

    @Test
    void anInstantWithAnOffsetMeansTheSameInstant() {
        String withOffset = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                between(noted, qualified).atOffset(ZoneOffset.ofHours(2)));
        Reply reply = api.as(SAM).query("/api/leads/" + leadId + "?asOf="
                + URLEncoder.encode(withOffset, StandardCharsets.UTF_8));

        assertHasValues(found(reply), object("status", "OPEN", "jobTitle", "Head of purchasing"));
    }

    @Test
    void readingThePastLeavesThePresentAsItIs() {
        JsonNode now = api.awaitLead(leadId, Leads.qualificationCompleted());

        found(asOf(leadId, created));

        Reply current = api.as(SAM).query("/api/leads/" + leadId);
        assertThat(current.status()).as("%s", current).isEqualTo(200);
        assertThat(current.json()).isEqualTo(now);
    }

    @Test
    void anAuditorMayReadThePastToo() {
        Reply reply = api.as(AUDREY).query("/api/leads/" + leadId + "?asOf=" + created);
        assertHasValues(found(reply), object("status", "OPEN"));
    }

    @Test
    void anUnknownLeadIsNotFoundAtAnyInstant() {
        Problems.assertProblem(asOf(UUID.randomUUID().toString(), Instant.now()), 404, "not-found");
        Problems.assertProblem(asOf("not-a-lead", Instant.now()), 404, "not-found");
        String accountId = sales.createAccount(object("name", "Not A Lead " + Leads.token()));
        Problems.assertProblem(asOf(accountId, Instant.now().plusSeconds(3600)), 404, "not-found");
    }

    @Test
    void anAsOfThatIsNoInstantIsRefused() {
        for (String malformed : new String[] {"yesterday", "2025-13-01T00:00:00Z", "2025-03-01", "1700000000"}) {
            Reply reply = api.as(SAM).query("/api/leads/" + leadId + "?asOf=" + malformed);
            assertValidation(reply, "asOf");
        }
        assertValidation(api.as(SAM).query("/api/leads/" + leadId + "?asOf="), "asOf");
    }

    private Reply asOf(String id, Instant instant) {
        return api.as(SAM).query("/api/leads/" + id + "?asOf=" + instant);
    }

    private static JsonNode found(Reply reply) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        return reply.json();
    }

    /** The sequence number of the lead's last event stored at or before {@code instant}: its version then. */
    private long versionAt(Instant instant) {
        long version = -1;
        for (JsonNode event : history) {
            if (!Instant.parse(event.path("occurredAt").asText()).isAfter(instant)) {
                version = Math.max(version, event.path("sequence").asLong());
            }
        }
        return version;
    }

    private static Instant between(Instant from, Instant to) {
        return from.plus(Duration.between(from, to).dividedBy(2));
    }
}
