package dev.leadqualification.command.lead;

import dev.leadqualification.command.support.FixedDuplicates;
import dev.leadqualification.command.support.FixedSettings;
import dev.leadqualification.command.support.InMemoryCustomerDirectory;
import dev.leadqualification.command.support.LeadDetailsBuilder;
import dev.leadqualification.kernel.account.AccountDetails;
import dev.leadqualification.kernel.common.ProcessStage;
import dev.leadqualification.kernel.common.RecordType;
import dev.leadqualification.kernel.duplicates.DuplicateExperience;
import dev.leadqualification.kernel.duplicates.DuplicatesFound;
import dev.leadqualification.kernel.lead.DuplicateDetected;
import dev.leadqualification.kernel.lead.DuplicateResolution;
import dev.leadqualification.kernel.lead.LeadCreated;
import dev.leadqualification.kernel.lead.LeadDetails;
import dev.leadqualification.kernel.lead.QualificationResult;
import dev.leadqualification.kernel.lead.QualifyLead;
import dev.leadqualification.kernel.lead.QualifyOptions;
import dev.leadqualification.kernel.lead.SkippedRecord;
import dev.leadqualification.kernel.qualification.QualificationDetails;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.leadqualification.command.support.DomainMatchers.invalidField;
import static dev.leadqualification.command.support.DomainMatchers.violation;
import static dev.leadqualification.command.support.DuplicateSamples.ANA_MATCH;
import static dev.leadqualification.command.support.DuplicateSamples.CONTOSO_MATCH;
import static dev.leadqualification.command.support.DuplicateSamples.MATCHED_ACCOUNT_ID;
import static dev.leadqualification.command.support.LeadFixtures.leadFixture;
import static dev.leadqualification.command.support.LeadQualifiedBuilder.qualified;
import static dev.leadqualification.command.support.LeadSamples.EXISTING_ACCOUNT_ID;
import static dev.leadqualification.command.support.LeadSamples.LEAD_ID;
import static dev.leadqualification.command.support.LeadSamples.NEW_IDS;
import static dev.leadqualification.command.support.LeadSamples.accountFromFullLead;
import static dev.leadqualification.command.support.LeadSamples.contactFromFullLead;
import static dev.leadqualification.command.support.LeadSamples.opportunityFromFullLead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.instanceOf;

/** Qualify rule 4 of API.md: the records about to be created are checked for duplicates, and the lead's answers. */
class LeadDuplicateDetectionTest {

    private static final LeadCreated LEAD_CREATED = new LeadCreated(LEAD_ID, LeadDetailsBuilder.full().build(), "sam");
    private static final QualifyOptions ACCOUNT_AND_CONTACT = options(null, null);

    private final FixedSettings settings = new FixedSettings();
    private final FixedDuplicates duplicates = new FixedDuplicates();
    private AggregateTestFixture<Lead> fixture;

    @BeforeEach
    void setUp() {
        fixture = leadFixture(new InMemoryCustomerDirectory(), settings, duplicates);
    }

    private static QualifyOptions options(Boolean suppress, DuplicateResolution resolution) {
        return new QualifyOptions(true, true, false, suppress, resolution, null, null);
    }

    private static QualifyLead qualify(QualifyOptions options) {
        return new QualifyLead(LEAD_ID, options, NEW_IDS);
    }

    @Test
    void matchesStopTheQualificationRecordTheWarningAndLeaveTheLeadOpen() {
        duplicates.accounts(CONTOSO_MATCH).contacts(ANA_MATCH);
        fixture.given(LEAD_CREATED)
                .when(qualify(ACCOUNT_AND_CONTACT))
                .expectEvents(new DuplicateDetected(LEAD_ID, DuplicateExperience.MAY_ALREADY_EXIST,
                        List.of(CONTOSO_MATCH), List.of(ANA_MATCH)))
                .expectResultMessagePayload(new DuplicatesFound(DuplicateExperience.MAY_ALREADY_EXIST,
                        List.of(CONTOSO_MATCH), List.of(ANA_MATCH)));
    }

    @Test
    void withoutTheImprovedExperienceTheClassicWarningIsShown() {
        duplicates.accounts(CONTOSO_MATCH);
        settings.duplicateDetection(true, false);
        fixture.given(LEAD_CREATED)
                .when(qualify(ACCOUNT_AND_CONTACT))
                .expectEvents(new DuplicateDetected(LEAD_ID, DuplicateExperience.DUPLICATE_WARNING,
                        List.of(CONTOSO_MATCH), List.of()));
    }

    @Test
    void aWarnedLeadIsStillOpenAndQualifiesWhenTheSalespersonCreatesNewRecordsAnyway() {
        duplicates.accounts(CONTOSO_MATCH);
        DuplicateResolution createNew = new DuplicateResolution(DuplicateResolution.Action.CREATE_NEW, null, null);
        fixture.given(LEAD_CREATED, new DuplicateDetected(LEAD_ID, DuplicateExperience.MAY_ALREADY_EXIST,
                        List.of(CONTOSO_MATCH), List.of()))
                .when(qualify(options(null, createNew)))
                .expectEvents(qualified().account(accountFromFullLead()).contact(contactFromFullLead(
                        "a0000000-0000-4000-8000-00000000000a")).duplicateResolution(createNew).build());
    }

    @Test
    void suppressedOrDisabledDetectionChecksNothing() {
        duplicates.accounts(CONTOSO_MATCH);
        fixture.given(LEAD_CREATED)
                .when(qualify(options(true, null)))
                .expectResultMessagePayloadMatching(instanceOf(QualificationResult.class));
        settings.duplicateDetection(false, true);
        fixture.given(LEAD_CREATED)
                .when(qualify(ACCOUNT_AND_CONTACT))
                .expectResultMessagePayloadMatching(instanceOf(QualificationResult.class));
        assertThat(duplicates.checked()).isEmpty();
    }

    @Test
    void useExistingLinksTheChosenMatchInsteadOfCreatingTheAccount() {
        duplicates.accounts(CONTOSO_MATCH);
        DuplicateResolution useExisting =
                new DuplicateResolution(DuplicateResolution.Action.USE_EXISTING, MATCHED_ACCOUNT_ID, null);
        QualifyOptions withOpportunity = new QualifyOptions(true, true, true, null, useExisting, null, null);
        fixture.given(LEAD_CREATED)
                .when(qualify(withOpportunity))
                .expectEvents(qualified()
                        .contact(contactFromFullLead(MATCHED_ACCOUNT_ID))
                        .opportunity(opportunityFromFullLead(QualificationDetails.NONE))
                        .linkedAccount(MATCHED_ACCOUNT_ID)
                        .skipped(new SkippedRecord(RecordType.ACCOUNT, SkippedRecord.Reason.DUPLICATE_LINKED))
                        .duplicateResolution(useExisting)
                        .processStage(ProcessStage.DEVELOP)
                        .build());
    }

    @Test
    void useExistingRefusesAnIdThatIsNotAmongTheCurrentMatches() {
        duplicates.accounts(CONTOSO_MATCH);
        DuplicateResolution other = new DuplicateResolution(DuplicateResolution.Action.USE_EXISTING,
                EXISTING_ACCOUNT_ID, null);
        fixture.given(LEAD_CREATED)
                .when(qualify(options(null, other)))
                .expectException(invalidField("duplicateResolution.accountId"))
                .expectNoEvents();
    }

    @Test
    void useExistingNeedsAnIdToLink() {
        DuplicateResolution nothing = new DuplicateResolution(DuplicateResolution.Action.USE_EXISTING, null, null);
        fixture.given(LEAD_CREATED)
                .when(qualify(options(null, nothing)))
                .expectException(invalidField("duplicateResolution"))
                .expectNoEvents();
    }

    @Test
    void onlyRecordsAboutToBeCreatedAreChecked() {
        LeadDetails knownCustomer = LeadDetailsBuilder.full().existingAccountId(EXISTING_ACCOUNT_ID).build();
        fixture.given(new LeadCreated(LEAD_ID, knownCustomer, "sam"))
                .when(qualify(ACCOUNT_AND_CONTACT))
                .expectSuccessfulHandlerExecution();
        assertThat(duplicates.checked()).noneMatch(AccountDetails.class::isInstance).hasSize(1);
    }

    @Test
    void aClosedLeadIsRefusedBeforeAnyCheck() {
        duplicates.accounts(CONTOSO_MATCH);
        fixture.given(LEAD_CREATED, qualified().contact(contactFromFullLead(null)).build())
                .when(qualify(ACCOUNT_AND_CONTACT))
                .expectException(violation("lead-closed"));
        assertThat(duplicates.checked()).isEmpty();
    }
}
