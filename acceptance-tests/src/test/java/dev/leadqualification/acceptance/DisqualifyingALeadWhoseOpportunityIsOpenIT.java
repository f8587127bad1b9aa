package dev.leadqualification.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadqualification.acceptance.support.Api;
import dev.leadqualification.acceptance.support.Leads;
import dev.leadqualification.acceptance.support.Reply;
import dev.leadqualification.acceptance.support.RunningServices;
import dev.leadqualification.acceptance.support.Sales;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.leadqualification.acceptance.support.Json.object;
import static dev.leadqualification.acceptance.support.Problems.assertProblem;
import static dev.leadqualification.acceptance.support.User.SAM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The disqualify rule of API.md's "Opportunities after qualification": 409 {@code lead-has-opportunity} only while an
 * opportunity that came from the lead is open. The lead's command is sent to one command-side instance and the
 * opportunity's close and reopen to another, so the rule can only hold if it is decided on the opportunity as stored.
 */
class DisqualifyingALeadWhoseOpportunityIsOpenIT {

    private static RunningServices services;
    private static Api first;
    private static Api second;

    @BeforeAll
    static void twoCommandSides() {
        services = RunningServices.startOwn("opportunity-rules");
        String secondCommandSide = services.startAnotherCommandSide();
        first = Api.on(services);
        second = first.viaCommandSide(secondCommandSide);
    }

    @AfterAll
    static void stop() {
        services.close();
    }

    private static Reply disqualify(String leadId) {
        return first.as(SAM).post("/api/leads/" + leadId + "/disqualify",
                object("reason", "NO_LONGER_INTERESTED", "description", "Bought elsewhere"));
    }

    private static Reply onSecond(String opportunityId, String action, Object body) {
        String path = "/api/opportunities/" + opportunityId + "/" + action;
        return body == null ? second.as(SAM).post(path) : second.as(SAM).post(path, body);
    }

    /** A lead qualified with an opportunity, reactivated: open again, with its opportunity open. */
    private static JsonNode reactivatedWithOpenOpportunity() {
        JsonNode qualified = new Sales(first).qualifiedWithOpportunity();
        Reply reactivated = first.as(SAM).post("/api/leads/" + qualified.path("leadId").asText() + "/reactivate");
        assertThat(reactivated.status()).as("%s", reactivated).isEqualTo(204);
        return qualified;
    }

    @Test
    void refusedWhileTheOpportunityIsOpenThenAllowedOnceItIsClosedOnTheOtherInstance() {
        JsonNode qualified = reactivatedWithOpenOpportunity();
        String leadId = qualified.path("leadId").asText();
        String opportunityId = qualified.path("opportunityId").asText();

        JsonNode refused = assertProblem(disqualify(leadId), 409, "lead-has-opportunity");
        assertThat(refused.path("detail").asText()).contains("Close the opportunity first");
        assertThat(refused.path("opportunityIds").get(0).asText()).isEqualTo(opportunityId);

        assertThat(onSecond(opportunityId, "close", object("outcome", "LOST", "reason", "Went quiet")).status())
                .isEqualTo(204);
        Reply disqualified = disqualify(leadId);

        assertThat(disqualified.status()).as("%s", disqualified).isEqualTo(204);
        first.awaitLead(leadId, Leads.hasStatus("DISQUALIFIED"));
    }

    @Test
    void theCloseReopenCycleOnTheOtherInstanceTurnsTheRuleOffAndOnAgain() {
        JsonNode qualified = reactivatedWithOpenOpportunity();
        String leadId = qualified.path("leadId").asText();
        String opportunityId = qualified.path("opportunityId").asText();

        assertThat(onSecond(opportunityId, "close", object("outcome", "WON")).status()).isEqualTo(204);
        assertThat(onSecond(opportunityId, "reopen", null).status()).isEqualTo(204);
        assertProblem(disqualify(leadId), 409, "lead-has-opportunity");

        assertThat(onSecond(opportunityId, "close", object("outcome", "WON")).status()).isEqualTo(204);
        assertThat(disqualify(leadId).status()).isEqualTo(204);

        Reply reopened = onSecond(opportunityId, "reopen", null);
        assertThat(reopened.status()).as("a deal may reopen whatever became of its lead: %s", reopened).isEqualTo(204);
        JsonNode lead = first.awaitLead(leadId, Leads.hasStatus("DISQUALIFIED"));
        assertThat(lead.path("statusReason").asText()).isEqualTo("NO_LONGER_INTERESTED");
        first.awaitRecord("/api/opportunities/" + opportunityId,
                opportunity -> opportunity.path("status").asText().equals("OPEN"));
    }
}
