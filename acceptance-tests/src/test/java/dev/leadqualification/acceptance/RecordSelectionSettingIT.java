package dev.leadqualification.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadqualification.acceptance.support.Api;
import dev.leadqualification.acceptance.support.Leads;
import dev.leadqualification.acceptance.support.Reply;
import dev.leadqualification.acceptance.support.Sales;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.leadqualification.acceptance.support.Json.assertHasValues;
import static dev.leadqualification.acceptance.support.Json.object;
import static dev.leadqualification.acceptance.support.Problems.assertProblem;
import static dev.leadqualification.acceptance.support.User.ADA;
import static dev.leadqualification.acceptance.support.User.SAM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Qualify rule 2: the salesperson's create flags choose the records; without any, the organisation's
 * setting {@code createRecordsByDefault} creates all three or asks (422 record-selection-required).
 * Each test puts the setting back as it found it, since every test class shares the database.
 */
class RecordSelectionSettingIT {

    private static final String SETTINGS = "/api/settings/lead-qualification";

    private final Api api = Api.shared();
    private final Sales sales = new Sales(api);
    private JsonNode settingsBefore;

    @BeforeEach
    void rememberTheSettings() {
        Reply settings = api.as(ADA).get(SETTINGS);
        assertThat(settings.status()).as("%s", settings).isEqualTo(200);
        settingsBefore = settings.json();
    }

    @AfterEach
    void restoreTheSettings() {
        Reply restored = api.as(ADA).put(SETTINGS, settingsBefore);
        assertThat(restored.status()).as("%s", restored).isEqualTo(204);
    }

    @Test
    void byDefaultAQualifyWithoutChoicesCreatesAllThreeRecords() {
        createRecordsByDefault(true);
        String leadId = sales.createLead(Leads.complete());

        JsonNode result = sales.qualify(leadId, object());

        assertThat(result.path("accountId").asText(null)).isNotNull();
        assertThat(result.path("contactId").asText(null)).isNotNull();
        assertThat(result.path("opportunityId").asText(null)).isNotNull();
        assertThat(result.path("processStage").asText()).isEqualTo("DEVELOP");
    }

    @Test
    void withoutTheDefaultAQualifyWithoutChoicesAsksWhichRecordsAndLeavesTheLeadOpen() {
        createRecordsByDefault(false);
        String leadId = sales.createLead(Leads.complete());
        JsonNode before = sales.settledLead(leadId);

        Reply asked = api.as(SAM).post("/api/leads/" + leadId + "/qualify", object());

        JsonNode problem = assertProblem(asked, 422, "record-selection-required");
        assertThat(problem.path("choices")).extracting(JsonNode::asText)
                .containsExactly("ACCOUNT", "CONTACT", "OPPORTUNITY");
        assertThat(before.path("status").asText()).isEqualTo("OPEN");
        sales.assertUnchangedSince(before);
    }

    @Test
    void withoutTheDefaultOnlyTheChosenRecordsAreCreated() {
        createRecordsByDefault(false);
        String leadId = sales.createLead(Leads.complete());

        JsonNode result = sales.qualify(leadId, object("createAccount", true, "createOpportunity", true));

        assertThat(result.path("contactId").asText(null)).as("no contact was chosen").isNull();
        String accountId = result.path("accountId").asText();
        String opportunityId = result.path("opportunityId").asText();
        JsonNode lead = api.awaitLead(leadId, Leads.qualificationCompleted());
        assertThat(lead.path("qualification").path("contactId").asText(null)).isNull();
        JsonNode opportunity = api.awaitRecord("/api/opportunities/" + opportunityId);
        assertHasValues(opportunity, object("customer", object("type", "ACCOUNT", "id", accountId),
                "accountId", accountId, "contactId", null, "originatingLeadId", leadId));
    }

    private void createRecordsByDefault(boolean value) {
        Reply changed = api.as(ADA).put(SETTINGS, object("createRecordsByDefault", value));
        assertThat(changed.status()).as("%s", changed).isEqualTo(204);
        Reply settings = api.as(ADA).get(SETTINGS);
        assertThat(settings.json().path("createRecordsByDefault").asBoolean()).as("%s", settings).isEqualTo(value);
    }
}
