package dev.leadqualification.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadqualification.acceptance.support.Api;
import dev.leadqualification.acceptance.support.Leads;
import dev.leadqualification.acceptance.support.Reply;
import dev.leadqualification.acceptance.support.Sales;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Base64;
import java.util.List;
import java.util.Random;

import static dev.leadqualification.acceptance.support.Json.assertHasValues;
import static dev.leadqualification.acceptance.support.Json.object;
import static dev.leadqualification.acceptance.support.User.SAM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main path: a lead worked through the Qualify stage (all fields, qualification details, a note with an
 * attachment) is qualified; the lead closes and the account, contact and opportunity follow, mapped from it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QualifyingALeadCreatesAccountContactAndOpportunityIT {

    private final Api api = Api.shared();
    private final Sales sales = new Sales(api);
    private final ObjectNode lead = Leads.complete();
    private final ObjectNode qualificationDetails = Leads.qualificationDetails();
    private final byte[] attachment = new byte[3_000];
    private final ObjectNode note = object("title", "Call with Nadia", "text", "Needs 120 chairs by March.");

    private String leadId;
    private String noteId;
    private JsonNode result;

    @BeforeAll
    void qualifyAWorkedLead() {
        new Random(7).nextBytes(attachment);
        note.set("attachment", object("fileName", "requirements.pdf", "mimeType", "application/pdf",
                "contentBase64", Base64.getEncoder().encodeToString(attachment)));

        leadId = sales.createLead(lead);
        Reply details = api.as(SAM).put("/api/leads/" + leadId + "/qualification-details", qualificationDetails);
        assertThat(details.status()).as("%s", details).isEqualTo(204);
        noteId = sales.addNote(leadId, note);
        result = sales.qualify(leadId, Leads.allRecords());
    }

    @Test
    void theAnswerNamesTheNewRecordsAndMovesTheProcessToDevelop() {
        assertThat(List.of(result.path("accountId").asText(), result.path("contactId").asText(),
                result.path("opportunityId").asText()))
                .allMatch(id -> id.matches("[0-9a-f-]{36}"))
                .doesNotHaveDuplicates();
        assertThat(result.path("processStage").asText()).isEqualTo("DEVELOP");
        assertThat(result.path("skipped")).isEmpty();
        assertThat(result.path("linkedAccountId").asText(null)).isNull();
        assertThat(result.path("linkedContactId").asText(null)).isNull();
    }

    @Test
    void theLeadIsClosedAsQualifiedBySam() {
        JsonNode qualified = api.awaitLead(leadId, Leads.qualificationCompleted());

        assertHasValues(qualified, lead);
        assertHasValues(qualified, qualificationDetails);
        assertHasValues(qualified, object(
                "leadId", leadId,
                "fullName", "Nadia " + lead.get("lastName").asText(),
                "status", "QUALIFIED",
                "statusReason", "QUALIFIED",
                "processStage", "DEVELOP",
                "createdBy", SAM.username(),
                "qualification", object(
                        "qualifiedBy", SAM.username(),
                        "accountId", result.get("accountId"),
                        "contactId", result.get("contactId"),
                        "opportunityId", result.get("opportunityId"),
                        "completed", true)));
        assertThat(qualified.path("qualification").path("qualifiedAt").asText()).isNotBlank();
        assertThat(qualified.path("qualification").path("completedAt").asText()).isNotBlank();
    }

    @Test
    void anAccountIsCreatedFromTheCompany() {
        JsonNode account = api.awaitRecord("/api/accounts/" + result.path("accountId").asText());

        assertHasValues(account, fromLead("name <- companyName", "email", "phone <- businessPhone", "website", "address"));
        assertThat(account.path("originatingLeadId").asText()).isEqualTo(leadId);
    }

    @Test
    void aContactIsCreatedFromThePersonUnderTheNewAccount() {
        JsonNode contact = api.awaitRecord("/api/contacts/" + result.path("contactId").asText());

        assertHasValues(contact, fromLead("firstName", "lastName", "jobTitle", "email", "businessPhone", "mobilePhone",
                "address"));
        assertHasValues(contact, object(
                "fullName", "Nadia " + lead.get("lastName").asText(),
                "parentAccountId", result.get("accountId"),
                "originatingLeadId", leadId));
    }

    @Test
    void anOpportunityCarriesTheTopicTheQualificationAndTheNotes() {
        JsonNode opportunity = api.awaitRecord("/api/opportunities/" + result.path("opportunityId").asText(),
                withNotes -> withNotes.path("notes").size() == 1);

        assertHasValues(opportunity, qualificationDetails);
        assertHasValues(opportunity, fromLead("name <- topic", "estimatedValue", "estimatedCloseDate", "description"));
        assertHasValues(opportunity, object(
                "customer", object("type", "ACCOUNT", "id", result.get("accountId")),
                "accountId", result.get("accountId"),
                "contactId", result.get("contactId"),
                "originatingLeadId", leadId,
                "processStage", "DEVELOP",
                "notes", List.of(object(
                        "noteId", noteId,
                        "title", note.get("title"),
                        "text", note.get("text"),
                        "fromLeadId", leadId,
                        "attachment", object("fileName", "requirements.pdf", "mimeType", "application/pdf",
                                "size", attachment.length)))));
    }

    @Test
    void theNoteAttachmentIsServedWithItsBytesAndContentType() {
        Reply file = api.awaitAnswer("/api/attachments/" + noteId, answer -> answer.status() != 404);

        assertThat(file.status()).as("%s", file).isEqualTo(200);
        assertThat(file.contentType()).as("%s", file).isEqualTo("application/pdf");
        assertThat(file.body()).isEqualTo(attachment);
    }

    /** The lead's values under a record's field names: "phone <- businessPhone", or "email" for the same name. */
    private ObjectNode fromLead(String... mappings) {
        ObjectNode expected = object();
        for (String mapping : mappings) {
            String[] targetAndSource = mapping.split(" <- ");
            expected.set(targetAndSource[0], lead.get(targetAndSource[targetAndSource.length - 1]));
        }
        return expected;
    }
}
