package dev.leadqualification.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadqualification.acceptance.support.Api;
import dev.leadqualification.acceptance.support.Json;
import dev.leadqualification.acceptance.support.Leads;
import dev.leadqualification.acceptance.support.Reply;
import dev.leadqualification.acceptance.support.Sales;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.leadqualification.acceptance.support.Json.assertHasValues;
import static dev.leadqualification.acceptance.support.Json.object;
import static dev.leadqualification.acceptance.support.Problems.TYPE_BASE;
import static dev.leadqualification.acceptance.support.Problems.assertValidation;
import static dev.leadqualification.acceptance.support.User.AUDREY;
import static dev.leadqualification.acceptance.support.User.SAM;
import static org.assertj.core.api.Assertions.assertThat;

/** POST /api/leads/qualify: every lead gets its own outcome; one lead's refusal never stops the others. */
class QualifyingLeadsInBulkIT {

    private final Api api = Api.shared();
    private final Sales sales = new Sales(api);

    @Test
    void eachLeadGetsItsOwnOutcomeAndARefusalStopsNoOther() {
        String open = sales.createLead(Leads.complete());
        String alreadyQualified = sales.createLead(Leads.complete());
        sales.qualify(alreadyQualified, Leads.allRecords());
        String unknown = UUID.randomUUID().toString();

        Reply reply = qualifyAll(List.of(open, alreadyQualified, unknown));

        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        Map<String, JsonNode> outcomes = new HashMap<>();
        reply.json().path("results").forEach(result -> outcomes.put(result.path("leadId").asText(), result));
        assertThat(outcomes).as("%s", reply).containsOnlyKeys(open, alreadyQualified, unknown);
        assertHasValues(outcomes.get(open), object("outcome", "QUALIFIED", "processStage", "DEVELOP"));
        assertThat(outcomes.get(open).path("opportunityId").asText(null)).isNotNull();
        assertHasValues(outcomes.get(alreadyQualified), object("outcome", "REJECTED",
                "problem", object("type", TYPE_BASE + "lead-closed", "status", 409)));
        assertHasValues(outcomes.get(unknown), object("outcome", "REJECTED",
                "problem", object("type", TYPE_BASE + "not-found", "status", 404)));

        JsonNode qualified = api.awaitLead(open, Leads.qualificationCompleted());
        assertThat(qualified.path("qualification").path("opportunityId"))
                .isEqualTo(outcomes.get(open).path("opportunityId"));
    }

    @Test
    void everyLeadOfABulkRecordsWhoAskedAndTheRequestsCorrelationId() {
        List<String> leadIds = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            leadIds.add(sales.createLead(Leads.complete()));
        }
        String correlationId = "bulk-" + UUID.randomUUID();
        ObjectNode request = Leads.allRecords();
        request.set("leadIds", Json.MAPPER.valueToTree(leadIds));

        Reply reply = api.as(SAM).withHeader("X-Correlation-Id", correlationId).post("/api/leads/qualify", request);

        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        for (String leadId : leadIds) {
            api.awaitLead(leadId, Leads.qualificationCompleted());
            JsonNode qualified = historyEntry(leadId, "LeadQualified");
            assertHasValues(qualified, object("actor", SAM.username(), "correlationId", correlationId));
        }
    }

    @Test
    void anEmptyListOfLeadsIsRefused() {
        assertValidation(qualifyAll(List.of()), "leadIds");
    }

    @Test
    void moreThanAThousandLeadsAreRefusedAndNoneIsQualified() {
        String open = sales.createLead(Leads.complete());
        JsonNode before = sales.settledLead(open);
        List<String> leadIds = new ArrayList<>(List.of(open));
        while (leadIds.size() <= 1_000) {
            leadIds.add(UUID.randomUUID().toString());
        }

        assertValidation(qualifyAll(leadIds), "leadIds");

        sales.assertUnchangedSince(before);
    }

    private JsonNode historyEntry(String leadId, String type) {
        Reply history = api.as(AUDREY).query("/api/leads/" + leadId + "/history");
        assertThat(history.status()).as("%s", history).isEqualTo(200);
        for (JsonNode entry : history.json()) {
            if (type.equals(entry.path("type").asText())) {
                return entry;
            }
        }
        throw new AssertionError("no " + type + " in " + history);
    }

    private Reply qualifyAll(List<String> leadIds) {
        ObjectNode request = Leads.allRecords();
        request.set("leadIds", Json.MAPPER.valueToTree(leadIds));
        return api.as(SAM).post("/api/leads/qualify", request);
    }
}
