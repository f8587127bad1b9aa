package dev.leadqualification.command.qualification;

import dev.leadqualification.command.creation.FreshIds;
import dev.leadqualification.command.support.LeadQualifiedBuilder;
import dev.leadqualification.kernel.account.CreateAccount;
import dev.leadqualification.kernel.common.DomainRuleViolation;
import dev.leadqualification.kernel.common.ProcessStage;
import dev.leadqualification.kernel.contact.CreateContact;
import dev.leadqualification.kernel.lead.CompleteLeadQualification;
import dev.leadqualification.kernel.lead.FailLeadQualification;
import dev.leadqualification.kernel.lead.LeadQualified;
import dev.leadqualification.kernel.opportunity.CreateOpportunityFromLead;
import dev.leadqualification.kernel.opportunity.Customer;
import dev.leadqualification.kernel.opportunity.OpportunityDetails;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.leadqualification.command.support.CommandOutcomes.failing;
import static dev.leadqualification.command.support.LeadQualifiedBuilder.qualified;
import static dev.leadqualification.command.support.LeadSamples.EXISTING_ACCOUNT_ID;
import static dev.leadqualification.command.support.LeadSamples.EXISTING_CONTACT_ID;
import static dev.leadqualification.command.support.LeadSamples.LEAD_ID;
import static dev.leadqualification.command.support.LeadSamples.NEW_ACCOUNT_ID;
import static dev.leadqualification.command.support.LeadSamples.NEW_CONTACT_ID;
import static dev.leadqualification.command.support.LeadSamples.NEW_OPPORTUNITY_ID;
import static dev.leadqualification.command.support.LeadSamples.NOTE_1;
import static dev.leadqualification.command.support.LeadSamples.NOTE_2;
import static dev.leadqualification.command.support.LeadSamples.QUALIFICATION_ID;
import static dev.leadqualification.command.support.LeadSamples.accountFromFullLead;
import static dev.leadqualification.command.support.LeadSamples.contactFromFullLead;
import static dev.leadqualification.command.support.LeadSamples.opportunityFromFullLead;
import static dev.leadqualification.command.support.LeadSamples.qualificationDetails;
import static org.assertj.core.api.Assertions.assertThat;

/** The saga carries out what the lead decided, in order, and reports the outcome back to the lead. */
class QualificationSagaTest {

    private static final OpportunityDetails OPPORTUNITY = opportunityFromFullLead(qualificationDetails());

    private SagaTestFixture<QualificationSaga> fixture;
    /** The ids the event store already holds records under. */
    private final Set<String> storedRecords = new HashSet<>();

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(QualificationSaga.class);
        fixture.registerCommandGateway(CommandGateway.class);
        fixture.registerResource(new NewRecords(ids -> ids.stream().filter(storedRecords::contains)
                .collect(Collectors.toSet())));
    }

    /** Per command sent, the record id it creates under a fresh id ("-" for none). */
    private List<String> freshIdsSent() {
        return fixture.getCommandBus().getDispatchedCommands().stream()
                .map(command -> Objects.requireNonNullElse(FreshIds.freshIdOf(command), "-")).toList();
    }

    private static LeadQualifiedBuilder withOpportunity() {
        return qualified().opportunity(OPPORTUNITY).processStage(ProcessStage.DEVELOP);
    }

    private static LeadQualified allThree() {
        return withOpportunity().account(accountFromFullLead()).contact(contactFromFullLead(NEW_ACCOUNT_ID))
                .noteIds(NOTE_1, NOTE_2).build();
    }

    private static Object[] allThreeCommands() {
        return new Object[]{
                new CreateAccount(NEW_ACCOUNT_ID, accountFromFullLead(), LEAD_ID, false, "sam"),
                new CreateContact(NEW_CONTACT_ID, contactFromFullLead(NEW_ACCOUNT_ID), LEAD_ID, false, "sam"),
                new CreateOpportunityFromLead(NEW_OPPORTUNITY_ID, OPPORTUNITY,
                        new Customer(Customer.Type.ACCOUNT, NEW_ACCOUNT_ID), NEW_ACCOUNT_ID, NEW_CONTACT_ID, LEAD_ID,
                        List.of(NOTE_1, NOTE_2), "sam"),
                new CompleteLeadQualification(LEAD_ID, QUALIFICATION_ID)};
    }

    @Test
    void createsAccountContactAndOpportunityInOrderThenCompletes() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(allThree())
                .expectSuccessfulHandlerExecution()
                .expectDispatchedCommands(allThreeCommands())
                // the outcome is recorded in the handler's transaction: nothing is left to wait for or to store
                .expectActiveSagas(0);
    }

    @Test
    void recordsUnderIdsNoRecordHasYetAreCreatedAsFreshWithoutReadingTheStore() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(allThree())
                .expectDispatchedCommands(allThreeCommands());

        assertThat(freshIdsSent()).containsExactly(NEW_ACCOUNT_ID, NEW_CONTACT_ID, NEW_OPPORTUNITY_ID, "-");
    }

    @Test
    void aRecordWhoseIdIsStoredAlreadyIsCreatedAsUsualSoThatItsRecordIsCompared() {
        storedRecords.add(NEW_CONTACT_ID);

        fixture.givenNoPriorActivity()
                .whenPublishingA(allThree())
                .expectDispatchedCommands(allThreeCommands());

        assertThat(freshIdsSent()).containsExactly(NEW_ACCOUNT_ID, "-", NEW_OPPORTUNITY_ID, "-");
    }

    @Test
    void anOpportunityAloneHasNoCustomer() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(withOpportunity().build())
                .expectDispatchedCommands(
                        new CreateOpportunityFromLead(NEW_OPPORTUNITY_ID, OPPORTUNITY, null, null, null, LEAD_ID,
                                List.of(), "sam"),
                        new CompleteLeadQualification(LEAD_ID, QUALIFICATION_ID));
    }

    @Test
    void anOpportunityForALinkedContactNamesTheContact() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(withOpportunity().linkedContact(EXISTING_CONTACT_ID).build())
                .expectDispatchedCommands(
                        new CreateOpportunityFromLead(NEW_OPPORTUNITY_ID, OPPORTUNITY,
                                new Customer(Customer.Type.CONTACT, EXISTING_CONTACT_ID), null, EXISTING_CONTACT_ID,
                                LEAD_ID, List.of(), "sam"),
                        new CompleteLeadQualification(LEAD_ID, QUALIFICATION_ID));
    }

    @Test
    void anOpportunityWithANewContactButNoAccountNamesTheNewContact() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(withOpportunity().contact(contactFromFullLead(null)).build())
                .expectDispatchedCommands(
                        new CreateContact(NEW_CONTACT_ID, contactFromFullLead(null), LEAD_ID, false, "sam"),
                        new CreateOpportunityFromLead(NEW_OPPORTUNITY_ID, OPPORTUNITY,
                                new Customer(Customer.Type.CONTACT, NEW_CONTACT_ID), null, NEW_CONTACT_ID, LEAD_ID,
                                List.of(), "sam"),
                        new CompleteLeadQualification(LEAD_ID, QUALIFICATION_ID));
    }

    @Test
    void aContactAloneIsCreatedThenCompleted() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(qualified().contact(contactFromFullLead(null)).build())
                .expectDispatchedCommands(
                        new CreateContact(NEW_CONTACT_ID, contactFromFullLead(null), LEAD_ID, false, "sam"),
                        new CompleteLeadQualification(LEAD_ID, QUALIFICATION_ID));
    }

    @Test
    void withoutOpportunityNoNotesAreTransferred() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(qualified().account(accountFromFullLead()).contact(contactFromFullLead(NEW_ACCOUNT_ID))
                        .noteIds(NOTE_1, NOTE_2).build())
                .expectDispatchedCommands(
                        new CreateAccount(NEW_ACCOUNT_ID, accountFromFullLead(), LEAD_ID, false, "sam"),
                        new CreateContact(NEW_CONTACT_ID, contactFromFullLead(NEW_ACCOUNT_ID), LEAD_ID, false, "sam"),
                        new CompleteLeadQualification(LEAD_ID, QUALIFICATION_ID));
    }

    @Test
    void aQualificationWithoutRecordsCompletesAtOnce() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(qualified().build())
                .expectDispatchedCommands(new CompleteLeadQualification(LEAD_ID, QUALIFICATION_ID));
    }

    @Test
    void aLinkedAccountIsTheOpportunitysCustomerAndTheNewContactsParent() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(withOpportunity().linkedAccount(EXISTING_ACCOUNT_ID)
                        .contact(contactFromFullLead(EXISTING_ACCOUNT_ID)).noteIds(NOTE_1).build())
                .expectDispatchedCommands(
                        new CreateContact(NEW_CONTACT_ID, contactFromFullLead(EXISTING_ACCOUNT_ID), LEAD_ID, false, "sam"),
                        new CreateOpportunityFromLead(NEW_OPPORTUNITY_ID, OPPORTUNITY,
                                new Customer(Customer.Type.ACCOUNT, EXISTING_ACCOUNT_ID), EXISTING_ACCOUNT_ID,
                                NEW_CONTACT_ID, LEAD_ID, List.of(NOTE_1), "sam"),
                        new CompleteLeadQualification(LEAD_ID, QUALIFICATION_ID));
    }

    @Test
    void aLeadFromAKnownAccountAndContactOnlyGetsItsOpportunity() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(withOpportunity().linkedAccount(EXISTING_ACCOUNT_ID).linkedContact(EXISTING_CONTACT_ID)
                        .build())
                .expectDispatchedCommands(
                        new CreateOpportunityFromLead(NEW_OPPORTUNITY_ID, OPPORTUNITY,
                                new Customer(Customer.Type.ACCOUNT, EXISTING_ACCOUNT_ID), EXISTING_ACCOUNT_ID,
                                EXISTING_CONTACT_ID, LEAD_ID, List.of(), "sam"),
                        new CompleteLeadQualification(LEAD_ID, QUALIFICATION_ID));
    }

    @Test
    void aRedeliveredDecisionSendsTheSameIdempotentCommandsAgain() {
        fixture.givenAPublished(allThree())
                .whenPublishingA(allThree())
                .expectSuccessfulHandlerExecution()
                .expectDispatchedCommands(allThreeCommands())
                .expectActiveSagas(0);
    }

    @Test
    void aRefusedRecordFailsTheQualificationWithTheReason() {
        String reason = "A contact with id " + NEW_CONTACT_ID + " already exists with other details.";
        fixture.setCallbackBehavior(failing(CreateContact.class, new DomainRuleViolation("id-conflict", reason)));

        fixture.givenNoPriorActivity()
                .whenPublishingA(allThree())
                .expectSuccessfulHandlerExecution()
                .expectDispatchedCommands(
                        new CreateAccount(NEW_ACCOUNT_ID, accountFromFullLead(), LEAD_ID, false, "sam"),
                        new CreateContact(NEW_CONTACT_ID, contactFromFullLead(NEW_ACCOUNT_ID), LEAD_ID, false, "sam"),
                        new FailLeadQualification(LEAD_ID, QUALIFICATION_ID, reason))
                .expectActiveSagas(0);
    }

    /** Per command sent, whether the unit of work it was sent in was committed ("kept") or rolled back. */
    private List<String> trackUnitsOfWork(RuntimeException contactFailure) {
        List<String> outcomes = new ArrayList<>();
        fixture.setCallbackBehavior((command, metaData) -> {
            String name = command.getClass().getSimpleName();
            CurrentUnitOfWork.get().onPrepareCommit(unit -> outcomes.add("kept " + name));
            CurrentUnitOfWork.get().onRollback(unit -> outcomes.add("rolled back " + name));
            if (contactFailure != null && command instanceof CreateContact) {
                throw contactFailure;
            }
            return null;
        });
        return outcomes;
    }

    @Test
    void theRecordsAreCreatedTogetherAndKeptWithTheCompletion() {
        List<String> outcomes = trackUnitsOfWork(null);

        fixture.givenNoPriorActivity()
                .whenPublishingA(allThree())
                .expectDispatchedCommands(allThreeCommands());

        assertThat(outcomes).containsExactly("kept CreateAccount", "kept CreateContact",
                "kept CreateOpportunityFromLead", "kept CompleteLeadQualification");
    }

    @Test
    void aRefusedRecordRollsBackTheRecordsCreatedBeforeItAndOnlyTheFailureIsKept() {
        List<String> outcomes = trackUnitsOfWork(new DomainRuleViolation("id-conflict", "contact id taken"));

        fixture.givenNoPriorActivity()
                .whenPublishingA(allThree())
                .expectSuccessfulHandlerExecution()
                .expectDispatchedCommands(
                        new CreateAccount(NEW_ACCOUNT_ID, accountFromFullLead(), LEAD_ID, false, "sam"),
                        new CreateContact(NEW_CONTACT_ID, contactFromFullLead(NEW_ACCOUNT_ID), LEAD_ID, false, "sam"),
                        new FailLeadQualification(LEAD_ID, QUALIFICATION_ID, "contact id taken"));

        assertThat(outcomes).containsExactlyInAnyOrder("rolled back CreateAccount", "rolled back CreateContact",
                "kept FailLeadQualification");
        assertThat(outcomes.get(2)).isEqualTo("kept FailLeadQualification");
    }

    @Test
    void aTechnicalFailureIsNeitherCompletedNorFailedSoTheEventIsRetried() {
        List<Exception> handlerErrors = new ArrayList<>();
        fixture.registerListenerInvocationErrorHandler((exception, event, handler) -> handlerErrors.add(exception));
        fixture.setCallbackBehavior(
                failing(CreateOpportunityFromLead.class, new IllegalStateException("database unavailable")));

        fixture.givenNoPriorActivity()
                .whenPublishingA(allThree())
                .expectDispatchedCommands(
                        new CreateAccount(NEW_ACCOUNT_ID, accountFromFullLead(), LEAD_ID, false, "sam"),
                        new CreateContact(NEW_CONTACT_ID, contactFromFullLead(NEW_ACCOUNT_ID), LEAD_ID, false, "sam"),
                        allThreeCommands()[2]);
        assertThat(handlerErrors).singleElement()
                .satisfies(error -> assertThat(error).isInstanceOf(IllegalStateException.class)
                        .hasMessage("database unavailable"));
    }
}
