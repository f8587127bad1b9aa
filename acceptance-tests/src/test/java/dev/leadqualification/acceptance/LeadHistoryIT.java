package dev.leadqualification.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadqualification.acceptance.support.Api;
import dev.leadqualification.acceptance.support.Leads;
import dev.leadqualification.acceptance.support.Problems;
import dev.leadqualification.acceptance.support.Reply;
import dev.leadqualification.acceptance.support.Sales;
import dev.leadqualification.acceptance.support.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static dev.leadqualification.acceptance.support.Json.assertHasValues;
import static dev.leadqualification.acceptance.support.Json.object;
import static dev.leadqualification.acceptance.support.Problems.assertDuplicatesFound;
import static dev.leadqualification.acceptance.support.User.ADA;
import static dev.leadqualification.acceptance.support.User.AUDREY;
import static dev.leadqualification.acceptance.support.User.SAM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/leads/{id}/history}: every event of a lead, in order, with who acted and the request it belongs
 * to, read from the event store by auditors and admins. The main path: a lead is created, gets a note with an
 * attachment and is qualified with all records; the qualification saga completes it on sam's behalf.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeadHistoryIT {

    private final Api api = Api.shared();
    private final Sales sales = new Sales(api);
    private final byte[] attachment = new byte[3_000];

    private String leadId;
    private String noteId;
    private JsonNode result;
    private JsonNode history;

    @BeforeAll
    void qualifyALeadWithANoteAndAwaitTheCompletion() {
        new Random(11).nextBytes(attachment);
        leadId = sales.createLead(Leads.complete());
        ObjectNode note = object("title", "Call with Nadia", "text", "Sent the price list.");
        note.set("attachment", object("fileName", "prices.pdf", "mimeType", "application/pdf",
                "contentBase64", Base64.getEncoder().encodeToString(attachment)));
        noteId = sales.addNote(leadId, note);
        result = sales.qualify(leadId, Leads.allRecords());
        // the saga's LeadQualificationCompleted is stored before the read model can show the qualification completed
        api.awaitLead(leadId, Leads.qualificationCompleted());
        history = historyAs(AUDREY, leadId);
    }

    @Test
    void everyEventIsListedInOrderFromCreationToTheCompletedQualification() {
        for (int i = 0; i < history.size(); i++) {
            JsonNode entry = history.get(i);
            assertThat(entry.path("sequence").isIntegralNumber()).as("sequence of %s", entry).isTrue();
            assertThat(entry.path("sequence").asLong()).as("sequence of entry %d in %s", i, history).isEqualTo(i);
            Instant.parse(entry.path("occurredAt").asText());
            if (i > 0) {
                assertThat(Instant.parse(entry.path("occurredAt").asText())).as("occurredAt of %s", entry)
                        .isAfterOrEqualTo(Instant.parse(history.get(i - 1).path("occurredAt").asText()));
            }
            assertThat(entry.path("data").path("leadId").asText()).as("data of %s", entry).isEqualTo(leadId);
        }
        List<String> types = types(history);
        assertThat(types).as("types in %s", history).contains("LeadCreated", "NoteAdded", "LeadQualified",
                "LeadQualificationCompleted");
        assertThat(types.get(0)).isEqualTo("LeadCreated");
        assertThat(types.get(types.size() - 1)).isEqualTo("LeadQualificationCompleted");
        assertThat(types.indexOf("NoteAdded")).isLessThan(types.indexOf("LeadQualified"));
        assertThat(types).as("one of each in %s", history).containsOnlyOnce("LeadCreated", "NoteAdded",
                "LeadQualified", "LeadQualificationCompleted");
    }

    @Test
    void theLeadsVersionIsTheSequenceOfItsLastEvent() {
        JsonNode lead = api.awaitLead(leadId, Leads.qualificationCompleted());

        assertThat(lead.path("version").asLong()).as("version of %s", lead)
                .isEqualTo(history.get(history.size() - 1).path("sequence").asLong());
    }

    @Test
    void samIsTheActorOfEveryEventAlsoOfTheCompletionTheSagaCaused() {
        for (JsonNode entry : history) {
            assertThat(entry.path("actor").asText()).as("actor of %s", entry).isEqualTo(SAM.username());
            assertThat(entry.path("correlationId").asText()).as("correlationId of %s", entry).isNotBlank();
        }
    }

    @Test
    void theCompletionBelongsToTheRequestThatQualifiedTheLead() {
        String created = only(history, "LeadCreated").path("correlationId").asText();
        String noted = only(history, "NoteAdded").path("correlationId").asText();
        String qualified = only(history, "LeadQualified").path("correlationId").asText();
        String completed = only(history, "LeadQualificationCompleted").path("correlationId").asText();

        assertThat(completed).isEqualTo(qualified);
        assertThat(qualified).isNotEqualTo(created).isNotEqualTo(noted);
        assertThat(created).isNotEqualTo(noted);
    }

    @Test
    void theQualificationNamesTheRecordsTheAnswerAnnounced() {
        JsonNode qualified = only(history, "LeadQualified").path("data");

        assertHasValues(qualified, object(
                "leadId", leadId,
                "accountId", result.get("accountId"),
                "contactId", result.get("contactId"),
                "opportunityId", result.get("opportunityId"),
                "linkedAccountId", null,
                "linkedContactId", null,
                "processStage", "DEVELOP"));
        assertThat(qualified.path("noteIds").toString()).as("notes to transfer in %s", qualified).contains(noteId);
    }

    @Test
    void theNoteShowsTheAttachmentSizeNotItsBytes() {
        JsonNode noted = only(history, "NoteAdded").path("data");

        assertHasValues(noted, object("noteId", noteId, "title", "Call with Nadia", "text", "Sent the price list.",
                "attachment", object("fileName", "prices.pdf", "mimeType", "application/pdf",
                        "contentSize", attachment.length)));
        assertThat(noted.path("attachment").has("content")).as("%s", noted).isFalse();
        assertThat(noted.path("attachment").has("contentBase64")).as("%s", noted).isFalse();
        String someBase64 = Base64.getEncoder().encodeToString(attachment).substring(100, 200);
        assertThat(history.toString()).as("no attachment bytes in the history").doesNotContain(someBase64);
    }

    @Test
    void aQualificationStoppedByADuplicateIsRecordedAndTheResolutionToo() {
        JsonNode settingsBefore = api.settings();
        api.changeSettings(object("duplicateDetectionEnabled", true));
        try {
            String companyName = "Historic Traders " + Leads.token();
            String accountId = sales.createAccount(object("name", companyName));
            String duplicateLead = sales.createLead(Leads.minimal().put("companyName", companyName));

            Reply stopped = api.as(SAM).post("/api/leads/" + duplicateLead + "/qualify", object("createAccount", true));
            assertDuplicatesFound(stopped, api.duplicateExperience());

            JsonNode afterWarning = historyAs(AUDREY, duplicateLead);
            assertThat(types(afterWarning)).as("%s", afterWarning).containsExactly("LeadCreated", "DuplicateDetected");
            JsonNode detected = only(afterWarning, "DuplicateDetected");
            assertThat(detected.path("actor").asText()).isEqualTo(SAM.username());
            assertThat(matchedIds(detected.path("data").path("matchedAccounts"))).as("matches in %s", detected)
                    .contains(accountId);

            ObjectNode resolved = object("createAccount", true);
            resolved.set("duplicateResolution", object("action", "USE_EXISTING", "accountId", accountId));
            JsonNode linked = sales.qualify(duplicateLead, resolved);
            assertThat(linked.path("linkedAccountId").asText()).as("%s", linked).isEqualTo(accountId);

            JsonNode afterResolution = historyAs(AUDREY, duplicateLead);
            List<String> types = types(afterResolution);
            assertThat(types.subList(0, 3)).as("%s", afterResolution)
                    .containsExactly("LeadCreated", "DuplicateDetected", "LeadQualified");
            JsonNode qualified = only(afterResolution, "LeadQualified");
            assertHasValues(qualified.path("data"), object(
                    "leadId", duplicateLead,
                    "accountId", null,
                    "linkedAccountId", accountId,
                    "duplicateResolution", object("action", "USE_EXISTING", "accountId", accountId)));
            assertThat(qualified.path("correlationId").asText()).isNotEqualTo(detected.path("correlationId").asText());
        } finally {
            api.changeSettings(settingsBefore);
        }
    }

    @Test
    void auditorsAndAdminsMayReadTheHistorySalespeopleMayNot() {
        Reply forSales = api.as(SAM).query(historyPath(leadId));
        assertThat(forSales.status()).as("%s", forSales).isEqualTo(403);

        Reply forAnonymous = api.anonymous().query(historyPath(leadId));
        assertThat(forAnonymous.status()).as("%s", forAnonymous).isEqualTo(401);

        Reply forAdmin = api.as(ADA).query(historyPath(leadId));
        assertThat(forAdmin.status()).as("%s", forAdmin).isEqualTo(200);
        assertThat(forAdmin.json()).as("the completed lead's history, read by ada").isEqualTo(history);
    }

    @Test
    void theHistoryOfNoLeadIsNotFound() {
        Problems.assertProblem(api.as(AUDREY).query(historyPath(UUID.randomUUID().toString())), 404, "not-found");
        Problems.assertProblem(api.as(AUDREY).query(historyPath("not-a-lead")), 404, "not-found");
        Problems.assertProblem(api.as(AUDREY).query(historyPath(result.path("accountId").asText())), 404,
                "not-found");
    }

    private JsonNode historyAs(User user, String id) {
        Reply reply = api.as(user).query(historyPath(id));
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertThat(reply.json().isArray()).as("%s", reply).isTrue();
        return reply.json();
    }

    private static String historyPath(String id) {
        return "/api/leads/" + id + "/history";
    }

    private static List<String> types(JsonNode entries) {
        List<String> types = new ArrayList<>();
        entries.forEach(entry -> types.add(entry.path("type").asText()));
        return types;
    }

    /** The one entry of this type. */
    private static JsonNode only(JsonNode entries, String type) {
        List<JsonNode> found = new ArrayList<>();
        entries.forEach(entry -> {
            if (type.equals(entry.path("type").asText())) {
                found.add(entry);
            }
        });
        assertThat(found).as("%s events in %s", type, entries).hasSize(1);
        return found.get(0);
    }

    /** The ids of duplicate matches, under {@code id} (the event's form) or {@code accountId} (the 409's form). */
    private static List<String> matchedIds(JsonNode matches) {
        List<String> ids = new ArrayList<>();
        matches.forEach(match -> ids.add(match.hasNonNull("accountId") ? match.path("accountId").asText()
                : match.path("id").asText()));
        return ids;
    }
}
