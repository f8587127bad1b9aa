package dev.leadqualification.command.lead;

import dev.leadqualification.command.support.FixedDuplicates;
import dev.leadqualification.command.support.FixedSettings;
import dev.leadqualification.command.support.KnownOpportunities;
import dev.leadqualification.command.support.InMemoryCustomerDirectory;
import dev.leadqualification.command.support.LeadDetailsBuilder;
import dev.leadqualification.kernel.common.ProcessStage;
import dev.leadqualification.kernel.lead.AddNote;
import dev.leadqualification.kernel.lead.DisqualificationReason;
import dev.leadqualification.kernel.lead.DisqualifyLead;
import dev.leadqualification.kernel.lead.LeadCreated;
import dev.leadqualification.kernel.lead.LeadDisqualified;
import dev.leadqualification.kernel.lead.LeadQualificationCompleted;
import dev.leadqualification.kernel.lead.LeadQualificationFailed;
import dev.leadqualification.kernel.lead.LeadReactivated;
import dev.leadqualification.kernel.lead.LeadStatusReasonChanged;
import dev.leadqualification.kernel.lead.NoteAdded;
import dev.leadqualification.kernel.lead.ReactivateLead;
import dev.leadqualification.kernel.lead.StatusReason;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.leadqualification.command.support.DomainMatchers.violation;
import static dev.leadqualification.command.support.LeadFixtures.leadFixture;
import static dev.leadqualification.command.support.LeadQualifiedBuilder.qualified;
import static dev.leadqualification.command.support.LeadSamples.LEAD_ID;
import static dev.leadqualification.command.support.LeadSamples.NEW_OPPORTUNITY_ID;
import static dev.leadqualification.command.support.LeadSamples.NOTE_1;
import static dev.leadqualification.command.support.LeadSamples.QUALIFICATION_ID;
import static dev.leadqualification.command.support.LeadSamples.contactFromFullLead;
import static dev.leadqualification.command.support.LeadSamples.opportunityFromFullLead;
import static dev.leadqualification.kernel.qualification.QualificationDetails.NONE;
import static org.assertj.core.api.Assertions.assertThat;

/** Closing a lead without qualifying it, and reopening a closed one. */
class LeadLifecycleTest {

    private static final LeadCreated LEAD_CREATED = new LeadCreated(LEAD_ID, LeadDetailsBuilder.full().build(), "sam");
    private static final LeadDisqualified LOST = new LeadDisqualified(LEAD_ID, DisqualificationReason.LOST, "Chose a rival");

    private AggregateTestFixture<Lead> fixture;

    @BeforeEach
    void setUp() {
        fixture = leadFixture(new InMemoryCustomerDirectory(), new FixedSettings());
    }

    @Nested
    class Disqualify {

        private static final String CLOSED_FOR_DISQUALIFICATION = "The lead is closed: a qualified or disqualified "
                + "lead can't be disqualified. Reactivate it first.";

        @ParameterizedTest
        @EnumSource(DisqualificationReason.class)
        void closesAnOpenLeadWithTheReason(DisqualificationReason reason) {
            fixture.given(LEAD_CREATED)
                    .when(new DisqualifyLead(LEAD_ID, reason, "Budget went elsewhere"))
                    .expectEvents(new LeadDisqualified(LEAD_ID, reason, "Budget went elsewhere"));
        }

        @ParameterizedTest
        @EnumSource(DisqualificationReason.class)
        void eachReasonIsTheStatusReasonOfTheSameName(DisqualificationReason reason) {
            assertThat(reason.statusReason().name()).isEqualTo(reason.name());
        }

        @Test
        void theDescriptionIsOptional() {
            fixture.given(LEAD_CREATED)
                    .when(new DisqualifyLead(LEAD_ID, DisqualificationReason.CANCELED, null))
                    .expectEvents(new LeadDisqualified(LEAD_ID, DisqualificationReason.CANCELED, null));
        }

        @Test
        void aDisqualifiedLeadIsRefused() {
            fixture.given(LEAD_CREATED, LOST)
                    .when(new DisqualifyLead(LEAD_ID, DisqualificationReason.CANCELED, null))
                    .expectException(violation("lead-closed", CLOSED_FOR_DISQUALIFICATION))
                    .expectNoEvents();
        }

        @Test
        void aQualifiedLeadIsRefused() {
            fixture.given(LEAD_CREATED, qualified().contact(contactFromFullLead(null)).build())
                    .when(new DisqualifyLead(LEAD_ID, DisqualificationReason.LOST, null))
                    .expectException(violation("lead-closed", CLOSED_FOR_DISQUALIFICATION))
                    .expectNoEvents();
        }

        private static final String HAS_OPEN_OPPORTUNITY = "An opportunity from this lead is open, so the lead "
                + "can't be disqualified. Close the opportunity first.";

        private AggregateTestFixture<Lead> withOpen(KnownOpportunities opportunities) {
            return leadFixture(new InMemoryCustomerDirectory(), new FixedSettings(), new FixedDuplicates(),
                    opportunities);
        }

        private static Object[] qualifiedWithOpportunityThenReactivated(Object... outcome) {
            List<Object> events = new ArrayList<>(List.of(LEAD_CREATED,
                    qualified().opportunity(opportunityFromFullLead(NONE)).processStage(ProcessStage.DEVELOP).build()));
            events.addAll(List.of(outcome));
            events.add(new LeadReactivated(LEAD_ID));
            return events.toArray();
        }

        @Test
        void aReactivatedLeadWhoseOpportunityIsOpenIsRefusedNamingIt() {
            withOpen(new KnownOpportunities().open(NEW_OPPORTUNITY_ID))
                    .given(qualifiedWithOpportunityThenReactivated(new LeadQualificationCompleted(LEAD_ID, QUALIFICATION_ID)))
                    .when(new DisqualifyLead(LEAD_ID, DisqualificationReason.LOST, null))
                    .expectException(violation("lead-has-opportunity", HAS_OPEN_OPPORTUNITY,
                            Map.of("opportunityIds", List.of(NEW_OPPORTUNITY_ID))))
                    .expectNoEvents();
        }

        @Test
        void aReactivatedLeadWhoseOpportunityIsClosedCanBeDisqualified() {
            withOpen(new KnownOpportunities())
                    .given(qualifiedWithOpportunityThenReactivated(new LeadQualificationCompleted(LEAD_ID, QUALIFICATION_ID)))
                    .when(new DisqualifyLead(LEAD_ID, DisqualificationReason.LOST, null))
                    .expectEvents(new LeadDisqualified(LEAD_ID, DisqualificationReason.LOST, null));
        }

        @Test
        void anOpportunityStillBeingCreatedCountsAsOpen() {
            withOpen(new KnownOpportunities())
                    .given(qualifiedWithOpportunityThenReactivated())
                    .when(new DisqualifyLead(LEAD_ID, DisqualificationReason.LOST, null))
                    .expectException(violation("lead-has-opportunity", HAS_OPEN_OPPORTUNITY,
                            Map.of("opportunityIds", List.of(NEW_OPPORTUNITY_ID))))
                    .expectNoEvents();
        }

        @Test
        void aReactivatedLeadWhoseQualificationFailedCreatedNoOpportunityAndCanBeDisqualified() {
            fixture.given(LEAD_CREATED,
                            qualified().contact(contactFromFullLead(null)).opportunity(opportunityFromFullLead(NONE))
                                    .processStage(ProcessStage.DEVELOP).build(),
                            new LeadQualificationFailed(LEAD_ID, QUALIFICATION_ID, "contact id taken"),
                            new LeadReactivated(LEAD_ID))
                    .when(new DisqualifyLead(LEAD_ID, DisqualificationReason.LOST, null))
                    .expectEvents(new LeadDisqualified(LEAD_ID, DisqualificationReason.LOST, null));
        }

        @Test
        void aReactivatedLeadQualifiedWithoutOpportunityCanBeDisqualified() {
            fixture.given(LEAD_CREATED, qualified().contact(contactFromFullLead(null)).build(),
                            new LeadQualificationCompleted(LEAD_ID, QUALIFICATION_ID),
                            new LeadReactivated(LEAD_ID))
                    .when(new DisqualifyLead(LEAD_ID, DisqualificationReason.NO_LONGER_INTERESTED, null))
                    .expectEvents(new LeadDisqualified(LEAD_ID, DisqualificationReason.NO_LONGER_INTERESTED, null));
        }
    }

    @Nested
    class Reactivate {

        @Test
        void anOpenLeadIsRefused() {
            fixture.given(LEAD_CREATED)
                    .when(new ReactivateLead(LEAD_ID))
                    .expectException(violation("lead-open", "The lead is already open."))
                    .expectNoEvents();
        }

        @Test
        void reopensADisqualifiedLead() {
            fixture.given(LEAD_CREATED, LOST)
                    .when(new ReactivateLead(LEAD_ID))
                    .expectEvents(new LeadReactivated(LEAD_ID));
        }

        @Test
        void reopensAQualifiedLead() {
            fixture.given(LEAD_CREATED, qualified().contact(contactFromFullLead(null)).build())
                    .when(new ReactivateLead(LEAD_ID))
                    .expectEvents(new LeadReactivated(LEAD_ID));
        }

        @Test
        void aReactivatedLeadIsRefusedAReactivationAgain() {
            fixture.given(LEAD_CREATED, LOST, new LeadReactivated(LEAD_ID))
                    .when(new ReactivateLead(LEAD_ID))
                    .expectException(violation("lead-open"));
        }

        @Test
        void theReopenedLeadIsNewAgainSoWorkOnItMarksItContacted() {
            fixture.given(LEAD_CREATED, new NoteAdded(LEAD_ID, NOTE_1, "Call", "Called Maria", null),
                            new LeadStatusReasonChanged(LEAD_ID, StatusReason.CONTACTED), LOST,
                            new LeadReactivated(LEAD_ID))
                    .when(new AddNote(LEAD_ID, "90000000-0000-4000-8000-000000000003", "Call", "She called back", null))
                    .expectEvents(new NoteAdded(LEAD_ID, "90000000-0000-4000-8000-000000000003", "Call",
                                    "She called back", null),
                            new LeadStatusReasonChanged(LEAD_ID, StatusReason.CONTACTED));
        }
    }
}
