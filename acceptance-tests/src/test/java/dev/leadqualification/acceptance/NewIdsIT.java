package dev.leadqualification.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadqualification.acceptance.support.Api;
import dev.leadqualification.acceptance.support.Leads;
import dev.leadqualification.acceptance.support.Sales;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static dev.leadqualification.acceptance.support.Json.object;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ids the service chooses are version-7 UUIDs, in the order they were given: new rows land at the end of the
 * indexes that hold them (docs/decisions.md, "New ids"). A client-chosen id is kept as it is.
 */
class NewIdsIT {

    private final Api api = Api.shared();
    private final Sales sales = new Sales(api);

    @Test
    void recordsCreatedWithoutAnIdGetTimeOrderedIds() {
        String first = sales.createLead(Leads.complete());
        String second = sales.createLead(Leads.complete());
        String note = sales.addNote(second, object("text", "Asked for a quote"));

        assertThat(List.of(first, second, note)).allMatch(NewIdsIT::isVersion7).isSorted();
    }

    @Test
    void theRecordsAQualificationCreatesGetTimeOrderedIds() {
        String leadId = sales.createLead(Leads.complete());

        JsonNode result = sales.qualify(leadId, Leads.allRecords());

        assertThat(List.of(result.path("accountId").asText(), result.path("contactId").asText(),
                result.path("opportunityId").asText())).allMatch(NewIdsIT::isVersion7);
    }

    @Test
    void aClientChosenIdIsKeptAsItIs() {
        String chosen = UUID.nameUUIDFromBytes(Leads.token().getBytes()).toString();

        assertThat(sales.createLead(Leads.complete().put("leadId", chosen))).isEqualTo(chosen);
    }

    private static boolean isVersion7(String id) {
        return UUID.fromString(id).version() == 7;
    }
}
