package dev.leadqualification.command.lead;

import dev.leadqualification.command.support.FixedSettings;
import dev.leadqualification.command.support.InMemoryCustomerDirectory;
import dev.leadqualification.command.support.LeadDetailsBuilder;
import dev.leadqualification.kernel.account.AccountDetails;
import dev.leadqualification.kernel.common.Money;
import dev.leadqualification.kernel.common.ProcessStage;
import dev.leadqualification.kernel.contact.ContactDetails;
import dev.leadqualification.kernel.lead.LeadCreated;
import dev.leadqualification.kernel.lead.LeadDetails;
import dev.leadqualification.kernel.lead.LeadStatusReasonChanged;
import dev.leadqualification.kernel.lead.QualificationDetailsUpdated;
import dev.leadqualification.kernel.lead.QualifyLead;
import dev.leadqualification.kernel.lead.QualifyOptions;
import dev.leadqualification.kernel.lead.StatusReason;
import dev.leadqualification.kernel.opportunity.OpportunityDetails;
import dev.leadqualification.kernel.qualification.QualificationDetails;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static dev.leadqualification.command.support.DomainMatchers.invalidField;
import static dev.leadqualification.command.support.LeadFixtures.leadFixture;
import static dev.leadqualification.command.support.LeadQualifiedBuilder.qualified;
import static dev.leadqualification.command.support.LeadSamples.ADDRESS;
import static dev.leadqualification.command.support.LeadSamples.LEAD_ID;
import static dev.leadqualification.command.support.LeadSamples.NEW_ACCOUNT_ID;
import static dev.leadqualification.command.support.LeadSamples.NEW_IDS;
import static dev.leadqualification.command.support.LeadSamples.accountFromFullLead;
import static dev.leadqualification.command.support.LeadSamples.budgetOnly;
import static dev.leadqualification.command.support.LeadSamples.contactFromFullLead;
import static dev.leadqualification.command.support.LeadSamples.eur;
import static dev.leadqualification.command.support.LeadSamples.opportunityFromFullLead;
import static dev.leadqualification.command.support.LeadSamples.qualificationDetails;
import static dev.leadqualification.command.support.LeadSamples.usd;

/** How a qualified lead's fields become the account, contact and opportunity (API.md, "Field mapping"). */
class LeadQualificationFieldMappingTest {

    private static final String TOPIC = "Fleet telematics for 40 vans";

    private AggregateTestFixture<Lead> fixture;

    @BeforeEach
    void setUp() {
        fixture = leadFixture(new InMemoryCustomerDirectory(), new FixedSettings());
    }

    @Test
    void mapsEveryLeadFieldAndTheRecordedFindingsOntoTheNewRecords() {
        fixture.given(new LeadCreated(LEAD_ID, LeadDetailsBuilder.full().build(), "sam"),
                        new QualificationDetailsUpdated(LEAD_ID, qualificationDetails()),
                        new LeadStatusReasonChanged(LEAD_ID, StatusReason.CONTACTED))
                .when(new QualifyLead(LEAD_ID, QualifyOptions.DEFAULTS, NEW_IDS))
                .expectEvents(qualified()
                        .account(accountFromFullLead())
                        .contact(contactFromFullLead(NEW_ACCOUNT_ID))
                        .opportunity(opportunityFromFullLead(qualificationDetails()))
                        .processStage(ProcessStage.DEVELOP)
                        .build());
    }

    @Test
    void theAccountIsNamedAfterTheTrimmedCompanyName() {
        fixture.given(new LeadCreated(LEAD_ID, LeadDetailsBuilder.full().companyName("  Jansen Logistics ").build(), "sam"))
                .when(new QualifyLead(LEAD_ID, new QualifyOptions(true, false, false, null, null, null, null), NEW_IDS))
                .expectEvents(qualified().account(accountFromFullLead()).build());
    }

    @Test
    void aSparseLeadGivesSparseRecords() {
        LeadDetails sparse = LeadDetailsBuilder.minimal().companyName("Jansen Logistics").build();

        fixture.given(new LeadCreated(LEAD_ID, sparse, "sam"))
                .when(new QualifyLead(LEAD_ID, QualifyOptions.DEFAULTS, NEW_IDS))
                .expectEvents(qualified()
                        .account(new AccountDetails("Jansen Logistics", null, null, null, null))
                        .contact(new ContactDetails(null, "Jansen", null, null, null,
                                null, null, NEW_ACCOUNT_ID, null))
                        .opportunity(new OpportunityDetails(TOPIC, QualificationDetails.NONE, null, null, null, null, null, null))
                        .processStage(ProcessStage.DEVELOP)
                        .build());
    }

    /** The opportunity's currency: the request's choice, else the lead's amounts'; amounts are never converted. */
    @Nested
    class Currency {

        private ResultValidator<Lead> qualifyOpportunity(Money estimatedValue, QualificationDetails findings,
                                                         String chosenCurrency) {
            LeadDetails lead = LeadDetailsBuilder.minimal().estimatedValue(estimatedValue).build();
            return fixture.given(new LeadCreated(LEAD_ID, lead, "sam"), new QualificationDetailsUpdated(LEAD_ID, findings),
                            new LeadStatusReasonChanged(LEAD_ID, StatusReason.CONTACTED))
                    .when(new QualifyLead(LEAD_ID,
                            new QualifyOptions(false, false, true, null, null, chosenCurrency, null), NEW_IDS));
        }

        private static Object opportunityIn(Money estimatedValue, QualificationDetails findings, String currency) {
            return qualified()
                    .opportunity(new OpportunityDetails(TOPIC, findings, estimatedValue, null, null, currency, null, null))
                    .processStage(ProcessStage.DEVELOP)
                    .build();
        }

        @Test
        void isTheEstimatedValuesCurrency() {
            qualifyOpportunity(eur("100.00"), QualificationDetails.NONE, null)
                    .expectEvents(opportunityIn(eur("100.00"), QualificationDetails.NONE, "EUR"));
        }

        @Test
        void isTheBudgetsCurrencyWithoutEstimatedValue() {
            qualifyOpportunity(null, budgetOnly(usd("900.00")), null)
                    .expectEvents(opportunityIn(null, budgetOnly(usd("900.00")), "USD"));
        }

        @Test
        void theEstimatedValueComesBeforeTheBudget() {
            qualifyOpportunity(eur("100.00"), budgetOnly(usd("900.00")), null)
                    .expectEvents(opportunityIn(eur("100.00"), budgetOnly(usd("900.00")), "EUR"));
        }

        @Test
        void isNoneWithoutAnyAmount() {
            qualifyOpportunity(null, QualificationDetails.NONE, null)
                    .expectEvents(opportunityIn(null, QualificationDetails.NONE, null));
        }

        @Test
        void aChosenCurrencyEqualToTheEstimatedValuesIsKept() {
            qualifyOpportunity(eur("100.00"), QualificationDetails.NONE, "EUR")
                    .expectEvents(opportunityIn(eur("100.00"), QualificationDetails.NONE, "EUR"));
        }

        @Test
        void aChosenCurrencyIsTakenWhenTheLeadHasNoAmount() {
            qualifyOpportunity(null, QualificationDetails.NONE, "GBP")
                    .expectEvents(opportunityIn(null, QualificationDetails.NONE, "GBP"));
        }

        @Test
        void aChosenCurrencyOtherThanTheEstimatedValuesIsRefused() {
            qualifyOpportunity(eur("100.00"), QualificationDetails.NONE, "USD")
                    .expectException(invalidField("opportunityCurrency"))
                    .expectExceptionMessage("differs from the currency of the lead's estimated value (EUR); "
                            + "amounts are not converted")
                    .expectNoEvents();
        }

        @Test
        void isNotCheckedWhenNoOpportunityIsCreated() {
            LeadDetails lead = LeadDetailsBuilder.full().build();

            fixture.given(new LeadCreated(LEAD_ID, lead, "sam"))
                    .when(new QualifyLead(LEAD_ID, new QualifyOptions(true, false, false, null, null, "USD", null), NEW_IDS))
                    .expectEvents(qualified().account(accountFromFullLead()).build());
        }
    }

    @Test
    void theAddressIsCopiedToAccountAndContact() {
        fixture.given(new LeadCreated(LEAD_ID, LeadDetailsBuilder.minimal().companyName("Jansen Logistics")
                        .address(ADDRESS).build(), "sam"))
                .when(new QualifyLead(LEAD_ID, new QualifyOptions(true, true, false, null, null, null, null), NEW_IDS))
                .expectEvents(qualified()
                        .account(new AccountDetails("Jansen Logistics", null, null, null, ADDRESS))
                        .contact(new ContactDetails(null, "Jansen", null, null,
                                null, null, ADDRESS, NEW_ACCOUNT_ID, null))
                        .build());
    }
}
