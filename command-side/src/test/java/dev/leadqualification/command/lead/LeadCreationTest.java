package dev.leadqualification.command.lead;

import dev.leadqualification.command.support.FixedSettings;
import dev.leadqualification.command.support.InMemoryCustomerDirectory;
import dev.leadqualification.command.support.LeadDetailsBuilder;
import dev.leadqualification.kernel.lead.CreateLead;
import dev.leadqualification.kernel.lead.LeadCreated;
import dev.leadqualification.kernel.lead.LeadDetails;
import dev.leadqualification.kernel.lead.LeadUpdated;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Set;
import java.util.stream.Stream;

import static dev.leadqualification.command.support.DomainMatchers.invalidField;
import static dev.leadqualification.command.support.DomainMatchers.violation;
import static dev.leadqualification.command.support.LeadFixtures.leadFixture;
import static dev.leadqualification.command.support.LeadSamples.EXISTING_ACCOUNT_ID;
import static dev.leadqualification.command.support.LeadSamples.EXISTING_CONTACT_ID;
import static dev.leadqualification.command.support.LeadSamples.LEAD_ID;

class LeadCreationTest {

    private final InMemoryCustomerDirectory directory = new InMemoryCustomerDirectory();
    private AggregateTestFixture<Lead> fixture;

    @BeforeEach
    void setUp() {
        fixture = leadFixture(directory, new FixedSettings());
    }

    @Test
    void createsTheLeadWithAllItsDetailsAndAnswersItsId() {
        LeadDetails details = LeadDetailsBuilder.full().build();

        fixture.givenNoPriorActivity()
                .when(new CreateLead(LEAD_ID, details, "sam"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new LeadCreated(LEAD_ID, details, "sam"))
                .expectResultMessagePayload(LEAD_ID);
    }

    @Test
    void createsALeadWithOnlyTopicAndLastName() {
        LeadDetails details = LeadDetailsBuilder.minimal().build();

        fixture.givenNoPriorActivity()
                .when(new CreateLead(LEAD_ID, details, "sam"))
                .expectEvents(new LeadCreated(LEAD_ID, details, "sam"));
    }

    static Stream<Arguments> detailsLackingARequiredField() {
        return Stream.of(
                Arguments.of("topic", LeadDetailsBuilder.full().topic(null).build()),
                Arguments.of("topic", LeadDetailsBuilder.full().topic("").build()),
                Arguments.of("topic", LeadDetailsBuilder.full().topic("   ").build()),
                Arguments.of("lastName", LeadDetailsBuilder.full().lastName(null).build()),
                Arguments.of("lastName", LeadDetailsBuilder.full().lastName("").build()),
                Arguments.of("lastName", LeadDetailsBuilder.full().lastName("   ").build()));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("detailsLackingARequiredField")
    void refusesALeadWithoutTopicOrLastName(String field, LeadDetails details) {
        fixture.givenNoPriorActivity()
                .when(new CreateLead(LEAD_ID, details, "sam"))
                .expectException(invalidField(field))
                .expectExceptionMessage("is required")
                .expectNoEvents();
    }

    @Test
    void refusesAnExistingAccountIdThatNamesNoAccount() {
        fixture.givenNoPriorActivity()
                .when(new CreateLead(LEAD_ID, LeadDetailsBuilder.full().existingAccountId(EXISTING_ACCOUNT_ID).build(), "sam"))
                .expectException(invalidField("existingAccountId"))
                .expectNoEvents();
    }

    @Test
    void refusesAnExistingContactIdThatNamesNoContact() {
        directory.withAccount(EXISTING_ACCOUNT_ID);

        fixture.givenNoPriorActivity()
                .when(new CreateLead(LEAD_ID, LeadDetailsBuilder.full().existingAccountId(EXISTING_ACCOUNT_ID)
                        .existingContactId(EXISTING_CONTACT_ID).build(), "sam"))
                .expectException(invalidField("existingContactId"))
                .expectNoEvents();
    }

    @Test
    void acceptsALeadFromAKnownCustomer() {
        directory.withAccount(EXISTING_ACCOUNT_ID).withContact(EXISTING_CONTACT_ID);
        LeadDetails details = LeadDetailsBuilder.full()
                .existingAccountId(EXISTING_ACCOUNT_ID).existingContactId(EXISTING_CONTACT_ID).build();

        fixture.givenNoPriorActivity()
                .when(new CreateLead(LEAD_ID, details, "sam"))
                .expectEvents(new LeadCreated(LEAD_ID, details, "sam"));
    }

    @Test
    void theSameCreateAgainRecordsNothingAndAnswersTheSameId() {
        LeadDetails details = LeadDetailsBuilder.full().build();

        fixture.given(new LeadCreated(LEAD_ID, details, "sam"))
                .when(new CreateLead(LEAD_ID, details, "sam"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(LEAD_ID);
    }

    @Test
    void theSameCreateAgainAfterAnEditIsStillAnsweredAsTheFirstTime() {
        LeadDetails created = LeadDetailsBuilder.full().build();
        LeadDetails edited = LeadDetailsBuilder.full().jobTitle("Operations director").build();

        fixture.given(new LeadCreated(LEAD_ID, created, "sam"), new LeadUpdated(LEAD_ID, edited, Set.of("jobTitle")))
                .when(new CreateLead(LEAD_ID, created, "sam"))
                .expectNoEvents()
                .expectResultMessagePayload(LEAD_ID);
    }

    @Test
    void theSameIdWithOtherDetailsIsAnIdConflict() {
        fixture.given(new LeadCreated(LEAD_ID, LeadDetailsBuilder.full().build(), "sam"))
                .when(new CreateLead(LEAD_ID, LeadDetailsBuilder.full().email("someone.else@example.com").build(), "sam"))
                .expectException(violation("id-conflict",
                        "A lead with id " + LEAD_ID + " already exists with other details."))
                .expectNoEvents();
    }

    @Test
    void aConflictingCreateIsRefusedEvenWhenItsDetailsAreInvalid() {
        fixture.given(new LeadCreated(LEAD_ID, LeadDetailsBuilder.full().build(), "sam"))
                .when(new CreateLead(LEAD_ID, LeadDetailsBuilder.full().topic(null).build(), "sam"))
                .expectException(violation("id-conflict"));
    }
}
