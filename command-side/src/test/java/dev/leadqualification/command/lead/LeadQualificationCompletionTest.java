package dev.leadqualification.command.lead;

import dev.leadqualification.command.support.FixedSettings;
import dev.leadqualification.command.support.InMemoryCustomerDirectory;
import dev.leadqualification.command.support.LeadDetailsBuilder;
import dev.leadqualification.kernel.lead.CompleteLeadQualification;
import dev.leadqualification.kernel.lead.FailLeadQualification;
import dev.leadqualification.kernel.lead.LeadCreated;
import dev.leadqualification.kernel.lead.LeadQualificationCompleted;
import dev.leadqualification.kernel.lead.LeadQualificationFailed;
import dev.leadqualification.kernel.lead.LeadQualified;
import dev.leadqualification.kernel.lead.LeadReactivated;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.leadqualification.command.support.LeadFixtures.leadFixture;
import static dev.leadqualification.command.support.LeadQualifiedBuilder.qualified;
import static dev.leadqualification.command.support.LeadSamples.LEAD_ID;
import static dev.leadqualification.command.support.LeadSamples.QUALIFICATION_ID;
import static dev.leadqualification.command.support.LeadSamples.contactFromFullLead;

/** The saga reports back: a pending qualification is completed or failed once; anything else changes nothing. */
class LeadQualificationCompletionTest {

    private static final LeadCreated LEAD_CREATED = new LeadCreated(LEAD_ID, LeadDetailsBuilder.full().build(), "sam");
    private static final LeadQualified QUALIFIED = qualified().contact(contactFromFullLead(null)).build();
    private static final String OTHER_QUALIFICATION_ID = "f0000000-0000-4000-8000-0000000000f9";
    private static final String REASON = "A contact with id c0000000-0000-4000-8000-00000000000c already exists "
            + "with other details.";

    private AggregateTestFixture<Lead> fixture;

    @BeforeEach
    void setUp() {
        fixture = leadFixture(new InMemoryCustomerDirectory(), new FixedSettings());
    }

    @Test
    void completesThePendingQualification() {
        fixture.given(LEAD_CREATED, QUALIFIED)
                .when(new CompleteLeadQualification(LEAD_ID, QUALIFICATION_ID))
                .expectEvents(new LeadQualificationCompleted(LEAD_ID, QUALIFICATION_ID));
    }

    @Test
    void completingAgainRecordsNothing() {
        fixture.given(LEAD_CREATED, QUALIFIED, new LeadQualificationCompleted(LEAD_ID, QUALIFICATION_ID))
                .when(new CompleteLeadQualification(LEAD_ID, QUALIFICATION_ID))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anUnknownQualificationIsNotCompleted() {
        fixture.given(LEAD_CREATED, QUALIFIED)
                .when(new CompleteLeadQualification(LEAD_ID, OTHER_QUALIFICATION_ID))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aLeadNeverQualifiedHasNothingToComplete() {
        fixture.given(LEAD_CREATED)
                .when(new CompleteLeadQualification(LEAD_ID, QUALIFICATION_ID))
                .expectNoEvents();
    }

    @Test
    void failsThePendingQualificationWithTheReason() {
        fixture.given(LEAD_CREATED, QUALIFIED)
                .when(new FailLeadQualification(LEAD_ID, QUALIFICATION_ID, REASON))
                .expectEvents(new LeadQualificationFailed(LEAD_ID, QUALIFICATION_ID, REASON));
    }

    @Test
    void failingAgainRecordsNothing() {
        fixture.given(LEAD_CREATED, QUALIFIED, new LeadQualificationFailed(LEAD_ID, QUALIFICATION_ID, REASON))
                .when(new FailLeadQualification(LEAD_ID, QUALIFICATION_ID, REASON))
                .expectNoEvents();
    }

    @Test
    void aCompletedQualificationCannotFailAnyMore() {
        fixture.given(LEAD_CREATED, QUALIFIED, new LeadQualificationCompleted(LEAD_ID, QUALIFICATION_ID))
                .when(new FailLeadQualification(LEAD_ID, QUALIFICATION_ID, REASON))
                .expectNoEvents();
    }

    @Test
    void aFailedQualificationCannotCompleteAnyMore() {
        fixture.given(LEAD_CREATED, QUALIFIED, new LeadQualificationFailed(LEAD_ID, QUALIFICATION_ID, REASON))
                .when(new CompleteLeadQualification(LEAD_ID, QUALIFICATION_ID))
                .expectNoEvents();
    }

    @Test
    void anUnknownQualificationIsNotFailed() {
        fixture.given(LEAD_CREATED, QUALIFIED)
                .when(new FailLeadQualification(LEAD_ID, OTHER_QUALIFICATION_ID, REASON))
                .expectNoEvents();
    }

    @Test
    void aQualificationStillPendingWhenTheLeadWasReactivatedCanStillComplete() {
        fixture.given(LEAD_CREATED, QUALIFIED, new LeadReactivated(LEAD_ID))
                .when(new CompleteLeadQualification(LEAD_ID, QUALIFICATION_ID))
                .expectEvents(new LeadQualificationCompleted(LEAD_ID, QUALIFICATION_ID));
    }
}
