package dev.leadqualification.query.history;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadqualification.kernel.common.Money;
import dev.leadqualification.kernel.common.ProcessStage;
import dev.leadqualification.kernel.opportunity.OpportunityClosed;
import dev.leadqualification.kernel.opportunity.OpportunityCreated;
import dev.leadqualification.kernel.opportunity.OpportunityDetails;
import dev.leadqualification.kernel.opportunity.OpportunityOutcome;
import dev.leadqualification.kernel.opportunity.OpportunityReopened;
import dev.leadqualification.query.QuerySideTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** An opportunity's history and past states, by the same machinery as a lead's. */
class OpportunityHistoryAndAsOfTest extends QuerySideTest {

    private static final String OPPORTUNITY = "Opportunity";

    @Test
    void historyListsEveryEventForAuditorsAndAsOfRebuildsThePastStatus() {
        String opportunityId = newId();
        Money value = new Money(new BigDecimal("700.00"), "EUR");
        Instant created = append(OPPORTUNITY, opportunityId, new OpportunityCreated(opportunityId,
                new OpportunityDetails("Solar roof", null, value, null, null, "EUR", null, null), null, null, null, newId(),
                ProcessStage.DEVELOP, "sam")).getTimestamp();
        Instant won = append(OPPORTUNITY, opportunityId, new OpportunityClosed(opportunityId, OpportunityOutcome.WON,
                value, LocalDate.parse("2026-12-02"), null)).getTimestamp();
        append(OPPORTUNITY, opportunityId, new OpportunityReopened(opportunityId));
        JsonNode current = eventually("/api/opportunities/" + opportunityId,
                json -> assertThat(json.path("version").asLong()).isEqualTo(2));

        ResponseEntity<JsonNode> history = get(AUDITOR, "/api/opportunities/" + opportunityId + "/history");
        assertThat(history.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(history.getBody().findValuesAsText("type"))
                .containsExactly("OpportunityCreated", "OpportunityClosed", "OpportunityReopened");
        assertThat(get(SALES, "/api/opportunities/" + opportunityId + "/history").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get(AUDITOR, "/api/opportunities/" + newId() + "/history").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        JsonNode thenWon = asOf(opportunityId, won).getBody();
        assertThat(thenWon.path("status").asText()).isEqualTo("WON");
        assertThat(thenWon.path("closeDate").asText()).isEqualTo("2026-12-02");
        assertThat(thenWon.path("version").asLong()).isEqualTo(1);
        assertThat(asOf(opportunityId, created.minusMillis(1)).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get(SALES, "/api/opportunities/" + opportunityId).getBody())
                .as("the read model after the past read").isEqualTo(current);
        assertThat(get(SALES, "/api/opportunities/" + opportunityId + "?asOf=" + won + "&minVersion=0")
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    private ResponseEntity<JsonNode> asOf(String opportunityId, Instant instant) {
        return get(SALES, "/api/opportunities/" + opportunityId + "?asOf=" + instant);
    }
}
