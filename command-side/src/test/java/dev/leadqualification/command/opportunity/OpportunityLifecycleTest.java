package dev.leadqualification.command.opportunity;

import dev.leadqualification.kernel.common.ProcessStage;
import dev.leadqualification.kernel.opportunity.ChangeOpportunityStage;
import dev.leadqualification.kernel.opportunity.CloseOpportunity;
import dev.leadqualification.kernel.opportunity.Customer;
import dev.leadqualification.kernel.opportunity.OpportunityClosed;
import dev.leadqualification.kernel.opportunity.OpportunityCreated;
import dev.leadqualification.kernel.opportunity.OpportunityDetails;
import dev.leadqualification.kernel.opportunity.OpportunityEdits;
import dev.leadqualification.kernel.opportunity.OpportunityReopened;
import dev.leadqualification.kernel.opportunity.OpportunityStageChanged;
import dev.leadqualification.kernel.opportunity.OpportunityUpdated;
import dev.leadqualification.kernel.opportunity.ReopenOpportunity;
import dev.leadqualification.kernel.opportunity.UpdateOpportunity;
import dev.leadqualification.kernel.qualification.Need;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import static dev.leadqualification.command.support.DomainMatchers.invalidField;
import static dev.leadqualification.command.support.DomainMatchers.violation;
import static dev.leadqualification.command.support.LeadSamples.LEAD_ID;
import static dev.leadqualification.command.support.LeadSamples.NEW_ACCOUNT_ID;
import static dev.leadqualification.command.support.LeadSamples.NEW_OPPORTUNITY_ID;
import static dev.leadqualification.command.support.LeadSamples.eur;
import static dev.leadqualification.command.support.LeadSamples.opportunityFromFullLead;
import static dev.leadqualification.command.support.LeadSamples.qualificationDetails;
import static dev.leadqualification.command.support.LeadSamples.usd;
import static dev.leadqualification.kernel.opportunity.OpportunityOutcome.LOST;
import static dev.leadqualification.kernel.opportunity.OpportunityOutcome.WON;

/** An open opportunity is edited and moved through the sales process, closed as won or lost, and reopened. */
class OpportunityLifecycleTest {

    private static final String CLOSED =
            "The opportunity is closed: a won or lost opportunity can't be changed. Reopen it first.";
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    private static final OpportunityDetails DETAILS = opportunityFromFullLead(qualificationDetails());
    private static final OpportunityCreated CREATED = new OpportunityCreated(NEW_OPPORTUNITY_ID, DETAILS,
            new Customer(Customer.Type.ACCOUNT, NEW_ACCOUNT_ID), NEW_ACCOUNT_ID, null, LEAD_ID, ProcessStage.DEVELOP, "sam");
    private static final OpportunityClosed WON_AT_ESTIMATE =
            new OpportunityClosed(NEW_OPPORTUNITY_ID, WON, eur("48000.00"), DAY, null);

    private AggregateTestFixture<Opportunity> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Opportunity.class);
    }

    private static OpportunityEdits edits() {
        return OpportunityEdits.of(DETAILS);
    }

    private static UpdateOpportunity update(OpportunityEdits values, String... fields) {
        return new UpdateOpportunity(NEW_OPPORTUNITY_ID, values, Set.of(fields));
    }

    private static OpportunityEdits with(String name, Need need, String description) {
        OpportunityEdits e = edits();
        return new OpportunityEdits(name, e.estimatedValue(), e.estimatedCloseDate(), description,
                e.purchaseTimeframe(), e.budgetAmount(), e.budgetStatus(), e.purchaseProcess(), e.decisionMaker(),
                need, e.currentSituation(), e.customerNeed(), e.proposedSolution(), e.qualificationComments());
    }

    @Nested
    class Edit {

        @Test
        void theNamedFieldsChangeAndTheEventHoldsTheWholeNewState() {
            OpportunityEdits values = with("Fleet telematics for 60 vans", Need.SHOULD_HAVE, "ignored");

            fixture.given(CREATED)
                    .when(update(values, "name", "need"))
                    .expectEvents(new OpportunityUpdated(NEW_OPPORTUNITY_ID,
                            with("Fleet telematics for 60 vans", Need.SHOULD_HAVE, DETAILS.description())
                                    .applyTo(DETAILS, "EUR"), Set.of("name", "need")));
        }

        @Test
        void aNamedNullClears() {
            fixture.given(CREATED)
                    .when(update(with(DETAILS.name(), null, null), "need", "description"))
                    .expectEvents(new OpportunityUpdated(NEW_OPPORTUNITY_ID,
                            with(DETAILS.name(), null, null).applyTo(DETAILS, "EUR"), Set.of("need", "description")));
        }

        @Test
        void theNameCannotBeCleared() {
            fixture.given(CREATED)
                    .when(update(with(null, Need.MUST_HAVE, null), "name"))
                    .expectException(invalidField("name"))
                    .expectNoEvents();
        }

        @Test
        void anAmountInAnotherCurrencyIsRefused() {
            OpportunityEdits e = edits();
            OpportunityEdits inDollars = new OpportunityEdits(e.name(), usd("1.00"), e.estimatedCloseDate(),
                    e.description(), e.purchaseTimeframe(), e.budgetAmount(), e.budgetStatus(), e.purchaseProcess(),
                    e.decisionMaker(), e.need(), e.currentSituation(), e.customerNeed(), e.proposedSolution(),
                    e.qualificationComments());

            fixture.given(CREATED)
                    .when(update(inDollars, "estimatedValue"))
                    .expectException(invalidField("estimatedValue"))
                    .expectNoEvents();
        }

        @Test
        void theFirstAmountOfAnOpportunityWithoutCurrencySetsIt() {
            OpportunityDetails noAmounts = new OpportunityDetails("Deal", null, null, null, null, null, null, null);
            OpportunityEdits values = new OpportunityEdits("Deal", usd("10.00"), null, null, null, null, null, null,
                    null, null, null, null, null, null);

            fixture.given(new OpportunityCreated(NEW_OPPORTUNITY_ID, noAmounts, null, null, null, LEAD_ID,
                            ProcessStage.DEVELOP, "sam"))
                    .when(update(values, "estimatedValue"))
                    .expectEvents(new OpportunityUpdated(NEW_OPPORTUNITY_ID, values.applyTo(noAmounts, "USD"),
                            Set.of("estimatedValue")));
        }

        @Test
        void anEditThatChangesNothingRecordsNothing() {
            fixture.given(CREATED)
                    .when(update(edits(), "name", "need", "estimatedValue"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aClosedOpportunityRefusesEdits() {
            fixture.given(CREATED, WON_AT_ESTIMATE)
                    .when(update(with("Other", Need.MUST_HAVE, null), "name"))
                    .expectException(violation("opportunity-closed", CLOSED))
                    .expectNoEvents();
        }
    }

    @Nested
    class Stage {

        @Test
        void movesForwardAndBack() {
            fixture.given(CREATED, new OpportunityStageChanged(NEW_OPPORTUNITY_ID, ProcessStage.CLOSE))
                    .when(new ChangeOpportunityStage(NEW_OPPORTUNITY_ID, ProcessStage.PROPOSE))
                    .expectEvents(new OpportunityStageChanged(NEW_OPPORTUNITY_ID, ProcessStage.PROPOSE));
        }

        @Test
        void theSameStageAgainRecordsNothing() {
            fixture.given(CREATED)
                    .when(new ChangeOpportunityStage(NEW_OPPORTUNITY_ID, ProcessStage.DEVELOP))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void qualifyIsBehindEveryOpportunity() {
            fixture.given(CREATED)
                    .when(new ChangeOpportunityStage(NEW_OPPORTUNITY_ID, ProcessStage.QUALIFY))
                    .expectException(invalidField("processStage"))
                    .expectNoEvents();
        }

        @Test
        void aClosedOpportunityRefuses() {
            fixture.given(CREATED, WON_AT_ESTIMATE)
                    .when(new ChangeOpportunityStage(NEW_OPPORTUNITY_ID, ProcessStage.PROPOSE))
                    .expectException(violation("opportunity-closed", CLOSED))
                    .expectNoEvents();
        }
    }

    @Nested
    class Close {

        @Test
        void wonAtTheActualRevenueGiven() {
            fixture.given(CREATED)
                    .when(new CloseOpportunity(NEW_OPPORTUNITY_ID, WON, eur("51000.00"), DAY, "Best offer"))
                    .expectEvents(new OpportunityClosed(NEW_OPPORTUNITY_ID, WON, eur("51000.00"), DAY, "Best offer"));
        }

        @Test
        void wonWithoutRevenueTakesTheEstimatedValue() {
            fixture.given(CREATED)
                    .when(new CloseOpportunity(NEW_OPPORTUNITY_ID, WON, null, DAY, null))
                    .expectEvents(WON_AT_ESTIMATE);
        }

        @Test
        void wonWithoutRevenueOrEstimateIsRefused() {
            fixture.given(new OpportunityCreated(NEW_OPPORTUNITY_ID,
                            new OpportunityDetails("Deal", null, null, null, null, null, null, null), null, null, null, LEAD_ID,
                            ProcessStage.DEVELOP, "sam"))
                    .when(new CloseOpportunity(NEW_OPPORTUNITY_ID, WON, null, DAY, null))
                    .expectException(invalidField("actualRevenue"))
                    .expectNoEvents();
        }

        @Test
        void aRevenueInAnotherCurrencyIsRefused() {
            fixture.given(CREATED)
                    .when(new CloseOpportunity(NEW_OPPORTUNITY_ID, WON, usd("1.00"), DAY, null))
                    .expectException(invalidField("actualRevenue"))
                    .expectNoEvents();
        }

        @Test
        void theCloseDateIsTodayInUtcUnlessGiven() {
            fixture.given(CREATED)
                    .andGivenCurrentTime(Instant.parse("2026-12-07T23:30:00Z"))
                    .when(new CloseOpportunity(NEW_OPPORTUNITY_ID, WON, null, null, null))
                    .expectEvents(new OpportunityClosed(NEW_OPPORTUNITY_ID, WON, eur("48000.00"),
                            LocalDate.of(2026, 12, 7), null));
        }

        @Test
        void lostWithItsReasonAndNoRevenue() {
            fixture.given(CREATED)
                    .when(new CloseOpportunity(NEW_OPPORTUNITY_ID, LOST, null, DAY, "Chose a rival"))
                    .expectEvents(new OpportunityClosed(NEW_OPPORTUNITY_ID, LOST, null, DAY, "Chose a rival"));
        }

        @Test
        void lostNeedsAReason() {
            fixture.given(CREATED)
                    .when(new CloseOpportunity(NEW_OPPORTUNITY_ID, LOST, null, DAY, " "))
                    .expectException(invalidField("reason"))
                    .expectNoEvents();
        }

        @Test
        void lostHasNoRevenue() {
            fixture.given(CREATED)
                    .when(new CloseOpportunity(NEW_OPPORTUNITY_ID, LOST, eur("1.00"), DAY, "Chose a rival"))
                    .expectException(invalidField("actualRevenue"))
                    .expectNoEvents();
        }

        @Test
        void aClosedOpportunityCannotBeClosedAgain() {
            fixture.given(CREATED, WON_AT_ESTIMATE)
                    .when(new CloseOpportunity(NEW_OPPORTUNITY_ID, LOST, null, DAY, "Changed mind"))
                    .expectException(violation("opportunity-closed", CLOSED))
                    .expectNoEvents();
        }
    }

    @Nested
    class Reopen {

        @Test
        void aClosedOpportunityOpensAgainAndCanBeClosedDifferently() {
            fixture.given(CREATED, WON_AT_ESTIMATE, new OpportunityReopened(NEW_OPPORTUNITY_ID))
                    .when(new CloseOpportunity(NEW_OPPORTUNITY_ID, LOST, null, DAY, "Contract fell through"))
                    .expectEvents(new OpportunityClosed(NEW_OPPORTUNITY_ID, LOST, null, DAY, "Contract fell through"));
        }

        @Test
        void reopens() {
            fixture.given(CREATED, new OpportunityClosed(NEW_OPPORTUNITY_ID, LOST, null, DAY, "Chose a rival"))
                    .when(new ReopenOpportunity(NEW_OPPORTUNITY_ID))
                    .expectEvents(new OpportunityReopened(NEW_OPPORTUNITY_ID));
        }

        @Test
        void anOpenOpportunityIsRefused() {
            fixture.given(CREATED)
                    .when(new ReopenOpportunity(NEW_OPPORTUNITY_ID))
                    .expectException(violation("opportunity-open", "The opportunity is already open."))
                    .expectNoEvents();
        }

        @Test
        void aReopenedOpportunityCanBeEditedAgain() {
            fixture.given(CREATED, WON_AT_ESTIMATE, new OpportunityReopened(NEW_OPPORTUNITY_ID))
                    .when(new ChangeOpportunityStage(NEW_OPPORTUNITY_ID, ProcessStage.PROPOSE))
                    .expectEvents(new OpportunityStageChanged(NEW_OPPORTUNITY_ID, ProcessStage.PROPOSE));
        }
    }
}
