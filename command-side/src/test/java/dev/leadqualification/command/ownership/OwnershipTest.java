package dev.leadqualification.command.ownership;

import dev.leadqualification.command.account.Account;
import dev.leadqualification.command.contact.Contact;
import dev.leadqualification.command.lead.Lead;
import dev.leadqualification.command.opportunity.Opportunity;
import dev.leadqualification.command.support.FixedSettings;
import dev.leadqualification.command.support.InMemoryCustomerDirectory;
import dev.leadqualification.command.support.LeadDetailsBuilder;
import dev.leadqualification.command.support.LeadQualifiedBuilder;
import dev.leadqualification.kernel.account.AccountAssigned;
import dev.leadqualification.kernel.account.AccountCreated;
import dev.leadqualification.kernel.account.AssignAccount;
import dev.leadqualification.kernel.common.Forbidden;
import dev.leadqualification.kernel.common.ProcessStage;
import dev.leadqualification.kernel.contact.AssignContact;
import dev.leadqualification.kernel.contact.ContactAssigned;
import dev.leadqualification.kernel.contact.ContactCreated;
import dev.leadqualification.kernel.lead.AddNote;
import dev.leadqualification.kernel.lead.AssignLead;
import dev.leadqualification.kernel.lead.DisqualificationReason;
import dev.leadqualification.kernel.lead.DisqualifyLead;
import dev.leadqualification.kernel.lead.LeadAssigned;
import dev.leadqualification.kernel.lead.LeadCreated;
import dev.leadqualification.kernel.lead.LeadDisqualified;
import dev.leadqualification.kernel.lead.QualifyLead;
import dev.leadqualification.kernel.lead.QualifyOptions;
import dev.leadqualification.kernel.lead.ReactivateLead;
import dev.leadqualification.kernel.lead.UpdateLead;
import dev.leadqualification.kernel.lead.UpdateQualificationDetails;
import dev.leadqualification.kernel.opportunity.AssignOpportunity;
import dev.leadqualification.kernel.opportunity.Customer;
import dev.leadqualification.kernel.opportunity.OpportunityAssigned;
import dev.leadqualification.kernel.opportunity.OpportunityCreated;
import dev.leadqualification.kernel.ownership.OwnerOnly;
import dev.leadqualification.kernel.qualification.QualificationDetails;
import dev.leadqualification.platform.eventstore.MetadataKeys;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static dev.leadqualification.command.support.DomainMatchers.matching;
import static dev.leadqualification.command.support.LeadFixtures.fixture;
import static dev.leadqualification.command.support.LeadFixtures.leadFixture;
import static dev.leadqualification.command.support.LeadQualifiedBuilder.qualified;
import static dev.leadqualification.command.support.LeadSamples.LEAD_ID;
import static dev.leadqualification.command.support.LeadSamples.NEW_ACCOUNT_ID;
import static dev.leadqualification.command.support.LeadSamples.NEW_CONTACT_ID;
import static dev.leadqualification.command.support.LeadSamples.NEW_IDS;
import static dev.leadqualification.command.support.LeadSamples.NEW_OPPORTUNITY_ID;
import static dev.leadqualification.command.support.LeadSamples.NOTE_1;
import static dev.leadqualification.command.support.LeadSamples.accountFromFullLead;
import static dev.leadqualification.command.support.LeadSamples.contactFromFullLead;
import static dev.leadqualification.command.support.LeadSamples.opportunityFromFullLead;

/**
 * Who may change a record: its owner or an ADMIN, decided by the aggregate on the record as stored (OwnedRecord);
 * assignment; and who owns what a qualification creates.
 */
class OwnershipTest {

    private static final String OWNER = "sam";
    private static final String COLLEAGUE = "ann";
    private static final LeadCreated LEAD_CREATED = new LeadCreated(LEAD_ID, LeadDetailsBuilder.full().build(), OWNER);
    private static final LeadDisqualified LOST = new LeadDisqualified(LEAD_ID, DisqualificationReason.LOST, null);

    private final AggregateTestFixture<Lead> leads =
            leadFixture(new InMemoryCustomerDirectory(), new FixedSettings());

    private static Map<String, Object> sales(String user) {
        return Map.of(MetadataKeys.ACTOR, user, MetadataKeys.ACTOR_ROLES, "SALES");
    }

    private static Map<String, Object> admin(String user) {
        return Map.of(MetadataKeys.ACTOR, user, MetadataKeys.ACTOR_ROLES, "SALES,ADMIN");
    }

    private static Matcher<Forbidden> notOwner() {
        return matching(Forbidden.class, "a not-owner refusal", e -> e.rule().equals("not-owner"));
    }

    /** Every command of a lead that only its owner or an ADMIN may send. */
    static Stream<OwnerOnly> ownerOnlyLeadCommands() {
        return Stream.of(
                new UpdateLead(LEAD_ID, LeadDetailsBuilder.full().topic("Other topic").build(), Set.of("topic")),
                new UpdateQualificationDetails(LEAD_ID, QualificationDetails.NONE),
                new AddNote(LEAD_ID, NOTE_1, "Call", "Called", null),
                new QualifyLead(LEAD_ID, QualifyOptions.DEFAULTS, NEW_IDS),
                new DisqualifyLead(LEAD_ID, DisqualificationReason.LOST, null),
                new AssignLead(LEAD_ID, COLLEAGUE));
    }

    @Nested
    class ChangingALead {

        @ParameterizedTest
        @MethodSource("dev.leadqualification.command.ownership.OwnershipTest#ownerOnlyLeadCommands")
        void anotherSalesUserIsRefusedAndNothingIsRecorded(OwnerOnly command) {
            leads.given(LEAD_CREATED)
                    .when(command, sales(COLLEAGUE))
                    .expectException(notOwner())
                    .expectNoEvents();
        }

        @ParameterizedTest
        @MethodSource("dev.leadqualification.command.ownership.OwnershipTest#ownerOnlyLeadCommands")
        void theOwnerMayChangeIt(OwnerOnly command) {
            leads.given(LEAD_CREATED)
                    .when(command, sales(OWNER))
                    .expectSuccessfulHandlerExecution();
        }

        @ParameterizedTest
        @MethodSource("dev.leadqualification.command.ownership.OwnershipTest#ownerOnlyLeadCommands")
        void anAdminMayChangeAnyLead(OwnerOnly command) {
            leads.given(LEAD_CREATED)
                    .when(command, admin(COLLEAGUE))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void reactivatingIsTheOwnersToo() {
            leads.given(LEAD_CREATED, LOST)
                    .when(new ReactivateLead(LEAD_ID), sales(COLLEAGUE))
                    .expectException(notOwner());
            leads.given(LEAD_CREATED, LOST)
                    .when(new ReactivateLead(LEAD_ID), sales(OWNER))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void theRefusalSaysWhoOwnsTheLead() {
            leads.given(LEAD_CREATED)
                    .when(new DisqualifyLead(LEAD_ID, DisqualificationReason.LOST, null), sales(COLLEAGUE))
                    .expectExceptionMessage("The record belongs to sam: only its owner or an ADMIN may change it.");
        }

        @Test
        void aCommandTheSystemSendsItselfIsNotAskedWhoSentIt() {
            leads.given(LEAD_CREATED)
                    .when(new DisqualifyLead(LEAD_ID, DisqualificationReason.LOST, null),
                            Map.of(MetadataKeys.ACTOR, COLLEAGUE))
                    .expectEvents(LOST);
        }

        @Test
        void aLeadWithoutOwnerIsChangedByAnAdminOnly() {
            LeadCreated unowned = new LeadCreated(LEAD_ID, LeadDetailsBuilder.full().build(), null);
            leads.given(unowned)
                    .when(new DisqualifyLead(LEAD_ID, DisqualificationReason.LOST, null), sales(OWNER))
                    .expectException(notOwner());
            leads.given(unowned)
                    .when(new AssignLead(LEAD_ID, OWNER), admin("root"))
                    .expectEvents(new LeadAssigned(LEAD_ID, OWNER));
        }
    }

    @Nested
    class AssigningALead {

        @Test
        void theOwnerGivesTheLeadToAColleague() {
            leads.given(LEAD_CREATED)
                    .when(new AssignLead(LEAD_ID, COLLEAGUE), sales(OWNER))
                    .expectEvents(new LeadAssigned(LEAD_ID, COLLEAGUE));
        }

        @Test
        void theNewOwnerMayChangeItAndTheFormerOneNoLonger() {
            leads.given(LEAD_CREATED, new LeadAssigned(LEAD_ID, COLLEAGUE))
                    .when(new DisqualifyLead(LEAD_ID, DisqualificationReason.LOST, null), sales(COLLEAGUE))
                    .expectEvents(LOST);
            leads.given(LEAD_CREATED, new LeadAssigned(LEAD_ID, COLLEAGUE))
                    .when(new DisqualifyLead(LEAD_ID, DisqualificationReason.LOST, null), sales(OWNER))
                    .expectException(notOwner());
        }

        @Test
        void assigningToTheOwnerRecordsNothing() {
            leads.given(LEAD_CREATED)
                    .when(new AssignLead(LEAD_ID, OWNER), sales(OWNER))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aClosedLeadCanBeAssignedToo() {
            leads.given(LEAD_CREATED, LOST)
                    .when(new AssignLead(LEAD_ID, COLLEAGUE), admin("root"))
                    .expectEvents(new LeadAssigned(LEAD_ID, COLLEAGUE));
        }
    }

    @Nested
    class QualifyingALead {

        private final QualifyLead qualifyWithAllRecords = new QualifyLead(LEAD_ID,
                new QualifyOptions(true, true, true, null, null, null, null), NEW_IDS);

        @Test
        void theRecordsItCreatesBelongToTheLeadsOwnerEvenWhenAnAdminQualifies() {
            leads.given(LEAD_CREATED)
                    .when(qualifyWithAllRecords, admin("root"))
                    .expectEvents(allRecords().ownerId(OWNER).build());
        }

        @Test
        void theRequestMayNameTheirOwner() {
            leads.given(LEAD_CREATED)
                    .when(new QualifyLead(LEAD_ID, new QualifyOptions(true, true, true, null, null, null, COLLEAGUE),
                            NEW_IDS), sales(OWNER))
                    .expectEvents(allRecords().ownerId(COLLEAGUE).build());
        }

        @Test
        void aReassignedLeadsRecordsBelongToItsNewOwner() {
            leads.given(LEAD_CREATED, new LeadAssigned(LEAD_ID, COLLEAGUE))
                    .when(qualifyWithAllRecords, sales(COLLEAGUE))
                    .expectEvents(allRecords().ownerId(COLLEAGUE).build());
        }

        private LeadQualifiedBuilder allRecords() {
            return qualified()
                    .account(accountFromFullLead())
                    .contact(contactFromFullLead(NEW_ACCOUNT_ID))
                    .opportunity(opportunityFromFullLead(QualificationDetails.NONE))
                    .processStage(ProcessStage.DEVELOP);
        }
    }

    @Nested
    class AssigningTheRecordsAQualificationCreated {

        @Test
        void anAccountIsAssignedByItsOwnerOrAnAdminOnly() {
            AggregateTestFixture<Account> accounts = fixture(Account.class);
            AccountCreated created = new AccountCreated(NEW_ACCOUNT_ID, accountFromFullLead(), LEAD_ID, OWNER);
            accounts.given(created).when(new AssignAccount(NEW_ACCOUNT_ID, COLLEAGUE), sales(COLLEAGUE))
                    .expectException(notOwner()).expectNoEvents();
            accounts.given(created).when(new AssignAccount(NEW_ACCOUNT_ID, COLLEAGUE), sales(OWNER))
                    .expectEvents(new AccountAssigned(NEW_ACCOUNT_ID, COLLEAGUE));
            accounts.given(created, new AccountAssigned(NEW_ACCOUNT_ID, COLLEAGUE))
                    .when(new AssignAccount(NEW_ACCOUNT_ID, OWNER), admin("root"))
                    .expectEvents(new AccountAssigned(NEW_ACCOUNT_ID, OWNER));
        }

        @Test
        void aContactIsAssignedByItsOwnerOrAnAdminOnly() {
            AggregateTestFixture<Contact> contacts = fixture(Contact.class);
            ContactCreated created = new ContactCreated(NEW_CONTACT_ID, contactFromFullLead(null), LEAD_ID, OWNER);
            contacts.given(created).when(new AssignContact(NEW_CONTACT_ID, COLLEAGUE), sales(COLLEAGUE))
                    .expectException(notOwner()).expectNoEvents();
            contacts.given(created).when(new AssignContact(NEW_CONTACT_ID, COLLEAGUE), admin("root"))
                    .expectEvents(new ContactAssigned(NEW_CONTACT_ID, COLLEAGUE));
        }

        @Test
        void anOpportunityIsAssignedByItsOwnerOrAnAdminOnly() {
            AggregateTestFixture<Opportunity> opportunities = fixture(Opportunity.class);
            OpportunityCreated created = new OpportunityCreated(NEW_OPPORTUNITY_ID,
                    opportunityFromFullLead(QualificationDetails.NONE), Customer.of(NEW_ACCOUNT_ID, null),
                    NEW_ACCOUNT_ID, null, LEAD_ID, ProcessStage.DEVELOP, OWNER);
            opportunities.given(created).when(new AssignOpportunity(NEW_OPPORTUNITY_ID, COLLEAGUE), sales(COLLEAGUE))
                    .expectException(notOwner()).expectNoEvents();
            opportunities.given(created).when(new AssignOpportunity(NEW_OPPORTUNITY_ID, COLLEAGUE), sales(OWNER))
                    .expectEvents(new OpportunityAssigned(NEW_OPPORTUNITY_ID, COLLEAGUE));
        }
    }
}
