package dev.leadqualification.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadqualification.acceptance.support.Api;
import dev.leadqualification.acceptance.support.Leads;
import dev.leadqualification.acceptance.support.Reply;
import dev.leadqualification.acceptance.support.Sales;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static dev.leadqualification.acceptance.support.Json.assertHasValues;
import static dev.leadqualification.acceptance.support.Json.object;
import static dev.leadqualification.acceptance.support.Problems.SAME_ACCOUNT_EMAIL;
import static dev.leadqualification.acceptance.support.Problems.SAME_ACCOUNT_NAME;
import static dev.leadqualification.acceptance.support.Problems.SAME_CONTACT_EMAIL;
import static dev.leadqualification.acceptance.support.Problems.SAME_CONTACT_NAME;
import static dev.leadqualification.acceptance.support.Problems.assertDuplicatesFound;
import static dev.leadqualification.acceptance.support.Problems.match;
import static dev.leadqualification.acceptance.support.User.SAM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accounts and contacts created directly (POST /api/accounts, /api/contacts) meet the published rules too: a
 * create that matches answers 409 {@code duplicates-found} and writes nothing, unless the body says
 * {@code "suppressDuplicateDetection": true}. The default rules and settings are in effect.
 */
class DuplicateDetectionOnDirectCreatesIT {

    private final Api api = Api.shared();
    private final Sales sales = new Sales(api);

    @Test
    void anAccountNamedLikeAnExistingOneIsRefusedWritesNothingAndIsCreatedWhenSuppressed() {
        String token = Leads.token();
        String name = "Adventure Works " + token;
        String existingId = sales.createAccount(object("name", name, "email", "info@" + token + ".example"));
        String chosenId = UUID.randomUUID().toString();
        ObjectNode again = object("accountId", chosenId, "name", Leads.caseAndSpaceVariant(name));

        JsonNode problem = assertDuplicatesFound(api.as(SAM).post("/api/accounts", again), api.duplicateExperience());

        assertThat(problem.path("matchedAccounts")).hasSize(1);
        assertHasValues(match(problem.path("matchedAccounts"), "accountId", existingId),
                object("name", name, "email", "info@" + token + ".example", "matchedRules", List.of(SAME_ACCOUNT_NAME)));
        assertThat(problem.path("matchedContacts")).isEmpty();
        // Nothing was written under the chosen id: a create with other details under it is no id conflict.
        ObjectNode suppressed = again.deepCopy().put("email", "second@" + token + ".example")
                .put("suppressDuplicateDetection", true);
        assertThat(sales.createAccount(suppressed)).isEqualTo(chosenId);
        assertHasValues(api.awaitRecord("/api/accounts/" + chosenId), object("email", "second@" + token + ".example"));
    }

    @Test
    void anAccountWithTheEmailOfAnExistingOneIsRefused() {
        String token = Leads.token();
        String existingId = sales.createAccount(object("name", "Litware " + token, "email", "sales@" + token + ".example"));

        Reply refused = api.as(SAM).post("/api/accounts",
                object("name", "Litware Europe " + token, "email", "SALES@" + token + ".EXAMPLE"));

        JsonNode problem = assertDuplicatesFound(refused, api.duplicateExperience());
        assertHasValues(match(problem.path("matchedAccounts"), "accountId", existingId),
                object("name", "Litware " + token, "matchedRules", List.of(SAME_ACCOUNT_EMAIL)));
    }

    @Test
    void anAccountMatchedUnderTwoRulesIsListedOnceNamingBothOldestFirst() {
        String token = Leads.token();
        String name = "Fourth Coffee " + token;
        String email = "hello@" + token + ".example";
        String bothRules = sales.createAccount(object("name", name, "email", email));
        String nameOnly = sales.createAccount(object("name", name, "email", "other@" + token + ".example",
                "suppressDuplicateDetection", true));

        JsonNode problem = assertDuplicatesFound(api.as(SAM).post("/api/accounts", object("name", name, "email", email)),
                api.duplicateExperience());

        JsonNode matches = problem.path("matchedAccounts");
        assertThat(matches).as("%s", problem).hasSize(2);
        assertThat(matches.get(0).path("accountId").asText()).isEqualTo(bothRules);
        assertThat(matches.get(1).path("accountId").asText()).isEqualTo(nameOnly);
        assertHasValues(matches.get(0), object("matchedRules", List.of(SAME_ACCOUNT_NAME, SAME_ACCOUNT_EMAIL)));
        assertHasValues(matches.get(1), object("matchedRules", List.of(SAME_ACCOUNT_NAME)));
    }

    @Test
    void aContactWithTheEmailOrTheNameOfAnExistingOneIsRefusedUnlessSuppressed() {
        String token = Leads.token();
        String lastName = "Known-" + token;
        String email = "ivan@" + token + ".example";
        String existingId = sales.createContact(object("firstName", "Ivan", "lastName", lastName, "email", email,
                "mobilePhone", "+1 206 555 0199", "address", object("city", "Tacoma")));

        JsonNode byEmail = assertDuplicatesFound(api.as(SAM).post("/api/contacts",
                object("firstName", "Iwan", "lastName", "Other-" + token, "email", email)), api.duplicateExperience());
        JsonNode byName = assertDuplicatesFound(api.as(SAM).post("/api/contacts",
                object("firstName", " IVAN ", "lastName", lastName.toUpperCase())), api.duplicateExperience());
        ObjectNode both = object("firstName", "Ivan", "lastName", lastName, "email", email.toUpperCase());
        JsonNode byBoth = assertDuplicatesFound(api.as(SAM).post("/api/contacts", both), api.duplicateExperience());

        assertHasValues(match(byEmail.path("matchedContacts"), "contactId", existingId), object(
                "fullName", "Ivan " + lastName, "email", email, "phone", "+1 206 555 0199", "city", "Tacoma",
                "matchedRules", List.of(SAME_CONTACT_EMAIL)));
        assertThat(byEmail.path("matchedAccounts")).isEmpty();
        assertHasValues(match(byName.path("matchedContacts"), "contactId", existingId),
                object("matchedRules", List.of(SAME_CONTACT_NAME)));
        assertHasValues(match(byBoth.path("matchedContacts"), "contactId", existingId),
                object("matchedRules", List.of(SAME_CONTACT_EMAIL, SAME_CONTACT_NAME)));
        String createdId = sales.createContact(both.put("suppressDuplicateDetection", true));
        assertThat(createdId).isNotEqualTo(existingId);
        assertHasValues(api.awaitRecord("/api/contacts/" + createdId), object("fullName", "Ivan " + lastName));
    }
}
