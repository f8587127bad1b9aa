package dev.leadqualification.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadqualification.acceptance.support.Api;
import dev.leadqualification.acceptance.support.Leads;
import dev.leadqualification.acceptance.support.Problems;
import dev.leadqualification.acceptance.support.Sales;
import org.junit.jupiter.api.Test;

import static dev.leadqualification.acceptance.support.User.SAM;
import static org.assertj.core.api.Assertions.assertThat;

/** The qualify option {@code opportunityCurrency}: the opportunity's currency; amounts are never converted. */
class OpportunityCurrencyIT {

    private final Api api = Api.shared();
    private final Sales sales = new Sales(api);

    @Test
    void theChosenCurrencyIsTheOpportunitysWhenItIsTheLeadsOwn() {
        String leadId = sales.createLead(Leads.complete());
        JsonNode result = sales.qualify(leadId, Leads.allRecords().put("opportunityCurrency", "EUR"));

        JsonNode opportunity = api.awaitRecord("/api/opportunities/" + result.path("opportunityId").asText());
        assertThat(opportunity.path("currency").asText()).isEqualTo("EUR");
    }

    @Test
    void aCurrencyOtherThanTheEstimatedValuesIsRefusedAndTheLeadStaysOpen() {
        String leadId = sales.createLead(Leads.complete());
        JsonNode before = sales.settledLead(leadId);
        ObjectNode inDollars = Leads.allRecords().put("opportunityCurrency", "USD");

        Problems.assertValidation(api.as(SAM).post("/api/leads/" + leadId + "/qualify", inDollars),
                "opportunityCurrency");
        Problems.assertValidation(api.as(SAM).post("/api/leads/" + leadId + "/qualify",
                Leads.allRecords().put("opportunityCurrency", "XYZ")), "opportunityCurrency");
        sales.assertUnchangedSince(before);
    }
}
