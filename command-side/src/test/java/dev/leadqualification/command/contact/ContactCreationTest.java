package dev.leadqualification.command.contact;

import dev.leadqualification.command.support.InMemoryCustomerDirectory;
import dev.leadqualification.kernel.contact.ContactCreated;
import dev.leadqualification.kernel.contact.ContactDetails;
import dev.leadqualification.kernel.contact.CreateContact;
import dev.leadqualification.command.support.DomainMatchers;
import dev.leadqualification.command.support.DuplicateSamples;
import dev.leadqualification.command.support.FixedDuplicates;
import dev.leadqualification.command.support.FixedSettings;
import dev.leadqualification.command.support.LeadFixtures;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.leadqualification.command.support.DomainMatchers.invalidField;
import static dev.leadqualification.command.support.DomainMatchers.violation;
import static dev.leadqualification.command.support.LeadSamples.EXISTING_ACCOUNT_ID;
import static dev.leadqualification.command.support.LeadSamples.LEAD_ID;
import static dev.leadqualification.command.support.LeadSamples.NEW_ACCOUNT_ID;
import static dev.leadqualification.command.support.LeadSamples.NEW_CONTACT_ID;
import static dev.leadqualification.command.support.LeadSamples.contactFromFullLead;

/** Creating a contact directly or from a lead; only a direct create checks that its parent account exists. */
class ContactCreationTest {

    private final InMemoryCustomerDirectory directory = new InMemoryCustomerDirectory();
    private final FixedDuplicates duplicates = new FixedDuplicates();
    private AggregateTestFixture<Contact> fixture;

    @BeforeEach
    void setUp() {
        fixture = LeadFixtures.fixture(Contact.class, directory, new FixedSettings(), duplicates);
    }

    @Test
    void aDirectCreateThatMatchesAnExistingContactIsRefusedButASuppressedOneIsNot() {
        duplicates.contacts(DuplicateSamples.ANA_MATCH);
        ContactDetails details = contactFromFullLead(null);
        fixture.givenNoPriorActivity()
                .when(new CreateContact(NEW_CONTACT_ID, details, null, true, "sam"))
                .expectException(DomainMatchers.violation("duplicates-found"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new CreateContact(NEW_CONTACT_ID, details, null, false, "sam"))
                .expectEvents(new ContactCreated(NEW_CONTACT_ID, details, null, "sam"));
    }

    @Test
    void createsAContactWithoutAccountDirectly() {
        ContactDetails details = contactFromFullLead(null);

        fixture.givenNoPriorActivity()
                .when(new CreateContact(NEW_CONTACT_ID, details, null, true, "sam"))
                .expectEvents(new ContactCreated(NEW_CONTACT_ID, details, null, "sam"))
                .expectResultMessagePayload(NEW_CONTACT_ID);
    }

    @Test
    void createsAContactUnderAnExistingAccountDirectly() {
        directory.withAccount(EXISTING_ACCOUNT_ID);
        ContactDetails details = contactFromFullLead(EXISTING_ACCOUNT_ID);

        fixture.givenNoPriorActivity()
                .when(new CreateContact(NEW_CONTACT_ID, details, null, true, "sam"))
                .expectEvents(new ContactCreated(NEW_CONTACT_ID, details, null, "sam"));
    }

    @Test
    void aDirectCreateUnderAnUnknownAccountIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateContact(NEW_CONTACT_ID, contactFromFullLead(EXISTING_ACCOUNT_ID), null, true, "sam"))
                .expectException(invalidField("parentAccountId"))
                .expectNoEvents();
    }

    @Test
    void fromALeadTheParentAccountIsNotChecked() {
        ContactDetails underAccountNotYetInDirectory = contactFromFullLead(NEW_ACCOUNT_ID);

        fixture.givenNoPriorActivity()
                .when(new CreateContact(NEW_CONTACT_ID, underAccountNotYetInDirectory, LEAD_ID, false, "sam"))
                .expectEvents(new ContactCreated(NEW_CONTACT_ID, underAccountNotYetInDirectory, LEAD_ID, "sam"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void refusesAContactWithoutLastName(String lastName) {
        fixture.givenNoPriorActivity()
                .when(new CreateContact(NEW_CONTACT_ID,
                        new ContactDetails("Maria", lastName, null, null, null, null, null, null, null), null, true, "sam"))
                .expectException(invalidField("lastName"))
                .expectNoEvents();
    }

    @Test
    void theSameCreateAgainRecordsNothingAndAnswersTheSameId() {
        ContactDetails details = contactFromFullLead(NEW_ACCOUNT_ID);

        fixture.given(new ContactCreated(NEW_CONTACT_ID, details, LEAD_ID, "sam"))
                .when(new CreateContact(NEW_CONTACT_ID, details, LEAD_ID, false, "sam"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(NEW_CONTACT_ID);
    }

    @Test
    void otherDetailsUnderTheSameIdAreAnIdConflict() {
        fixture.given(new ContactCreated(NEW_CONTACT_ID, contactFromFullLead(null), null, "sam"))
                .when(new CreateContact(NEW_CONTACT_ID,
                        new ContactDetails("Piet", "de Vries", null, null, null, null, null, null, null), null, true, "sam"))
                .expectException(violation("id-conflict",
                        "A contact with id " + NEW_CONTACT_ID + " already exists with other details."))
                .expectNoEvents();
    }

    @Test
    void theIdConflictIsDecidedBeforeTheParentCheck() {
        fixture.given(new ContactCreated(NEW_CONTACT_ID, contactFromFullLead(null), null, "sam"))
                .when(new CreateContact(NEW_CONTACT_ID, contactFromFullLead(EXISTING_ACCOUNT_ID), null, true, "sam"))
                .expectException(violation("id-conflict"));
    }
}
