package dev.leadqualification.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadqualification.acceptance.support.Api;
import dev.leadqualification.acceptance.support.Json;
import dev.leadqualification.acceptance.support.Leads;
import dev.leadqualification.acceptance.support.Reply;
import dev.leadqualification.acceptance.support.Sales;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.leadqualification.acceptance.support.Json.assertHasValues;
import static dev.leadqualification.acceptance.support.Json.object;
import static dev.leadqualification.acceptance.support.Problems.SAME_ACCOUNT_NAME;
import static dev.leadqualification.acceptance.support.Problems.SAME_CONTACT_EMAIL;
import static dev.leadqualification.acceptance.support.Problems.assertDuplicatesFound;
import static dev.leadqualification.acceptance.support.Problems.assertValidation;
import static dev.leadqualification.acceptance.support.Problems.match;
import static dev.leadqualification.acceptance.support.User.SAM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Qualify rule 4 over HTTP, with the default rules: the account and contact a qualification would create are
 * matched against the existing ones. A match answers 409 {@code duplicates-found}, is recorded on the lead and
 * leaves it open, until the salesperson links the existing record ({@code USE_EXISTING}) or creates anyway
 * ({@code CREATE_NEW}). Each test starts from detection on with the improved experience and puts the settings
 * back as it found them, since every test class shares the database.
 */
class DuplicateDetectionWhenQualifyingIT {

    private final Api api = Api.shared();
    private final Sales sales = new Sales(api);
    private JsonNode settingsBefore;

    /** A customer already in the system: an account whose name the lead's company repeats in another spelling. */
    private record Customer(String token, String name, String accountId) {
    }

    @BeforeEach
    void detectDuplicatesWithTheImprovedExperience() {
        settingsBefore = api.settings();
        api.changeSettings(object("createRecordsByDefault", true, "improvedDuplicateDetection", true,
                "duplicateDetectionEnabled", true));
    }

    @AfterEach
    void restoreTheSettings() {
        api.changeSettings(settingsBefore);
    }

    @Test
    void aCaseAndSpaceVariantOfAnExistingCompanyMatchesIsRecordedAndLeavesTheLeadOpen() {
        Customer customer = existingCustomer();
        String leadId = sales.createLead(leadFrom(customer));
        long versionBefore = api.awaitRecord("/api/leads/" + leadId).path("version").asLong();

        JsonNode problem = assertDuplicatesFound(qualify(leadId, Leads.allRecords()), "MAY_ALREADY_EXIST");

        assertThat(problem.path("matchedAccounts")).hasSize(1);
        JsonNode match = match(problem.path("matchedAccounts"), "accountId", customer.accountId());
        assertHasValues(match, object(
                "name", customer.name(),
                "email", "office@" + customer.token() + ".example",
                "phone", "+1 206 555 0142",
                "city", "Seattle",
                "matchedRules", List.of(SAME_ACCOUNT_NAME)));
        assertThat(Instant.parse(match.path("createdAt").asText())).isBefore(Instant.now());
        assertThat(problem.path("matchedContacts")).as("the new contact matches no one").isEmpty();

        JsonNode lead = api.awaitLead(leadId, recorded -> recorded.path("version").asLong() > versionBefore);
        assertThat(lead.path("status").asText()).as("status after the warning: %s", lead).isEqualTo("OPEN");
        assertThat(lead.path("qualification").path("qualifiedAt").isMissingNode()
                || lead.path("qualification").path("qualifiedAt").isNull()).as("never qualified: %s", lead).isTrue();
    }

    @Test
    void withoutTheImprovedExperienceTheMatchesComeAsADuplicateWarning() {
        api.changeSettings(object("improvedDuplicateDetection", false));
        Customer customer = existingCustomer();
        String contactEmail = "ivan@" + customer.token() + ".example";
        String contactId = sales.createContact(object("firstName", "Ivan", "lastName", "Known-" + customer.token(),
                "email", contactEmail, "businessPhone", "+1 206 555 0143", "parentAccountId", customer.accountId(),
                "address", object("city", "Tacoma")));
        String leadId = sales.createLead(leadFrom(customer).put("email", contactEmail.toUpperCase()));

        JsonNode problem = assertDuplicatesFound(qualify(leadId, Leads.allRecords()), "DUPLICATE_WARNING");

        assertHasValues(match(problem.path("matchedAccounts"), "accountId", customer.accountId()),
                object("matchedRules", List.of(SAME_ACCOUNT_NAME)));
        assertThat(problem.path("matchedContacts")).hasSize(1);
        assertHasValues(match(problem.path("matchedContacts"), "contactId", contactId), object(
                "fullName", "Ivan Known-" + customer.token(),
                "email", contactEmail,
                "phone", "+1 206 555 0143",
                "city", "Tacoma",
                "matchedRules", List.of(SAME_CONTACT_EMAIL)));
    }

    @Test
    void linkingTheExistingAccountCreatesNoNewOneAndTheOpportunitySellsToIt() {
        Customer customer = existingCustomer();
        String leadId = sales.createLead(leadFrom(customer));
        assertDuplicatesFound(qualify(leadId, Leads.allRecords()), "MAY_ALREADY_EXIST");

        JsonNode result = sales.qualify(leadId, resolved(object("action", "USE_EXISTING",
                "accountId", customer.accountId())));

        assertThat(result.path("accountId").asText(null)).as("no new account: %s", result).isNull();
        assertHasValues(result, object(
                "linkedAccountId", customer.accountId(),
                "skipped", List.of(object("record", "ACCOUNT", "reason", "DUPLICATE_LINKED")),
                "processStage", "DEVELOP"));
        String contactId = result.path("contactId").asText();
        JsonNode opportunity = api.awaitRecord("/api/opportunities/" + result.path("opportunityId").asText());
        assertHasValues(opportunity, object(
                "customer", object("type", "ACCOUNT", "id", customer.accountId()),
                "accountId", customer.accountId(),
                "contactId", contactId,
                "originatingLeadId", leadId));
        assertHasValues(api.awaitRecord("/api/contacts/" + contactId),
                object("parentAccountId", customer.accountId(), "originatingLeadId", leadId));
        JsonNode lead = api.awaitLead(leadId, Leads.qualificationCompleted());
        assertHasValues(lead.path("qualification"), object("linkedAccountId", customer.accountId(), "accountId", null));
        assertThat(api.awaitFound("/api/accounts?q=" + customer.token())).as("accounts of this customer").isEqualTo(1);
    }

    @Test
    void createNewCreatesTheAccountAnyway() {
        Customer customer = existingCustomer();
        String leadId = sales.createLead(leadFrom(customer));
        assertDuplicatesFound(qualify(leadId, Leads.allRecords()), "MAY_ALREADY_EXIST");

        JsonNode result = sales.qualify(leadId, resolved(object("action", "CREATE_NEW")));

        assertNewAccount(result, customer, leadId);
    }

    @Test
    void suppressingDetectionQualifiesAMatchingLead() {
        Customer customer = existingCustomer();
        String leadId = sales.createLead(leadFrom(customer));

        JsonNode result = sales.qualify(leadId, Leads.allRecords().put("suppressDuplicateDetection", true));

        assertNewAccount(result, customer, leadId);
    }

    @Test
    void withDetectionDisabledAMatchingLeadQualifies() {
        JsonNode settings = api.changeSettings(object("duplicateDetectionEnabled", false));
        assertThat(settings.path("duplicateDetectionEnabled").asBoolean()).as("%s", settings).isFalse();
        Customer customer = existingCustomer();
        String leadId = sales.createLead(leadFrom(customer));

        JsonNode result = sales.qualify(leadId, Leads.allRecords());

        assertNewAccount(result, customer, leadId);
    }

    @Test
    void linkingAnAccountThatIsNotAmongTheMatchesIsRefusedAndTheLeadStaysOpen() {
        Customer customer = existingCustomer();
        String unrelatedAccountId = sales.createAccount(object("name", "Unrelated Traders " + Leads.token()));
        String leadId = sales.createLead(leadFrom(customer));

        Reply refused = qualify(leadId, resolved(object("action", "USE_EXISTING", "accountId", unrelatedAccountId)));

        assertValidation(refused, "duplicateResolution.accountId");
        assertThat(sales.settledLead(leadId).path("status").asText()).isEqualTo("OPEN");
    }

    @Test
    void inBulkOnlyTheLeadWithADuplicateWaitsAndTheOthersAreQualified() {
        Customer customer = existingCustomer();
        String duplicate = sales.createLead(leadFrom(customer));
        String first = sales.createLead(Leads.complete());
        String second = sales.createLead(Leads.complete());
        long versionBefore = api.awaitRecord("/api/leads/" + duplicate).path("version").asLong();
        ObjectNode request = Leads.allRecords();
        request.set("leadIds", Json.MAPPER.valueToTree(List.of(first, duplicate, second)));

        Reply reply = api.as(SAM).post("/api/leads/qualify", request);

        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        Map<String, JsonNode> outcomes = new HashMap<>();
        reply.json().path("results").forEach(result -> outcomes.put(result.path("leadId").asText(), result));
        assertThat(outcomes).as("%s", reply).containsOnlyKeys(first, duplicate, second);
        assertHasValues(outcomes.get(duplicate), object("outcome", "DUPLICATES_FOUND", "experience", "MAY_ALREADY_EXIST",
                "matchedContacts", List.of()));
        assertHasValues(match(outcomes.get(duplicate).path("matchedAccounts"), "accountId", customer.accountId()),
                object("name", customer.name(), "matchedRules", List.of(SAME_ACCOUNT_NAME)));
        for (String qualified : List.of(first, second)) {
            assertHasValues(outcomes.get(qualified), object("outcome", "QUALIFIED", "status", "QUALIFIED"));
            assertThat(outcomes.get(qualified).path("accountId").asText(null)).as("%s", reply).isNotNull();
            api.awaitLead(qualified, Leads.hasStatus("QUALIFIED"));
        }
        JsonNode waiting = api.awaitLead(duplicate, lead -> lead.path("version").asLong() > versionBefore);
        assertThat(waiting.path("status").asText()).isEqualTo("OPEN");
    }

    /** An account "Contoso Pharmaceuticals <token>" with e-mail, phone and city, created directly. */
    private Customer existingCustomer() {
        String token = Leads.token();
        String name = "Contoso Pharmaceuticals " + token;
        String accountId = sales.createAccount(object("name", name, "email", "office@" + token + ".example",
                "phone", "+1 206 555 0142", "address", object("city", "Seattle", "country", "US")));
        return new Customer(token, name, accountId);
    }

    /** A lead whose company is the customer's name in other case and spacing; its person is new. */
    private static ObjectNode leadFrom(Customer customer) {
        return Leads.complete().put("companyName", Leads.caseAndSpaceVariant(customer.name()));
    }

    /** All three records, with the salesperson's answer to the duplicate warning. */
    private static ObjectNode resolved(ObjectNode resolution) {
        ObjectNode options = Leads.allRecords();
        options.set("duplicateResolution", resolution);
        return options;
    }

    private Reply qualify(String leadId, ObjectNode options) {
        return api.as(SAM).post("/api/leads/" + leadId + "/qualify", options);
    }

    /** The qualification created an account of its own for the lead, besides the customer's. */
    private void assertNewAccount(JsonNode result, Customer customer, String leadId) {
        String accountId = result.path("accountId").asText(null);
        assertThat(accountId).as("a new account: %s", result).isNotNull().isNotEqualTo(customer.accountId());
        assertThat(result.path("linkedAccountId").asText(null)).as("nothing linked: %s", result).isNull();
        JsonNode account = api.awaitRecord("/api/accounts/" + accountId);
        assertHasValues(account, object("originatingLeadId", leadId));
        assertThat(account.path("name").asText().strip()).isEqualToIgnoringCase(customer.name().replace(" ", "   "));
    }
}
