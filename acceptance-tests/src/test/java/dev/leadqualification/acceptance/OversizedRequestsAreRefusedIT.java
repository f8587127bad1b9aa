package dev.leadqualification.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadqualification.acceptance.support.Api;
import dev.leadqualification.acceptance.support.Leads;
import dev.leadqualification.acceptance.support.Reply;
import dev.leadqualification.acceptance.support.Sales;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.UUID;

import static dev.leadqualification.acceptance.support.Json.object;
import static dev.leadqualification.acceptance.support.Problems.assertProblem;
import static dev.leadqualification.acceptance.support.User.SAM;
import static org.assertj.core.api.Assertions.assertThat;

/** 413 payload-too-large: an attachment over 5 MiB decoded, or a body over the resource's limit; nothing is written. */
class OversizedRequestsAreRefusedIT {

    private static final int FIVE_MIB = 5 * 1024 * 1024;

    private final Api api = Api.shared();
    private final Sales sales = new Sales(api);

    @Test
    void anAttachmentOverFiveMebibytesIsRefusedAndNoNoteIsAdded() {
        String leadId = sales.createLead(Leads.complete());
        JsonNode before = sales.settledLead(leadId);

        Reply refused = api.as(SAM).post("/api/leads/" + leadId + "/notes", noteWithAttachmentOf(FIVE_MIB + 1));

        assertProblem(refused, 413, "payload-too-large");
        sales.assertUnchangedSince(before);
    }

    @Test
    void anAttachmentOfExactlyFiveMebibytesIsAccepted() {
        String leadId = sales.createLead(Leads.complete());

        String noteId = sales.addNote(leadId, noteWithAttachmentOf(FIVE_MIB));

        JsonNode lead = api.awaitLead(leadId, withNote -> withNote.path("notes").size() == 1);
        assertThat(lead.path("notes").get(0).path("noteId").asText()).isEqualTo(noteId);
        assertThat(lead.path("notes").get(0).path("attachment").path("size").asInt()).isEqualTo(FIVE_MIB);
    }

    @Test
    void aBodyOverTheLimitIsRefusedAndNothingIsWritten() {
        String leadId = UUID.randomUUID().toString();
        ObjectNode lead = Leads.minimal().put("leadId", leadId).put("description", "x".repeat(1_100_000));

        assertProblem(api.as(SAM).post("/api/leads", lead), 413, "payload-too-large");

        sales.assertLeadIdFree(leadId);
    }

    private static ObjectNode noteWithAttachmentOf(int bytes) {
        return object("title", "Floor plan", "attachment", object("fileName", "floor-plan.png",
                "mimeType", "image/png", "contentBase64", Base64.getEncoder().encodeToString(new byte[bytes])));
    }
}
