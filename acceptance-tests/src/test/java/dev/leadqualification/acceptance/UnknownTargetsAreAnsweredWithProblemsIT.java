package dev.leadqualification.acceptance;

import dev.leadqualification.acceptance.support.Api;
import dev.leadqualification.acceptance.support.Leads;
import dev.leadqualification.acceptance.support.Sales;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static dev.leadqualification.acceptance.support.Api.Side.COMMAND;
import static dev.leadqualification.acceptance.support.Json.object;
import static dev.leadqualification.acceptance.support.Problems.assertProblem;
import static dev.leadqualification.acceptance.support.User.SAM;

/** Unknown ids, unknown paths and methods a resource does not take are answered as problems. */
class UnknownTargetsAreAnsweredWithProblemsIT {

    private final Api api = Api.shared();
    private final Sales sales = new Sales(api);

    @Test
    void commandsAboutAnUnknownLeadAreNotFoundAndCreateNothing() {
        String leadId = UUID.randomUUID().toString();
        String lead = "/api/leads/" + leadId;

        assertProblem(api.as(SAM).patch(lead, object("jobTitle", "Buyer")), 404, "not-found");
        assertProblem(api.as(SAM).put(lead + "/qualification-details", Leads.qualificationDetails()), 404, "not-found");
        assertProblem(api.as(SAM).post(lead + "/notes", object("text", "Called")), 404, "not-found");
        assertProblem(api.as(SAM).post(lead + "/qualify", Leads.allRecords()), 404, "not-found");
        assertProblem(api.as(SAM).post(lead + "/disqualify", object("reason", "LOST")), 404, "not-found");
        assertProblem(api.as(SAM).post(lead + "/reactivate"), 404, "not-found");
        assertProblem(api.as(SAM).query(lead), 404, "not-found");

        sales.assertLeadIdFree(leadId);
    }

    @Test
    void anUnknownPathIsNotFoundOnBothSides() {
        assertProblem(api.as(SAM).get("/api/no-such-resource"), 404);
        assertProblem(api.as(SAM).query("/api/no-such-resource"), 404);
    }

    @Test
    void aMethodTheResourceDoesNotTakeIsNotAllowed() {
        String leadId = sales.createLead(Leads.minimal());

        assertProblem(api.as(SAM).send(COMMAND, "DELETE", "/api/leads/" + leadId, null, null), 405);

        api.awaitLead(leadId, Leads.hasStatus("OPEN"));
    }
}
