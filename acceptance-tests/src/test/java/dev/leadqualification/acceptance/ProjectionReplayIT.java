package dev.leadqualification.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadqualification.acceptance.support.Api;
import dev.leadqualification.acceptance.support.Leads;
import dev.leadqualification.acceptance.support.Reply;
import dev.leadqualification.acceptance.support.Sales;
import dev.leadqualification.acceptance.support.SharedDatabase;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static dev.leadqualification.acceptance.support.Json.object;
import static dev.leadqualification.acceptance.support.Problems.assertProblem;
import static dev.leadqualification.acceptance.support.User.ADA;
import static dev.leadqualification.acceptance.support.User.AUDREY;
import static dev.leadqualification.acceptance.support.User.SAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code POST /api/admin/projections/replay}: every read model is rebuilt from the event store, as the next generation
 * beside the live one, and ends identical to what it was (even where the live one was damaged on purpose: the damage is
 * done to the live generation's tables, and the rebuilt generation replaces them). Leads in every state (qualified with all records, qualified after a duplicate warning,
 * qualified without a company, disqualified, reactivated), direct accounts and contacts, notes with attachments
 * are read before and after the replay, byte for byte. The services and their database are shared with the other
 * tests: only this test's records are compared (every name carries this test's token).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectionReplayIT {

    private static final String PROJECTIONS = "/api/admin/projections";
    private static final String REPLAY = PROJECTIONS + "/replay";
    /** A generous bound for the whole shared event store to be replayed on a busy machine; not a target. */
    private static final Duration REPLAY_BOUND = Duration.ofMinutes(5);

    private final Api api = Api.shared();
    private final Sales sales = new Sales(api);
    private final String token = Leads.token();
    /** The query-side paths whose answers must survive the replay. */
    private final List<String> readModel = new ArrayList<>();
    private final List<String> attachments = new ArrayList<>();

    private String qualifiedLead;
    private String plainNote;
    private String fileNote;
    private JsonNode qualified;
    private JsonNode qualifiedWithoutCompany;

    @BeforeAll
    void recordsInEveryState() {
        // a worked lead with notes, qualified with account, contact and opportunity
        qualifiedLead = sales.createLead(lead("alpha"));
        Reply details = api.as(SAM).put("/api/leads/" + qualifiedLead + "/qualification-details",
                Leads.qualificationDetails());
        assertThat(details.status()).as("%s", details).isEqualTo(204);
        fileNote = sales.addNote(qualifiedLead, note("Requirements", "requirements.pdf", "application/pdf", 7));
        plainNote = sales.addNote(qualifiedLead, object("title", "Call", "text", "Needs the chairs by March."));
        qualified = sales.qualify(qualifiedLead, Leads.allRecords());

        // an existing customer; a lead of the same company is qualified after the duplicate warning
        String directAccount = sales.createAccount(object("name", "Replay Direct " + token,
                "email", "office." + token + "@direct.example", "phone", "+1 425 555 0100"));
        String directContact = sales.createContact(object("firstName", "Dana", "lastName", "Direct-" + token,
                "email", "dana." + token + "@direct.example", "parentAccountId", directAccount));
        ObjectNode sameCompany = lead("bravo").put("companyName", "Replay Direct " + token);
        String duplicateLead = sales.createLead(sameCompany);
        Reply warned = api.as(SAM).post("/api/leads/" + duplicateLead + "/qualify", Leads.allRecords());
        JsonNode qualifiedAfterWarning = warned.status() == 409 // duplicate detection may be off in the shared settings
                ? sales.qualify(duplicateLead, Leads.allRecords().set("duplicateResolution", object("action", "CREATE_NEW")))
                : warned.json();

        // a lead without company: contact and opportunity only, the opportunity's customer is the contact
        String noCompanyLead = sales.createLead(lead("charlie").putNull("companyName"));
        String secondFileNote = sales.addNote(noCompanyLead, note("Photo", "site.jpg", "image/jpeg", 11));
        qualifiedWithoutCompany = sales.qualify(noCompanyLead,
                object("createAccount", false, "createContact", true, "createOpportunity", true));

        // disqualified, reactivated and changed again; and one that stays disqualified
        String reactivatedLead = sales.createLead(lead("delta"));
        patch(reactivatedLead, object("description", "First visit done."));
        command(reactivatedLead, "/disqualify", object("reason", "NO_LONGER_INTERESTED", "description", "Budget frozen"));
        command(reactivatedLead, "/reactivate", null);
        patch(reactivatedLead, object("jobTitle", "Head of purchasing"));
        String disqualifiedLead = sales.createLead(lead("echo"));
        command(disqualifiedLead, "/disqualify", object("reason", "CANNOT_CONTACT"));

        for (String lead : List.of(qualifiedLead, duplicateLead, noCompanyLead)) {
            api.awaitLead(lead, Leads.qualificationCompleted());
        }
        api.awaitLead(reactivatedLead, lead -> "Head of purchasing".equals(lead.path("jobTitle").asText()));
        api.awaitLead(disqualifiedLead, Leads.hasStatus("DISQUALIFIED"));

        for (String lead : List.of(qualifiedLead, duplicateLead, noCompanyLead, reactivatedLead, disqualifiedLead)) {
            readModel.add("/api/leads/" + lead);
        }
        readModel.addAll(List.of("/api/leads?q=" + token, "/api/leads?q=" + token + "&status=QUALIFIED",
                "/api/leads?q=" + token + "&size=2&page=1", "/api/accounts?q=" + token, "/api/contacts?q=" + token,
                "/api/accounts/" + directAccount, "/api/contacts/" + directContact));
        for (JsonNode result : List.of(qualified, qualifiedAfterWarning, qualifiedWithoutCompany)) {
            addRecord("/api/accounts/", result.path("accountId"));
            addRecord("/api/contacts/", result.path("contactId"));
            addRecord("/api/opportunities/", result.path("opportunityId"));
        }
        attachments.addAll(List.of("/api/attachments/" + fileNote, "/api/attachments/" + secondFileNote));
        readModel.forEach(api::awaitRecord);
        awaitEveryProjectionAtTheHead(Duration.ofMinutes(1));
    }

    @Test
    void aReplayRebuildsEveryReadModelIdentically() {
        Map<String, JsonNode> before = readModel();
        damageTheReadModel();
        assertThat(readModel()).as("the read model after damaging it").isNotEqualTo(before);

        Reply accepted = api.as(ADA).send(Api.Side.QUERY, "POST", REPLAY, null, null);

        assertThat(accepted.status()).as("%s", accepted).isEqualTo(202);
        awaitEveryProjectionAtTheHead(REPLAY_BOUND);
        Map<String, JsonNode> after = readModel();
        for (String path : before.keySet()) {
            assertThat(after.get(path)).as("answer to %s after the replay", path).isEqualTo(before.get(path));
        }
    }

    @Test
    void onlyAnAdministratorReplaysOrSeesTheProjections() {
        for (var user : List.of(SAM, AUDREY)) {
            assertProblem(api.as(user).send(Api.Side.QUERY, "POST", REPLAY, null, null), 403, "forbidden");
            assertProblem(api.as(user).query(PROJECTIONS), 403, "forbidden");
        }
        assertProblem(api.anonymous().send(Api.Side.QUERY, "POST", REPLAY, null, null), 401, "unauthorized");
    }

    @Test
    void theProjectionsShowTheirPositionAgainstTheHeadOfTheEventStore() {
        Reply projections = api.as(ADA).query(PROJECTIONS);

        assertThat(projections.status()).as("%s", projections).isEqualTo(200);
        List<String> names = new ArrayList<>();
        for (JsonNode projection : projections.json()) {
            names.add(projection.path("name").asText());
            long position = projection.path("position").asLong(-1);
            long head = projection.path("headPosition").asLong(-1);
            assertThat(head).as("%s", projection).isPositive();
            assertThat(position).as("%s", projection).isBetween(0L, head);
            assertThat(projection.path("lag").asLong(-1)).as("%s", projection).isEqualTo(head - position);
            assertThat(projection.path("replaying").isBoolean()).as("%s", projection).isTrue();
        }
        assertThat(names).containsExactly("read-models");
    }

    /**
     * Changes and deletes rows of this test's records in every read table, as only SQL can: a changed row stays
     * changed unless the replay empties the table first (projections never overwrite a row they already have), a
     * deleted row stays missing unless the replay reads the events from the first.
     */
    private void damageTheReadModel() {
        damage("UPDATE lead_view SET status = 'DISQUALIFIED', version = 999 WHERE lead_id = ?", qualifiedLead);
        damage("DELETE FROM lead_note_view WHERE note_id = ?", plainNote);
        damage("UPDATE attachment_view SET content = 'damaged' WHERE note_id = ?", fileNote);
        damage("UPDATE account_view SET details = details || '{\"name\": \"Damaged\"}' WHERE account_id = ?",
                qualified.path("accountId").asText());
        damage("UPDATE contact_view SET details = details || '{\"lastName\": \"Damaged\"}' WHERE contact_id = ?",
                qualifiedWithoutCompany.path("contactId").asText());
        damage("UPDATE opportunity_view SET process_stage = 'QUALIFY' WHERE opportunity_id = ?",
                qualified.path("opportunityId").asText());
        damage("DELETE FROM opportunity_note_view WHERE opportunity_id = ?",
                qualifiedWithoutCompany.path("opportunityId").asText());
    }

    private static void damage(String sql, String id) {
        assertThat(SharedDatabase.update(sql, UUID.fromString(id))).as(sql).isPositive();
    }

    /** Every read-model answer about this test's records: status and JSON, attachments as type and bytes. */
    private Map<String, JsonNode> readModel() {
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        for (String path : readModel) {
            Reply reply = api.as(SAM).query(path);
            answers.put(path, object("status", reply.status(), "body", reply.json()));
        }
        for (String path : attachments) {
            Reply reply = api.as(SAM).query(path);
            answers.put(path, object("status", reply.status(), "contentType", reply.contentType(),
                    "bytes", Base64.getEncoder().encodeToString(reply.body())));
        }
        return answers;
    }

    /** Every processor has read the whole event store and none is replaying. */
    private void awaitEveryProjectionAtTheHead(Duration bound) {
        AtomicReference<Reply> last = new AtomicReference<>();
        try {
            await().atMost(bound).pollInterval(Duration.ofMillis(250)).until(() -> {
                Reply reply = api.as(ADA).query(PROJECTIONS);
                last.set(reply);
                if (reply.status() != 200 || reply.json().isEmpty()) {
                    return false;
                }
                for (JsonNode projection : reply.json()) {
                    if (projection.path("lag").asLong(-1) != 0 || projection.path("replaying").asBoolean(true)) {
                        return false;
                    }
                }
                return true;
            });
        } catch (ConditionTimeoutException timeout) {
            throw new AssertionError("The projections did not reach the head within " + bound + "; last answer: "
                    + last.get(), timeout);
        }
    }

    private ObjectNode lead(String label) {
        return Leads.complete()
                .put("lastName", "Replay-" + label + "-" + token)
                .put("companyName", "Replay " + label + " " + token)
                .put("email", label + "." + token + "@replay.example");
    }

    private static ObjectNode note(String title, String fileName, String mimeType, long seed) {
        byte[] content = new byte[2_000];
        new Random(seed).nextBytes(content);
        return object("title", title, "text", "See the file.", "attachment", object("fileName", fileName,
                "mimeType", mimeType, "contentBase64", Base64.getEncoder().encodeToString(content)));
    }

    private void addRecord(String path, JsonNode id) {
        if (id.isTextual()) {
            readModel.add(path + id.asText());
        }
    }

    private void patch(String leadId, ObjectNode changes) {
        Reply reply = api.as(SAM).patch("/api/leads/" + leadId, changes);
        assertThat(reply.status()).as("%s", reply).isEqualTo(204);
    }

    private void command(String leadId, String action, ObjectNode body) {
        Reply reply = body == null ? api.as(SAM).post("/api/leads/" + leadId + action)
                : api.as(SAM).post("/api/leads/" + leadId + action, body);
        assertThat(reply.status()).as("%s", reply).isEqualTo(204);
    }
}
