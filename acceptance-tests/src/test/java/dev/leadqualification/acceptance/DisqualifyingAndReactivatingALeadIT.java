package dev.leadqualification.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadqualification.acceptance.support.Api;
import dev.leadqualification.acceptance.support.Leads;
import dev.leadqualification.acceptance.support.Reply;
import dev.leadqualification.acceptance.support.Sales;
import org.junit.jupiter.api.Test;

import static dev.leadqualification.acceptance.support.Json.object;
import static dev.leadqualification.acceptance.support.Problems.assertProblem;
import static dev.leadqualification.acceptance.support.User.SAM;
import static org.assertj.core.api.Assertions.assertThat;

/** A lead's life cycle besides qualifying: disqualify with a reason, reactivate, and the refusals between. */
class DisqualifyingAndReactivatingALeadIT {

    private final Api api = Api.shared();
    private final Sales sales = new Sales(api);

    @Test
    void disqualifyingClosesTheLeadWithTheReason() {
        String leadId = sales.createLead(Leads.complete());

        assertThat(disqualify(leadId).status()).isEqualTo(204);

        JsonNode lead = api.awaitLead(leadId, Leads.hasStatus("DISQUALIFIED"));
        assertThat(lead.path("statusReason").asText()).isEqualTo("CANNOT_CONTACT");
    }

    @Test
    void aClosedLeadCannotBeDisqualifiedOrQualifiedAgain() {
        String leadId = sales.createLead(Leads.complete());
        assertThat(disqualify(leadId).status()).isEqualTo(204);

        assertProblem(disqualify(leadId), 409, "lead-closed");
        assertProblem(api.as(SAM).post("/api/leads/" + leadId + "/qualify", Leads.allRecords()), 409, "lead-closed");
    }

    @Test
    void reactivatingReopensAClosedLead() {
        String leadId = sales.createLead(Leads.complete());
        assertThat(disqualify(leadId).status()).isEqualTo(204);
        api.awaitLead(leadId, Leads.hasStatus("DISQUALIFIED"));

        assertThat(reactivate(leadId).status()).isEqualTo(204);

        api.awaitLead(leadId, Leads.hasStatus("OPEN"));
    }

    @Test
    void anOpenLeadCannotBeReactivated() {
        String leadId = sales.createLead(Leads.complete());

        assertProblem(reactivate(leadId), 409, "lead-open");
    }

    @Test
    void aLeadWhoseOpportunityIsOpenCannotBeDisqualifiedEvenAfterReactivation() {
        String leadId = sales.createLead(Leads.complete());
        String opportunityId = sales.qualify(leadId, Leads.allRecords()).path("opportunityId").asText();
        assertThat(reactivate(leadId).status()).isEqualTo(204);

        JsonNode refused = assertProblem(disqualify(leadId), 409, "lead-has-opportunity");
        assertThat(refused.path("opportunityIds").get(0).asText()).isEqualTo(opportunityId);

        api.awaitLead(leadId, Leads.hasStatus("OPEN"));
        api.awaitRecord("/api/opportunities/" + opportunityId);
    }

    @Test
    void aClosedLeadCannotBeChanged() {
        String leadId = sales.createLead(Leads.complete());
        assertThat(disqualify(leadId).status()).isEqualTo(204);
        JsonNode closed = api.awaitLead(leadId, Leads.hasStatus("DISQUALIFIED"));

        assertProblem(api.as(SAM).patch("/api/leads/" + leadId, object("jobTitle", "Chief buyer")), 409, "lead-closed");

        assertThat(reactivate(leadId).status()).isEqualTo(204);
        JsonNode reopened = api.awaitLead(leadId, Leads.hasStatus("OPEN"));
        assertThat(reopened.path("version").asLong()).as("only the reactivation was written")
                .isEqualTo(closed.path("version").asLong() + 1);
        assertThat(reopened.path("jobTitle")).isEqualTo(closed.path("jobTitle"));
    }

    private Reply disqualify(String leadId) {
        return api.as(SAM).post("/api/leads/" + leadId + "/disqualify",
                object("reason", "CANNOT_CONTACT", "description", "No answer to five calls."));
    }

    private Reply reactivate(String leadId) {
        return api.as(SAM).post("/api/leads/" + leadId + "/reactivate");
    }
}
