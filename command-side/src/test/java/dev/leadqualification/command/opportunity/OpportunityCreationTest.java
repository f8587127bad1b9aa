package dev.leadqualification.command.opportunity;

import dev.leadqualification.kernel.common.ProcessStage;
import dev.leadqualification.kernel.opportunity.CreateOpportunityFromLead;
import dev.leadqualification.kernel.opportunity.Customer;
import dev.leadqualification.kernel.opportunity.NoteTransferred;
import dev.leadqualification.kernel.opportunity.OpportunityCreated;
import dev.leadqualification.kernel.opportunity.OpportunityDetails;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.leadqualification.command.support.DomainMatchers.violation;
import static dev.leadqualification.command.support.LeadSamples.LEAD_ID;
import static dev.leadqualification.command.support.LeadSamples.NEW_ACCOUNT_ID;
import static dev.leadqualification.command.support.LeadSamples.NEW_CONTACT_ID;
import static dev.leadqualification.command.support.LeadSamples.NEW_OPPORTUNITY_ID;
import static dev.leadqualification.command.support.LeadSamples.NOTE_1;
import static dev.leadqualification.command.support.LeadSamples.NOTE_2;
import static dev.leadqualification.command.support.LeadSamples.OTHER_LEAD_ID;
import static dev.leadqualification.command.support.LeadSamples.opportunityFromFullLead;
import static dev.leadqualification.command.support.LeadSamples.qualificationDetails;

/** An opportunity comes from a qualified lead in the Develop stage and takes the lead's notes, each once. */
class OpportunityCreationTest {

    private static final OpportunityDetails DETAILS = opportunityFromFullLead(qualificationDetails());
    private static final Customer CUSTOMER = new Customer(Customer.Type.ACCOUNT, NEW_ACCOUNT_ID);
    private static final OpportunityCreated CREATED = new OpportunityCreated(NEW_OPPORTUNITY_ID, DETAILS, CUSTOMER,
            NEW_ACCOUNT_ID, NEW_CONTACT_ID, LEAD_ID, ProcessStage.DEVELOP, "sam");

    private AggregateTestFixture<Opportunity> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Opportunity.class);
    }

    private static CreateOpportunityFromLead create(String leadId, List<String> noteIds) {
        return new CreateOpportunityFromLead(NEW_OPPORTUNITY_ID, DETAILS, CUSTOMER, NEW_ACCOUNT_ID, NEW_CONTACT_ID,
                leadId, noteIds, "sam");
    }

    @Test
    void createsTheOpportunityInTheDevelopStageAndTransfersEveryNote() {
        fixture.givenNoPriorActivity()
                .when(create(LEAD_ID, List.of(NOTE_1, NOTE_2)))
                .expectEvents(CREATED,
                        new NoteTransferred(NEW_OPPORTUNITY_ID, NOTE_1, LEAD_ID),
                        new NoteTransferred(NEW_OPPORTUNITY_ID, NOTE_2, LEAD_ID))
                .expectResultMessagePayload(NEW_OPPORTUNITY_ID);
    }

    @Test
    void aLeadWithoutNotesGivesOnlyTheOpportunity() {
        fixture.givenNoPriorActivity()
                .when(create(LEAD_ID, List.of()))
                .expectEvents(CREATED);
    }

    @Test
    void anOpportunityForAContactNamesTheContactAsCustomer() {
        Customer contact = new Customer(Customer.Type.CONTACT, NEW_CONTACT_ID);

        fixture.givenNoPriorActivity()
                .when(new CreateOpportunityFromLead(NEW_OPPORTUNITY_ID, DETAILS, contact, null, NEW_CONTACT_ID, LEAD_ID,
                        List.of(), "sam"))
                .expectEvents(new OpportunityCreated(NEW_OPPORTUNITY_ID, DETAILS, contact, null, NEW_CONTACT_ID,
                        LEAD_ID, ProcessStage.DEVELOP, "sam"));
    }

    @Test
    void aRedeliveryTransfersOnlyTheMissingNotes() {
        fixture.given(CREATED, new NoteTransferred(NEW_OPPORTUNITY_ID, NOTE_1, LEAD_ID))
                .when(create(LEAD_ID, List.of(NOTE_1, NOTE_2)))
                .expectEvents(new NoteTransferred(NEW_OPPORTUNITY_ID, NOTE_2, LEAD_ID))
                .expectResultMessagePayload(NEW_OPPORTUNITY_ID);
    }

    @Test
    void aCompleteRedeliveryRecordsNothing() {
        fixture.given(CREATED, new NoteTransferred(NEW_OPPORTUNITY_ID, NOTE_1, LEAD_ID),
                        new NoteTransferred(NEW_OPPORTUNITY_ID, NOTE_2, LEAD_ID))
                .when(create(LEAD_ID, List.of(NOTE_1, NOTE_2)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anotherLeadUnderTheSameIdIsAnIdConflict() {
        fixture.given(CREATED)
                .when(create(OTHER_LEAD_ID, List.of(NOTE_1)))
                .expectException(violation("id-conflict", "An opportunity with id " + NEW_OPPORTUNITY_ID
                        + " already exists for another lead."))
                .expectNoEvents();
    }
}
