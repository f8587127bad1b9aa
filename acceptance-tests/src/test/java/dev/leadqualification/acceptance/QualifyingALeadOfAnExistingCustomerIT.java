package dev.leadqualification.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadqualification.acceptance.support.Api;
import dev.leadqualification.acceptance.support.Leads;
import dev.leadqualification.acceptance.support.Sales;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.leadqualification.acceptance.support.Json.assertHasValues;
import static dev.leadqualification.acceptance.support.Json.object;
import static org.assertj.core.api.Assertions.assertThat;

/** Qualify rule 3: a lead from a known customer links the existing account and contact instead of new ones. */
class QualifyingALeadOfAnExistingCustomerIT {

    private final Api api = Api.shared();
    private final Sales sales = new Sales(api);

    @Test
    void theExistingAccountAndContactAreLinkedAndTheOpportunitySellsToTheAccount() {
        String token = Leads.token();
        String company = "Fabrikam " + token;
        String accountId = sales.createAccount(object("name", company, "email", "office@" + token + ".example"));
        String contactId = sales.createContact(object("firstName", "Ivan", "lastName", "Known-" + token,
                "email", "ivan@" + token + ".example", "parentAccountId", accountId));
        ObjectNode lead = Leads.complete()
                .put("companyName", company)
                .put("lastName", "Buyer-" + token)
                .put("email", "buyer@" + token + ".example")
                .put("existingAccountId", accountId)
                .put("existingContactId", contactId);
        String leadId = sales.createLead(lead);

        JsonNode result = sales.qualify(leadId, Leads.allRecords());

        assertThat(result.path("accountId").asText(null)).as("no new account").isNull();
        assertThat(result.path("contactId").asText(null)).as("no new contact").isNull();
        assertHasValues(result, object(
                "linkedAccountId", accountId,
                "linkedContactId", contactId,
                "skipped", List.of(object("record", "ACCOUNT", "reason", "EXISTING_RECORD_LINKED"),
                        object("record", "CONTACT", "reason", "EXISTING_RECORD_LINKED")),
                "processStage", "DEVELOP"));
        String opportunityId = result.path("opportunityId").asText();

        JsonNode opportunity = api.awaitRecord("/api/opportunities/" + opportunityId);
        assertHasValues(opportunity, object(
                "customer", object("type", "ACCOUNT", "id", accountId),
                "accountId", accountId,
                "contactId", contactId,
                "originatingLeadId", leadId));
        JsonNode qualified = api.awaitLead(leadId, Leads.qualificationCompleted());
        assertThat(qualified.path("qualification").path("accountId").asText(null)).isNull();
        assertThat(qualified.path("qualification").path("contactId").asText(null)).isNull();
        assertThat(api.awaitFound("/api/accounts?q=" + token)).as("accounts of this customer").isEqualTo(1);
        assertThat(api.awaitFound("/api/contacts?q=" + token)).as("contacts of this customer").isEqualTo(1);
    }
}
