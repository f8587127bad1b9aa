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

/** Qualify rule 3: without a company name there is no account; the opportunity then sells to the contact. */
class QualifyingALeadWithoutACompanyIT {

    private final Api api = Api.shared();
    private final Sales sales = new Sales(api);

    @Test
    void theAccountIsSkippedAndTheContactIsTheCustomer() {
        ObjectNode lead = Leads.complete();
        lead.remove("companyName");
        String leadId = sales.createLead(lead);

        JsonNode result = sales.qualify(leadId, Leads.allRecords());

        assertThat(result.path("accountId").asText(null)).isNull();
        assertHasValues(result, object(
                "skipped", List.of(object("record", "ACCOUNT", "reason", "NO_COMPANY_NAME")),
                "processStage", "DEVELOP"));
        String contactId = result.path("contactId").asText();
        JsonNode opportunity = api.awaitRecord("/api/opportunities/" + result.path("opportunityId").asText());
        assertHasValues(opportunity, object(
                "customer", object("type", "CONTACT", "id", contactId),
                "accountId", null,
                "contactId", contactId));
        JsonNode contact = api.awaitRecord("/api/contacts/" + contactId);
        assertHasValues(contact, object("lastName", lead.get("lastName"), "parentAccountId", null,
                "originatingLeadId", leadId));
    }
}
