package dev.leadqualification.command.lead;

import dev.leadqualification.command.support.FixedSettings;
import dev.leadqualification.command.support.InMemoryCustomerDirectory;
import dev.leadqualification.command.support.LeadDetailsBuilder;
import dev.leadqualification.command.support.LeadQualifiedBuilder;
import dev.leadqualification.kernel.lead.AddNote;
import dev.leadqualification.kernel.lead.Attachment;
import dev.leadqualification.kernel.lead.DisqualificationReason;
import dev.leadqualification.kernel.lead.LeadCreated;
import dev.leadqualification.kernel.lead.LeadDetails;
import dev.leadqualification.kernel.lead.LeadDisqualified;
import dev.leadqualification.kernel.lead.LeadReactivated;
import dev.leadqualification.kernel.lead.LeadStatusReasonChanged;
import dev.leadqualification.kernel.lead.LeadUpdated;
import dev.leadqualification.kernel.lead.NoteAdded;
import dev.leadqualification.kernel.lead.QualificationDetailsUpdated;
import dev.leadqualification.kernel.lead.StatusReason;
import dev.leadqualification.kernel.lead.UpdateLead;
import dev.leadqualification.kernel.lead.UpdateQualificationDetails;
import dev.leadqualification.kernel.qualification.QualificationDetails;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Stream;

import static dev.leadqualification.command.support.DomainMatchers.invalidField;
import static dev.leadqualification.command.support.DomainMatchers.violation;
import static dev.leadqualification.command.support.LeadFixtures.leadFixture;
import static dev.leadqualification.command.support.LeadSamples.EXISTING_ACCOUNT_ID;
import static dev.leadqualification.command.support.LeadSamples.LEAD_ID;
import static dev.leadqualification.command.support.LeadSamples.NOTE_1;
import static dev.leadqualification.command.support.LeadSamples.NOTE_2;
import static dev.leadqualification.command.support.LeadSamples.qualificationDetails;

/** Work on an open lead: merge patches, the Qualify stage's findings and notes; a closed lead refuses all three. */
class LeadEditingTest {

    private static final String CLOSED_FOR_CHANGES =
            "The lead is closed: a qualified or disqualified lead can't be changed. Reactivate it first.";
    private static final LeadDetails CREATED = LeadDetailsBuilder.full().build();
    private static final LeadCreated LEAD_CREATED = new LeadCreated(LEAD_ID, CREATED, "sam");

    private final InMemoryCustomerDirectory directory = new InMemoryCustomerDirectory();
    private AggregateTestFixture<Lead> fixture;

    @BeforeEach
    void setUp() {
        fixture = leadFixture(directory, new FixedSettings());
    }

    /** Events that close a lead: qualified, or disqualified. */
    static Stream<Object[]> closingEvents() {
        return Stream.of(
                new Object[]{LeadQualifiedBuilder.qualified().build()},
                new Object[]{new LeadDisqualified(LEAD_ID, DisqualificationReason.LOST, null)});
    }

    @Nested
    class Patch {

        @Test
        void changesOnlyTheNamedFields() {
            LeadDetails values = LeadDetailsBuilder.minimal().topic("Different topic").jobTitle("Operations director")
                    .companyName("Ignored because not named").build();

            fixture.given(LEAD_CREATED)
                    .when(new UpdateLead(LEAD_ID, values, Set.of("jobTitle")))
                    .expectEvents(new LeadUpdated(LEAD_ID,
                            LeadDetailsBuilder.full().jobTitle("Operations director").build(), Set.of("jobTitle")));
        }

        @Test
        void aNamedNullClearsTheField() {
            LeadDetails values = LeadDetailsBuilder.full().email(null).website(null).build();

            fixture.given(LEAD_CREATED)
                    .when(new UpdateLead(LEAD_ID, values, Set.of("email", "website")))
                    .expectEvents(new LeadUpdated(LEAD_ID, LeadDetailsBuilder.full().email(null).website(null).build(),
                            Set.of("email", "website")));
        }

        @Test
        void buildsOnThePreviousPatch() {
            LeadDetails afterFirst = LeadDetailsBuilder.full().jobTitle("Operations director").build();

            fixture.given(LEAD_CREATED, new LeadUpdated(LEAD_ID, afterFirst, Set.of("jobTitle")))
                    .when(new UpdateLead(LEAD_ID, LeadDetailsBuilder.minimal().companyName("Jansen Group").build(),
                            Set.of("companyName")))
                    .expectEvents(new LeadUpdated(LEAD_ID,
                            LeadDetailsBuilder.full().jobTitle("Operations director").companyName("Jansen Group").build(),
                            Set.of("companyName")));
        }

        @Test
        void aPatchThatChangesNothingRecordsNothing() {
            fixture.given(LEAD_CREATED)
                    .when(new UpdateLead(LEAD_ID, LeadDetailsBuilder.full().build(), Set.of("jobTitle", "email")))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aPatchNamingNoFieldRecordsNothing() {
            fixture.given(LEAD_CREATED)
                    .when(new UpdateLead(LEAD_ID, LeadDetailsBuilder.minimal().build(), Set.of()))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void clearingTheTopicIsRefused() {
            fixture.given(LEAD_CREATED)
                    .when(new UpdateLead(LEAD_ID, LeadDetailsBuilder.full().topic(null).build(), Set.of("topic")))
                    .expectException(invalidField("topic"))
                    .expectNoEvents();
        }

        @Test
        void blankingTheLastNameIsRefused() {
            fixture.given(LEAD_CREATED)
                    .when(new UpdateLead(LEAD_ID, LeadDetailsBuilder.full().lastName(" ").build(), Set.of("lastName")))
                    .expectException(invalidField("lastName"))
                    .expectNoEvents();
        }

        @Test
        void linkingAnUnknownAccountIsRefused() {
            fixture.given(LEAD_CREATED)
                    .when(new UpdateLead(LEAD_ID, LeadDetailsBuilder.full().existingAccountId(EXISTING_ACCOUNT_ID).build(),
                            Set.of("existingAccountId")))
                    .expectException(invalidField("existingAccountId"))
                    .expectNoEvents();
        }

        @Test
        void linkingAKnownAccountIsRecorded() {
            directory.withAccount(EXISTING_ACCOUNT_ID);

            fixture.given(LEAD_CREATED)
                    .when(new UpdateLead(LEAD_ID, LeadDetailsBuilder.full().existingAccountId(EXISTING_ACCOUNT_ID).build(),
                            Set.of("existingAccountId")))
                    .expectEvents(new LeadUpdated(LEAD_ID,
                            LeadDetailsBuilder.full().existingAccountId(EXISTING_ACCOUNT_ID).build(),
                            Set.of("existingAccountId")));
        }

        @ParameterizedTest
        @MethodSource("dev.leadqualification.command.lead.LeadEditingTest#closingEvents")
        void aClosedLeadCannotBeChanged(Object closingEvent) {
            fixture.given(LEAD_CREATED, closingEvent)
                    .when(new UpdateLead(LEAD_ID, LeadDetailsBuilder.full().jobTitle("CEO").build(), Set.of("jobTitle")))
                    .expectException(violation("lead-closed", CLOSED_FOR_CHANGES))
                    .expectNoEvents();
        }

        @Test
        void aReactivatedLeadCanBeChangedAgain() {
            fixture.given(LEAD_CREATED, new LeadDisqualified(LEAD_ID, DisqualificationReason.LOST, null),
                            new LeadReactivated(LEAD_ID))
                    .when(new UpdateLead(LEAD_ID, LeadDetailsBuilder.full().jobTitle("CEO").build(), Set.of("jobTitle")))
                    .expectEvents(new LeadUpdated(LEAD_ID, LeadDetailsBuilder.full().jobTitle("CEO").build(),
                            Set.of("jobTitle")));
        }
    }

    @Nested
    class QualificationFindings {

        @Test
        void theFirstFindingsMarkTheLeadContacted() {
            fixture.given(LEAD_CREATED)
                    .when(new UpdateQualificationDetails(LEAD_ID, qualificationDetails()))
                    .expectEvents(new QualificationDetailsUpdated(LEAD_ID, qualificationDetails()),
                            new LeadStatusReasonChanged(LEAD_ID, StatusReason.CONTACTED));
        }

        @Test
        void laterFindingsReplaceThePreviousOnesWithoutAnotherStatusChange() {
            QualificationDetails revised = new QualificationDetails(null, null, null, null, false, null, null, null,
                    null, "Budget frozen");

            fixture.given(LEAD_CREATED, new QualificationDetailsUpdated(LEAD_ID, qualificationDetails()),
                            new LeadStatusReasonChanged(LEAD_ID, StatusReason.CONTACTED))
                    .when(new UpdateQualificationDetails(LEAD_ID, revised))
                    .expectEvents(new QualificationDetailsUpdated(LEAD_ID, revised));
        }

        @Test
        void theSameFindingsAgainRecordNothing() {
            fixture.given(LEAD_CREATED, new QualificationDetailsUpdated(LEAD_ID, qualificationDetails()),
                            new LeadStatusReasonChanged(LEAD_ID, StatusReason.CONTACTED))
                    .when(new UpdateQualificationDetails(LEAD_ID, qualificationDetails()))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void emptyFindingsOnANewLeadRecordNothing() {
            fixture.given(LEAD_CREATED)
                    .when(new UpdateQualificationDetails(LEAD_ID, QualificationDetails.NONE))
                    .expectNoEvents();
        }

        @Test
        void aLeadAlreadyContactedThroughANoteIsNotMarkedAgain() {
            fixture.given(LEAD_CREATED, new NoteAdded(LEAD_ID, NOTE_1, "Call", "Called Maria", null),
                            new LeadStatusReasonChanged(LEAD_ID, StatusReason.CONTACTED))
                    .when(new UpdateQualificationDetails(LEAD_ID, qualificationDetails()))
                    .expectEvents(new QualificationDetailsUpdated(LEAD_ID, qualificationDetails()));
        }

        @Test
        void aReactivatedLeadStartsAgainFromNew() {
            fixture.given(LEAD_CREATED, new NoteAdded(LEAD_ID, NOTE_1, "Call", "No answer", null),
                            new LeadStatusReasonChanged(LEAD_ID, StatusReason.CONTACTED),
                            new LeadDisqualified(LEAD_ID, DisqualificationReason.CANNOT_CONTACT, null),
                            new LeadReactivated(LEAD_ID))
                    .when(new UpdateQualificationDetails(LEAD_ID, qualificationDetails()))
                    .expectEvents(new QualificationDetailsUpdated(LEAD_ID, qualificationDetails()),
                            new LeadStatusReasonChanged(LEAD_ID, StatusReason.CONTACTED));
        }

        @ParameterizedTest
        @MethodSource("dev.leadqualification.command.lead.LeadEditingTest#closingEvents")
        void aClosedLeadRefusesFindings(Object closingEvent) {
            fixture.given(LEAD_CREATED, closingEvent)
                    .when(new UpdateQualificationDetails(LEAD_ID, qualificationDetails()))
                    .expectException(violation("lead-closed", CLOSED_FOR_CHANGES))
                    .expectNoEvents();
        }
    }

    @Nested
    class Notes {

        @Test
        void theFirstNoteIsRecordedAndMarksTheLeadContacted() {
            Attachment attachment = new Attachment("offer.pdf", "application/pdf",
                    "%PDF-1.7".getBytes(StandardCharsets.US_ASCII));

            fixture.given(LEAD_CREATED)
                    .when(new AddNote(LEAD_ID, NOTE_1, "Offer", "Sent the offer", attachment))
                    .expectEvents(new NoteAdded(LEAD_ID, NOTE_1, "Offer", "Sent the offer", attachment),
                            new LeadStatusReasonChanged(LEAD_ID, StatusReason.CONTACTED));
        }

        @Test
        void aSecondNoteIsOnlyRecorded() {
            fixture.given(LEAD_CREATED, new NoteAdded(LEAD_ID, NOTE_1, "Call", "Called Maria", null),
                            new LeadStatusReasonChanged(LEAD_ID, StatusReason.CONTACTED))
                    .when(new AddNote(LEAD_ID, NOTE_2, "Visit", "Visited the depot", null))
                    .expectEvents(new NoteAdded(LEAD_ID, NOTE_2, "Visit", "Visited the depot", null));
        }

        @Test
        void aRepeatedNoteIdRecordsNothing() {
            fixture.given(LEAD_CREATED, new NoteAdded(LEAD_ID, NOTE_1, "Call", "Called Maria", null),
                            new LeadStatusReasonChanged(LEAD_ID, StatusReason.CONTACTED))
                    .when(new AddNote(LEAD_ID, NOTE_1, "Call", "Called Maria", null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @ParameterizedTest
        @MethodSource("dev.leadqualification.command.lead.LeadEditingTest#closingEvents")
        void aClosedLeadRefusesNotes(Object closingEvent) {
            fixture.given(LEAD_CREATED, closingEvent)
                    .when(new AddNote(LEAD_ID, NOTE_1, "Call", "Called Maria", null))
                    .expectException(violation("lead-closed", CLOSED_FOR_CHANGES))
                    .expectNoEvents();
        }
    }
}
