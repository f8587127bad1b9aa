package dev.leadqualification.acceptance.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

import static dev.leadqualification.acceptance.support.Json.object;
import static dev.leadqualification.acceptance.support.User.SAM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a salesperson (sam) does through the command API, each step checked to succeed; and the checks that
 * a refused request wrote nothing.
 */
public final class Sales {

    /** Fields that change with every accepted change of a lead (and the one the checks below change). */
    private static final List<String> CHANGING_FIELDS = List.of("description", "version", "modifiedAt", "modifiedBy");

    private final Api api;

    public Sales(Api api) {
        this.api = api;
    }

    /** POST /api/leads: 201 with the lead's id and its Location. */
    public String createLead(ObjectNode lead) {
        return created(api.as(SAM).post("/api/leads", lead), "leadId", "/api/leads/");
    }

    public String createAccount(ObjectNode account) {
        return created(api.as(SAM).post("/api/accounts", account), "accountId", "/api/accounts/");
    }

    public String createContact(ObjectNode contact) {
        return created(api.as(SAM).post("/api/contacts", contact), "contactId", "/api/contacts/");
    }

    /** POST /api/leads/{id}/notes: 201 with the note's id. */
    public String addNote(String leadId, ObjectNode note) {
        Reply reply = api.as(SAM).post("/api/leads/" + leadId + "/notes", note);
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        return reply.json().path("noteId").asText();
    }

    /** POST /api/leads/{id}/qualify: 200 and the lead QUALIFIED; returns the qualify result. */
    public JsonNode qualify(String leadId, ObjectNode options) {
        Reply reply = api.as(SAM).post("/api/leads/" + leadId + "/qualify", options);
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertThat(reply.json().path("leadId").asText()).as("%s", reply).isEqualTo(leadId);
        assertThat(reply.json().path("status").asText()).as("%s", reply).isEqualTo("QUALIFIED");
        return reply.json();
    }

    /**
     * A new complete lead qualified with all three records, once the records exist; returns the qualify result
     * (leadId, accountId, contactId, opportunityId).
     */
    public JsonNode qualifiedWithOpportunity() {
        String leadId = createLead(Leads.complete());
        JsonNode result = qualify(leadId, Leads.allRecords());
        api.awaitLead(leadId, Leads.qualificationCompleted());
        return result;
    }

    /** The open lead as the read side shows it after every change so far (a marker change proves it is current). */
    public JsonNode settledLead(String leadId) {
        return markAndAwait(leadId);
    }

    /**
     * Proves that nothing was written to the open lead since {@code snapshot} ({@link #settledLead}): the next
     * accepted change is the only new version, and every other field is as it was.
     */
    public void assertUnchangedSince(JsonNode snapshot) {
        JsonNode now = markAndAwait(snapshot.path("leadId").asText());
        assertThat(now.path("version").asLong()).as("version after one more change of %s", now)
                .isEqualTo(snapshot.path("version").asLong() + 1);
        assertThat(Json.without(now, CHANGING_FIELDS)).isEqualTo(Json.without(snapshot, CHANGING_FIELDS));
    }

    /**
     * Proves a refused create wrote nothing under {@code leadId}: the query side knows no such lead, and a
     * different lead can still be created with that id (a lead written there would make that a 409).
     */
    public void assertLeadIdFree(String leadId) {
        assertThat(api.as(SAM).query("/api/leads/" + leadId).status()).isEqualTo(404);
        ObjectNode other = Leads.minimal().put("leadId", leadId);
        assertThat(createLead(other)).isEqualTo(leadId);
        api.awaitLead(leadId, lead -> lead.path("lastName").equals(other.get("lastName")));
    }

    private JsonNode markAndAwait(String leadId) {
        String marker = "checked " + Leads.token();
        Reply reply = api.as(SAM).patch("/api/leads/" + leadId, object("description", marker));
        assertThat(reply.status()).as("%s", reply).isEqualTo(204);
        return api.awaitLead(leadId, lead -> marker.equals(lead.path("description").asText()));
    }

    private static String created(Reply reply, String idField, String path) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        String id = reply.json().path(idField).asText();
        assertThat(id).as("%s", reply).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(reply.header("Location")).as("Location of %s", reply).endsWith(path + id);
        return id;
    }
}
