package dev.leadqualification.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadqualification.acceptance.support.Api;
import dev.leadqualification.acceptance.support.Leads;
import dev.leadqualification.acceptance.support.RunningServices;
import dev.leadqualification.acceptance.support.Sales;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.leadqualification.acceptance.support.Json.object;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Everything is stored: after both services restart, what was qualified reads the same and qualifying goes on.
 * Runs its own services, so the restart disturbs no other test.
 */
class QualificationsSurviveARestartIT {

    private static RunningServices services;
    private static Api api;
    private static Sales sales;

    @BeforeAll
    static void ownServices() {
        services = RunningServices.startOwn("restart");
        api = Api.on(services);
        sales = new Sales(api);
    }

    @AfterAll
    static void stopThem() {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void aQualifiedLeadAndItsRecordsReadTheSameAfterARestartAndQualifyingGoesOn() {
        String leadId = sales.createLead(Leads.complete());
        sales.addNote(leadId, object("title", "First call", "text", "Wants a demo."));
        JsonNode result = sales.qualify(leadId, Leads.allRecords());
        List<String> records = List.of("/api/leads/" + leadId,
                "/api/accounts/" + result.path("accountId").asText(),
                "/api/contacts/" + result.path("contactId").asText(),
                "/api/opportunities/" + result.path("opportunityId").asText());
        api.awaitLead(leadId, Leads.qualificationCompleted());
        api.awaitRecord(records.get(3), opportunity -> opportunity.path("notes").size() == 1);
        List<JsonNode> before = records.stream().map(api::awaitRecord).toList();

        services.restart();

        assertThat(records.stream().map(api::awaitRecord).toList()).isEqualTo(before);
        String next = sales.createLead(Leads.complete());
        JsonNode nextResult = sales.qualify(next, Leads.allRecords());
        api.awaitLead(next, Leads.qualificationCompleted());
        api.awaitRecord("/api/opportunities/" + nextResult.path("opportunityId").asText());
    }
}
