package dev.leadqualification.query.opportunity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadqualification.kernel.common.Money;
import dev.leadqualification.kernel.common.ProcessStage;
import dev.leadqualification.kernel.lead.Attachment;
import dev.leadqualification.kernel.lead.LeadCreated;
import dev.leadqualification.kernel.lead.NoteAdded;
import dev.leadqualification.kernel.opportunity.Customer;
import dev.leadqualification.kernel.opportunity.NoteTransferred;
import dev.leadqualification.kernel.opportunity.OpportunityClosed;
import dev.leadqualification.kernel.opportunity.OpportunityCreated;
import dev.leadqualification.kernel.opportunity.OpportunityDetails;
import dev.leadqualification.kernel.opportunity.OpportunityOutcome;
import dev.leadqualification.kernel.opportunity.OpportunityReopened;
import dev.leadqualification.kernel.opportunity.OpportunityStageChanged;
import dev.leadqualification.kernel.opportunity.OpportunityUpdated;
import dev.leadqualification.query.QuerySideTest;
import dev.leadqualification.query.SampleData;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class OpportunityQueryTest extends QuerySideTest {

    @Test
    void showsTheOpportunityWithTheNotesTransferredFromItsLead() {
        String leadId = newId();
        String noteWithFile = newId();
        String plainNote = newId();
        String untransferredNote = newId();
        append("Lead", leadId, new LeadCreated(leadId, SampleData.lead("Linus", "Torvalds", "Kernel Oy", "linus@kernel.example"), "sam"));
        append("Lead", leadId, new NoteAdded(leadId, noteWithFile, "Offer", "Sent the offer",
                new Attachment("offer.pdf", "application/pdf", new byte[]{37, 80, 68, 70})));
        append("Lead", leadId, new NoteAdded(leadId, plainNote, "Call", "Agreed on a demo", null));
        append("Lead", leadId, new NoteAdded(leadId, untransferredNote, "Draft", "Not carried over", null));

        String opportunityId = newId();
        String accountId = newId();
        String contactId = newId();
        OpportunityDetails details = new OpportunityDetails("Fleet renewal 2025", SampleData.qualificationDetails(),
                new Money(new BigDecimal("1234.50"), "EUR"), LocalDate.parse("2025-06-30"), "Wants 40 vans", "EUR", null, null);
        append("Opportunity", opportunityId, new OpportunityCreated(opportunityId, details,
                Customer.of(accountId, contactId), accountId, contactId, leadId, ProcessStage.DEVELOP, "sam"));
        append("Opportunity", opportunityId, new NoteTransferred(opportunityId, noteWithFile, leadId));
        append("Opportunity", opportunityId, new NoteTransferred(opportunityId, plainNote, leadId));

        JsonNode opportunity = eventually("/api/opportunities/" + opportunityId,
                json -> assertThat(json.path("notes")).hasSize(2));

        assertThat(opportunity.path("opportunityId").asText()).isEqualTo(opportunityId);
        assertThat(opportunity.path("name").asText()).isEqualTo("Fleet renewal 2025");
        assertThat(opportunity.path("customer").path("type").asText()).isEqualTo("ACCOUNT");
        assertThat(opportunity.path("customer").path("id").asText()).isEqualTo(accountId);
        assertThat(opportunity.path("accountId").asText()).isEqualTo(accountId);
        assertThat(opportunity.path("contactId").asText()).isEqualTo(contactId);
        assertThat(opportunity.path("originatingLeadId").asText()).isEqualTo(leadId);
        assertThat(opportunity.path("purchaseTimeframe").asText()).isEqualTo("THIS_QUARTER");
        assertThat(opportunity.path("budgetStatus").asText()).isEqualTo("CAN_BUY");
        assertThat(opportunity.path("decisionMaker").asBoolean()).isTrue();
        assertThat(opportunity.path("proposedSolution").asText()).isEqualTo("Electric vans");
        assertThat(opportunity.path("estimatedValue").path("amount").decimalValue()).isEqualByComparingTo("1234.50");
        assertThat(opportunity.path("currency").asText()).isEqualTo("EUR");
        assertThat(opportunity.path("estimatedCloseDate").asText()).isEqualTo("2025-06-30");
        assertThat(opportunity.path("description").asText()).isEqualTo("Wants 40 vans");
        assertThat(opportunity.path("processStage").asText()).isEqualTo("DEVELOP");
        assertThat(opportunity.path("createdBy").asText()).isEqualTo(SALES);

        JsonNode first = opportunity.path("notes").get(0);
        assertThat(first.path("noteId").asText()).isEqualTo(noteWithFile);
        assertThat(first.path("title").asText()).isEqualTo("Offer");
        assertThat(first.path("text").asText()).isEqualTo("Sent the offer");
        assertThat(first.path("fromLeadId").asText()).isEqualTo(leadId);
        assertThat(first.path("createdBy").asText()).isEqualTo(SALES);
        assertThat(first.path("attachment").path("fileName").asText()).isEqualTo("offer.pdf");
        assertThat(first.path("attachment").path("size").asInt()).isEqualTo(4);
        assertThat(opportunity.path("notes").get(1).path("noteId").asText()).isEqualTo(plainNote);
        assertThat(opportunity.path("notes").get(1).path("attachment").isNull()).isTrue();
    }

    @Test
    void followsEditsStagesAndTheCloseReopenCycleAndListsByStatusAndName() {
        String opportunityId = newId();
        String name = "Turbines " + opportunityId.substring(0, 8);
        OpportunityDetails details = new OpportunityDetails(name, null, new Money(new BigDecimal("900.00"), "EUR"),
                null, null, "EUR", null, null);
        append("Opportunity", opportunityId, new OpportunityCreated(opportunityId, details, null, null, null, newId(),
                ProcessStage.DEVELOP, "sam"));
        OpportunityDetails renamed = new OpportunityDetails("Wind " + name, null, details.estimatedValue(), null,
                "Two turbines", "EUR", null, null);
        append("Opportunity", opportunityId, new OpportunityUpdated(opportunityId, renamed, Set.of("name", "description")));
        append("Opportunity", opportunityId, new OpportunityStageChanged(opportunityId, ProcessStage.PROPOSE));
        append("Opportunity", opportunityId, new OpportunityClosed(opportunityId, OpportunityOutcome.WON,
                new Money(new BigDecimal("950.00"), "EUR"), LocalDate.parse("2026-12-01"), "Signed"));

        JsonNode won = eventually("/api/opportunities/" + opportunityId,
                json -> assertThat(json.path("version").asLong()).isEqualTo(3));
        assertThat(won.path("name").asText()).isEqualTo("Wind " + name);
        assertThat(won.path("description").asText()).isEqualTo("Two turbines");
        assertThat(won.path("processStage").asText()).isEqualTo("PROPOSE");
        assertThat(won.path("status").asText()).isEqualTo("WON");
        assertThat(won.path("actualRevenue").path("amount").decimalValue()).isEqualByComparingTo("950.00");
        assertThat(won.path("closeDate").asText()).isEqualTo("2026-12-01");
        assertThat(won.path("closeReason").asText()).isEqualTo("Signed");
        String search = "/api/opportunities?q=" + opportunityId.substring(0, 8).toUpperCase();
        assertThat(get(SALES, search + "&status=WON").getBody().path("items").findValuesAsText("opportunityId"))
                .containsExactly(opportunityId);
        assertThat(get(SALES, search + "&status=OPEN").getBody().path("total").asLong()).isZero();

        append("Opportunity", opportunityId, new OpportunityReopened(opportunityId));
        JsonNode reopened = eventually("/api/opportunities/" + opportunityId,
                json -> assertThat(json.path("version").asLong()).isEqualTo(4));
        assertThat(reopened.path("status").asText()).isEqualTo("OPEN");
        assertThat(reopened.path("actualRevenue").isNull()).isTrue();
        assertThat(reopened.path("closeDate").isNull()).isTrue();
        assertThat(reopened.path("closeReason").isNull()).isTrue();
        JsonNode listed = get(SALES, search + "&status=OPEN").getBody();
        assertThat(listed.path("items").findValuesAsText("opportunityId")).containsExactly(opportunityId);
        assertThat(listed.path("items").get(0).has("notes")).as("the list shows no notes").isFalse();
    }

    @Test
    void unknownOpportunityIsNotFound() {
        assertThat(get(SALES, "/api/opportunities/" + newId()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
}
