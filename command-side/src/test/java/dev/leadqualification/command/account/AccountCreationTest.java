package dev.leadqualification.command.account;

import dev.leadqualification.kernel.account.AccountCreated;
import dev.leadqualification.kernel.account.AccountDetails;
import dev.leadqualification.kernel.account.CreateAccount;
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
import static dev.leadqualification.command.support.LeadSamples.LEAD_ID;
import static dev.leadqualification.command.support.LeadSamples.NEW_ACCOUNT_ID;
import static dev.leadqualification.command.support.LeadSamples.OTHER_LEAD_ID;
import static dev.leadqualification.command.support.LeadSamples.accountFromFullLead;

/** Creating an account directly or from a lead; a repeated create is a no-op, another one under its id a conflict. */
class AccountCreationTest {

    private static final AccountDetails DETAILS = accountFromFullLead();

    private final FixedSettings settings = new FixedSettings();
    private final FixedDuplicates duplicates = new FixedDuplicates();
    private AggregateTestFixture<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = LeadFixtures.fixture(Account.class, settings, duplicates);
    }

    @Test
    void aDirectCreateThatMatchesAnExistingAccountIsRefusedWithTheMatches() {
        duplicates.accounts(DuplicateSamples.CONTOSO_MATCH);
        fixture.givenNoPriorActivity()
                .when(new CreateAccount(NEW_ACCOUNT_ID, DETAILS, null, true, "sam"))
                .expectException(DomainMatchers.violation("duplicates-found"))
                .expectNoEvents();
    }

    @Test
    void aSuppressedCheckOrADisabledSettingCreatesTheAccountAnyway() {
        duplicates.accounts(DuplicateSamples.CONTOSO_MATCH);
        fixture.givenNoPriorActivity()
                .when(new CreateAccount(NEW_ACCOUNT_ID, DETAILS, null, false, "sam"))
                .expectEvents(new AccountCreated(NEW_ACCOUNT_ID, DETAILS, null, "sam"));
        settings.duplicateDetection(false, true);
        fixture.givenNoPriorActivity()
                .when(new CreateAccount(NEW_ACCOUNT_ID, DETAILS, null, true, "sam"))
                .expectEvents(new AccountCreated(NEW_ACCOUNT_ID, DETAILS, null, "sam"));
    }

    @Test
    void createsAnAccountDirectly() {
        fixture.givenNoPriorActivity()
                .when(new CreateAccount(NEW_ACCOUNT_ID, DETAILS, null, true, "sam"))
                .expectEvents(new AccountCreated(NEW_ACCOUNT_ID, DETAILS, null, "sam"))
                .expectResultMessagePayload(NEW_ACCOUNT_ID);
    }

    @Test
    void createsAnAccountFromALead() {
        fixture.givenNoPriorActivity()
                .when(new CreateAccount(NEW_ACCOUNT_ID, DETAILS, LEAD_ID, false, "sam"))
                .expectEvents(new AccountCreated(NEW_ACCOUNT_ID, DETAILS, LEAD_ID, "sam"));
    }

    @Test
    void aNameAloneIsEnough() {
        AccountDetails nameOnly = new AccountDetails("Jansen Logistics", null, null, null, null);

        fixture.givenNoPriorActivity()
                .when(new CreateAccount(NEW_ACCOUNT_ID, nameOnly, null, true, "sam"))
                .expectEvents(new AccountCreated(NEW_ACCOUNT_ID, nameOnly, null, "sam"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void refusesAnAccountWithoutName(String name) {
        fixture.givenNoPriorActivity()
                .when(new CreateAccount(NEW_ACCOUNT_ID, new AccountDetails(name, "info@example.com", null, null, null),
                        null, true, "sam"))
                .expectException(invalidField("name"))
                .expectNoEvents();
    }

    @Test
    void theSameCreateAgainRecordsNothingAndAnswersTheSameId() {
        fixture.given(new AccountCreated(NEW_ACCOUNT_ID, DETAILS, LEAD_ID, "sam"))
                .when(new CreateAccount(NEW_ACCOUNT_ID, DETAILS, LEAD_ID, false, "sam"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(NEW_ACCOUNT_ID);
    }

    @Test
    void otherDetailsUnderTheSameIdAreAnIdConflict() {
        fixture.given(new AccountCreated(NEW_ACCOUNT_ID, DETAILS, null, "sam"))
                .when(new CreateAccount(NEW_ACCOUNT_ID, new AccountDetails("Other Company", null, null, null, null),
                        null, true, "sam"))
                .expectException(violation("id-conflict",
                        "An account with id " + NEW_ACCOUNT_ID + " already exists with other details."))
                .expectNoEvents();
    }

    @Test
    void anotherOriginatingLeadUnderTheSameIdIsAnIdConflict() {
        fixture.given(new AccountCreated(NEW_ACCOUNT_ID, DETAILS, LEAD_ID, "sam"))
                .when(new CreateAccount(NEW_ACCOUNT_ID, DETAILS, OTHER_LEAD_ID, false, "sam"))
                .expectException(violation("id-conflict"))
                .expectNoEvents();
    }

    @Test
    void aDirectCreateUnderTheIdOfAnAccountFromALeadIsAnIdConflict() {
        fixture.given(new AccountCreated(NEW_ACCOUNT_ID, DETAILS, LEAD_ID, "sam"))
                .when(new CreateAccount(NEW_ACCOUNT_ID, DETAILS, null, true, "sam"))
                .expectException(violation("id-conflict"));
    }
}
