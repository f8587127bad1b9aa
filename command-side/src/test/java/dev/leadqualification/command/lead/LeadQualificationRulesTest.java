package dev.leadqualification.command.lead;

import dev.leadqualification.command.support.FixedSettings;
import dev.leadqualification.command.support.InMemoryCustomerDirectory;
import dev.leadqualification.command.support.LeadDetailsBuilder;
import dev.leadqualification.command.support.LeadQualifiedBuilder;
import dev.leadqualification.kernel.account.AccountDetails;
import dev.leadqualification.kernel.common.ChoiceRequired;
import dev.leadqualification.kernel.common.ProcessStage;
import dev.leadqualification.kernel.common.RecordType;
import dev.leadqualification.kernel.lead.DisqualificationReason;
import dev.leadqualification.kernel.lead.DuplicateResolution;
import dev.leadqualification.kernel.lead.LeadCreated;
import dev.leadqualification.kernel.lead.LeadDetails;
import dev.leadqualification.kernel.lead.LeadDisqualified;
import dev.leadqualification.kernel.lead.LeadQualified;
import dev.leadqualification.kernel.lead.LeadReactivated;
import dev.leadqualification.kernel.lead.LeadStatusReasonChanged;
import dev.leadqualification.kernel.lead.LeadUpdated;
import dev.leadqualification.kernel.lead.NewRecordIds;
import dev.leadqualification.kernel.lead.NoteAdded;
import dev.leadqualification.kernel.lead.QualifyLead;
import dev.leadqualification.kernel.lead.QualifyOptions;
import dev.leadqualification.kernel.lead.SkippedRecord;
import dev.leadqualification.kernel.lead.StatusReason;
import dev.leadqualification.kernel.qualification.QualificationDetails;
import org.axonframework.messaging.Message;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.leadqualification.command.support.DomainMatchers.matching;
import static dev.leadqualification.command.support.DomainMatchers.violation;
import static dev.leadqualification.command.support.LeadFixtures.leadFixture;
import static dev.leadqualification.command.support.LeadQualifiedBuilder.qualified;
import static dev.leadqualification.command.support.LeadSamples.ADDRESS;
import static dev.leadqualification.command.support.LeadSamples.EXISTING_ACCOUNT_ID;
import static dev.leadqualification.command.support.LeadSamples.EXISTING_CONTACT_ID;
import static dev.leadqualification.command.support.LeadSamples.LEAD_ID;
import static dev.leadqualification.command.support.LeadSamples.NEW_ACCOUNT_ID;
import static dev.leadqualification.command.support.LeadSamples.NEW_IDS;
import static dev.leadqualification.command.support.LeadSamples.NOTE_1;
import static dev.leadqualification.command.support.LeadSamples.NOTE_2;
import static dev.leadqualification.command.support.LeadSamples.accountFromFullLead;
import static dev.leadqualification.command.support.LeadSamples.contactFromFullLead;
import static dev.leadqualification.command.support.LeadSamples.opportunityFromFullLead;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;

/** Qualify rules 1 to 3 and 5 of API.md, in their order, on the Lead aggregate. */
class LeadQualificationRulesTest {

    private static final LeadCreated LEAD_CREATED = new LeadCreated(LEAD_ID, LeadDetailsBuilder.full().build(), "sam");
    private static final QualificationDetails NO_FINDINGS = QualificationDetails.NONE;

    private final InMemoryCustomerDirectory directory = new InMemoryCustomerDirectory();
    private final FixedSettings settings = new FixedSettings();
    private AggregateTestFixture<Lead> fixture;

    @BeforeEach
    void setUp() {
        fixture = leadFixture(directory, settings);
    }

    private static QualifyLead qualify(QualifyOptions options) {
        return new QualifyLead(LEAD_ID, options, NEW_IDS);
    }

    private static QualifyOptions flags(Boolean account, Boolean contact, Boolean opportunity) {
        return new QualifyOptions(account, contact, opportunity, null, null, null, null);
    }

    /** Expects exactly this qualification recorded and answered. */
    private static void expectQualified(ResultValidator<Lead> result, LeadQualifiedBuilder expected) {
        result.expectSuccessfulHandlerExecution()
                .expectEvents(expected.build())
                .expectResultMessagePayload(expected.result());
    }

    private static LeadQualifiedBuilder allThreeFromFullLead() {
        return qualified()
                .account(accountFromFullLead())
                .contact(contactFromFullLead(NEW_ACCOUNT_ID))
                .opportunity(opportunityFromFullLead(NO_FINDINGS))
                .processStage(ProcessStage.DEVELOP);
    }

    @Nested
    class Rule1OnlyAnOpenLeadQualifies {

        private static final String CLOSED_FOR_QUALIFICATION = "The lead is closed: a qualified or disqualified lead "
                + "can't be qualified again. Reactivate it first.";

        @Test
        void aQualifiedLeadIsRefused() {
            fixture.given(LEAD_CREATED, qualified().build())
                    .when(qualify(QualifyOptions.DEFAULTS))
                    .expectException(violation("lead-closed", CLOSED_FOR_QUALIFICATION))
                    .expectNoEvents();
        }

        @Test
        void aDisqualifiedLeadIsRefused() {
            fixture.given(LEAD_CREATED, new LeadDisqualified(LEAD_ID, DisqualificationReason.NO_LONGER_INTERESTED, null))
                    .when(qualify(QualifyOptions.DEFAULTS))
                    .expectException(violation("lead-closed", CLOSED_FOR_QUALIFICATION))
                    .expectNoEvents();
        }

        @Test
        void isCheckedBeforeTheRecordSelection() {
            settings.createRecordsByDefault(false);

            fixture.given(LEAD_CREATED, qualified().build())
                    .when(qualify(QualifyOptions.DEFAULTS))
                    .expectException(violation("lead-closed"));
        }

        @Test
        void aReactivatedLeadQualifiesAgainUnderTheNewQualificationId() {
            String secondQualification = "f0000000-0000-4000-8000-0000000000f2";
            NewRecordIds secondIds = new NewRecordIds("a0000000-0000-4000-8000-0000000000a2",
                    "c0000000-0000-4000-8000-0000000000c2", "e0000000-0000-4000-8000-0000000000e2",
                    secondQualification);

            fixture.given(LEAD_CREATED, qualified().contact(contactFromFullLead(null)).build(),
                            new LeadReactivated(LEAD_ID))
                    .when(new QualifyLead(LEAD_ID, flags(null, true, null), secondIds))
                    .expectEvents(new LeadQualified(LEAD_ID, secondQualification, null, null,
                            "c0000000-0000-4000-8000-0000000000c2", contactFromFullLead(null), null, null, null, null,
                            List.of(), List.of(), null, ProcessStage.QUALIFY, "sam"));
        }
    }

    @Nested
    class Rule2WhichRecords {

        @Test
        void withoutFlagsTheDefaultSettingCreatesAllThree() {
            expectQualified(fixture.given(LEAD_CREATED).when(qualify(QualifyOptions.DEFAULTS)), allThreeFromFullLead());
        }

        @Test
        void noOptionsAtAllCountAsNoFlags() {
            expectQualified(fixture.given(LEAD_CREATED).when(qualify(null)), allThreeFromFullLead());
        }

        @Test
        void withoutFlagsAndWithoutTheDefaultTheCallerMustChoose() {
            settings.createRecordsByDefault(false);

            fixture.given(LEAD_CREATED)
                    .when(qualify(QualifyOptions.DEFAULTS))
                    .expectException(matching(ChoiceRequired.class, "record-selection-required with the three choices",
                            e -> e.rule().equals("record-selection-required")
                                    && e.extensions().equals(Map.of("choices",
                                    List.of(RecordType.ACCOUNT, RecordType.CONTACT, RecordType.OPPORTUNITY)))))
                    .expectNoEvents();
        }

        @Test
        void givenFlagsOverrideTheSettingEvenWhenItDoesNotCreateByDefault() {
            settings.createRecordsByDefault(false);

            expectQualified(fixture.given(LEAD_CREATED).when(qualify(flags(true, null, null))),
                    qualified().account(accountFromFullLead()));
        }

        @Test
        void anAbsentFlagCountsAsFalse() {
            expectQualified(fixture.given(LEAD_CREATED).when(qualify(flags(null, true, null))),
                    qualified().contact(contactFromFullLead(null)));
        }

        @Test
        void accountAndContactWithoutOpportunityPutTheContactUnderTheNewAccount() {
            expectQualified(fixture.given(LEAD_CREATED).when(qualify(flags(true, true, false))),
                    qualified().account(accountFromFullLead()).contact(contactFromFullLead(NEW_ACCOUNT_ID)));
        }

        @Test
        void onlyAnOpportunity() {
            expectQualified(fixture.given(LEAD_CREATED).when(qualify(flags(false, false, true))),
                    qualified().opportunity(opportunityFromFullLead(NO_FINDINGS)).processStage(ProcessStage.DEVELOP));
        }

        @Test
        void allFlagsFalseQualifiesWithoutRecords() {
            expectQualified(fixture.given(LEAD_CREATED).when(qualify(flags(false, false, false))), qualified());
        }
    }

    @Nested
    class Rule3ExistingCustomerAndCompanyName {

        @Test
        void anExistingAccountIsLinkedInsteadOfCreatedAndParentsTheNewContact() {
            directory.withAccount(EXISTING_ACCOUNT_ID);
            LeadDetails lead = LeadDetailsBuilder.full().existingAccountId(EXISTING_ACCOUNT_ID).build();

            expectQualified(fixture.given(new LeadCreated(LEAD_ID, lead, "sam")).when(qualify(QualifyOptions.DEFAULTS)),
                    qualified()
                            .linkedAccount(EXISTING_ACCOUNT_ID)
                            .contact(contactFromFullLead(EXISTING_ACCOUNT_ID))
                            .opportunity(opportunityFromFullLead(NO_FINDINGS))
                            .processStage(ProcessStage.DEVELOP)
                            .skipped(new SkippedRecord(RecordType.ACCOUNT, SkippedRecord.Reason.EXISTING_RECORD_LINKED)));
        }

        @Test
        void anExistingContactIsLinkedInsteadOfCreated() {
            directory.withContact(EXISTING_CONTACT_ID);
            LeadDetails lead = LeadDetailsBuilder.full().existingContactId(EXISTING_CONTACT_ID).build();

            expectQualified(fixture.given(new LeadCreated(LEAD_ID, lead, "sam")).when(qualify(QualifyOptions.DEFAULTS)),
                    qualified()
                            .account(accountFromFullLead())
                            .linkedContact(EXISTING_CONTACT_ID)
                            .opportunity(opportunityFromFullLead(NO_FINDINGS))
                            .processStage(ProcessStage.DEVELOP)
                            .skipped(new SkippedRecord(RecordType.CONTACT, SkippedRecord.Reason.EXISTING_RECORD_LINKED)));
        }

        @Test
        void aLeadFromAKnownAccountAndContactOnlyGetsAnOpportunity() {
            directory.withAccount(EXISTING_ACCOUNT_ID).withContact(EXISTING_CONTACT_ID);
            LeadDetails lead = LeadDetailsBuilder.full()
                    .existingAccountId(EXISTING_ACCOUNT_ID).existingContactId(EXISTING_CONTACT_ID).build();

            expectQualified(fixture.given(new LeadCreated(LEAD_ID, lead, "sam")).when(qualify(QualifyOptions.DEFAULTS)),
                    qualified()
                            .linkedAccount(EXISTING_ACCOUNT_ID)
                            .linkedContact(EXISTING_CONTACT_ID)
                            .opportunity(opportunityFromFullLead(NO_FINDINGS))
                            .processStage(ProcessStage.DEVELOP)
                            .skipped(new SkippedRecord(RecordType.ACCOUNT, SkippedRecord.Reason.EXISTING_RECORD_LINKED),
                                    new SkippedRecord(RecordType.CONTACT, SkippedRecord.Reason.EXISTING_RECORD_LINKED)));
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "   "})
        void withoutCompanyNameNoAccountIsCreatedAndTheSkipIsReported(String companyName) {
            LeadDetails lead = LeadDetailsBuilder.full().companyName(companyName).build();

            expectQualified(fixture.given(new LeadCreated(LEAD_ID, lead, "sam")).when(qualify(QualifyOptions.DEFAULTS)),
                    qualified()
                            .contact(contactFromFullLead(null))
                            .opportunity(opportunityFromFullLead(NO_FINDINGS))
                            .processStage(ProcessStage.DEVELOP)
                            .skipped(new SkippedRecord(RecordType.ACCOUNT, SkippedRecord.Reason.NO_COMPANY_NAME)));
        }

        @Test
        void aRecordThatWasNotAskedForIsNotReportedAsSkipped() {
            LeadDetails lead = LeadDetailsBuilder.full().companyName(null).build();

            expectQualified(fixture.given(new LeadCreated(LEAD_ID, lead, "sam")).when(qualify(flags(false, true, false))),
                    qualified().contact(contactFromFullLead(null)));
        }

        @Test
        void aLinkedAccountIsReportedOnceEvenWithoutCompanyName() {
            directory.withAccount(EXISTING_ACCOUNT_ID);
            LeadDetails lead = LeadDetailsBuilder.full().companyName(null).existingAccountId(EXISTING_ACCOUNT_ID).build();

            expectQualified(fixture.given(new LeadCreated(LEAD_ID, lead, "sam")).when(qualify(flags(true, true, false))),
                    qualified()
                            .linkedAccount(EXISTING_ACCOUNT_ID)
                            .contact(contactFromFullLead(EXISTING_ACCOUNT_ID))
                            .skipped(new SkippedRecord(RecordType.ACCOUNT, SkippedRecord.Reason.EXISTING_RECORD_LINKED)));
        }
    }

    @Nested
    class Rule5Outcome {

        @Test
        void theStageStaysQualifyWithoutOpportunity() {
            fixture.given(LEAD_CREATED)
                    .when(qualify(flags(true, true, false)))
                    .expectEventsMatching(onlyQualifiedWithStage(ProcessStage.QUALIFY));
        }

        @Test
        void theStageMovesToDevelopWithAnOpportunity() {
            fixture.given(LEAD_CREATED)
                    .when(qualify(flags(false, false, true)))
                    .expectEventsMatching(onlyQualifiedWithStage(ProcessStage.DEVELOP));
        }

        @Test
        void theLeadsNotesGoWithTheQualificationInTheirOrder() {
            fixture.given(LEAD_CREATED,
                            new NoteAdded(LEAD_ID, NOTE_1, "Call", "Called Maria", null),
                            new LeadStatusReasonChanged(LEAD_ID, StatusReason.CONTACTED),
                            new NoteAdded(LEAD_ID, NOTE_2, "Visit", "Visited the depot", null))
                    .when(qualify(QualifyOptions.DEFAULTS))
                    .expectEvents(allThreeFromFullLead().noteIds(NOTE_1, NOTE_2).build());
        }

        @Test
        void theDuplicateResolutionIsRecordedWithTheDecision() {
            DuplicateResolution createNew = new DuplicateResolution(DuplicateResolution.Action.CREATE_NEW, null, null);

            fixture.given(LEAD_CREATED)
                    .when(qualify(new QualifyOptions(null, null, null, null, createNew, null, null)))
                    .expectEvents(allThreeFromFullLead().duplicateResolution(createNew).build());
        }

        @Test
        void qualifiesTheLeadAsItIsAfterItsEdits() {
            LeadDetails edited = LeadDetailsBuilder.full().companyName("Jansen Group").build();

            fixture.given(LEAD_CREATED, new LeadUpdated(LEAD_ID, edited, Set.of("companyName")))
                    .when(qualify(flags(true, false, false)))
                    .expectEvents(qualified().account(new AccountDetails(
                            "Jansen Group", "maria.jansen@jansen-logistics.example", "+31 10 555 0100",
                            "https://jansen-logistics.example",
                            ADDRESS)).build());
        }

        private Matcher<List<Message<?>>> onlyQualifiedWithStage(ProcessStage stage) {
            return payloadsMatching(exactSequenceOf(
                    matching(LeadQualified.class, "LeadQualified in stage " + stage, e -> e.processStage() == stage),
                    andNoMore()));
        }
    }
}
