package dev.leadqualification.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadqualification.acceptance.support.Api;
import dev.leadqualification.acceptance.support.Leads;
import dev.leadqualification.acceptance.support.Reply;
import dev.leadqualification.acceptance.support.Sales;
import dev.leadqualification.acceptance.support.User;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static dev.leadqualification.acceptance.support.Json.assertHasValues;
import static dev.leadqualification.acceptance.support.Json.object;
import static dev.leadqualification.acceptance.support.Problems.SAME_ACCOUNT_EMAIL;
import static dev.leadqualification.acceptance.support.Problems.SAME_ACCOUNT_NAME;
import static dev.leadqualification.acceptance.support.Problems.SAME_CONTACT_EMAIL;
import static dev.leadqualification.acceptance.support.Problems.SAME_CONTACT_NAME;
import static dev.leadqualification.acceptance.support.Problems.assertDuplicatesFound;
import static dev.leadqualification.acceptance.support.Problems.assertValidation;
import static dev.leadqualification.acceptance.support.Problems.match;
import static dev.leadqualification.acceptance.support.User.ADA;
import static dev.leadqualification.acceptance.support.User.AUDREY;
import static dev.leadqualification.acceptance.support.User.SAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Duplicate detection rules (ADMIN): the defaults a new database starts with, a rule of the administrator's that
 * takes effect only once published and stops when unpublished, refused definitions, and who may manage them.
 * Rules a test defines are named {@value #TEST_RULE} and deleted by that test.
 */
class DuplicateRulesAdministrationIT {

    private static final String RULES = "/api/duplicate-rules";
    private static final String TEST_RULE = "Test rule: ";

    private final Api api = Api.shared();
    private final Sales sales = new Sales(api);

    @Test
    void aNewDatabaseHasTheFourDefaultRulesPublished() {
        Map<String, ObjectNode> expected = new LinkedHashMap<>();
        expected.put(SAME_ACCOUNT_NAME, object("entity", "ACCOUNT", "conditions", List.of(exact("name"))));
        expected.put(SAME_ACCOUNT_EMAIL, object("entity", "ACCOUNT", "conditions", List.of(exact("email"))));
        expected.put(SAME_CONTACT_EMAIL, object("entity", "CONTACT", "conditions", List.of(exact("email"))));
        expected.put(SAME_CONTACT_NAME, object("entity", "CONTACT",
                "conditions", List.of(exact("firstName"), exact("lastName"))));

        Map<String, JsonNode> defaults = new LinkedHashMap<>();
        for (JsonNode rule : rules()) {
            if (!rule.path("name").asText().startsWith(TEST_RULE)) {
                defaults.put(rule.path("name").asText(), rule);
            }
        }

        assertThat(defaults).as("the rules no test defined").hasSize(4).containsOnlyKeys(expected.keySet());
        expected.forEach((name, definition) -> {
            JsonNode rule = defaults.get(name);
            assertHasValues(rule, definition.put("status", "PUBLISHED").put("published", true)
                    .put("caseSensitive", false).put("ignoreBlankValues", true));
            assertThat(rule.path("ruleId").asText()).as("%s", rule).matches("[0-9a-f-]{36}");
        });
    }

    private static ObjectNode exact(String field) {
        return object("field", field, "operator", "EXACT");
    }

    @Test
    void aCustomPrefixRuleMatchesOnlyWhilePublished() {
        String prefix = Leads.token().substring(0, 6);
        String existingId = sales.createAccount(object("name", prefix + " Holdings", "email", "hq@" + prefix + ".example"));
        String ruleName = TEST_RULE + "accounts whose name starts with the same 6 characters " + prefix;
        Reply defined = api.as(ADA).post(RULES, object("name", ruleName, "entity", "ACCOUNT",
                "conditions", List.of(object("field", "name", "operator", "SAME_FIRST_CHARACTERS", "characters", 6)),
                "caseSensitive", false, "ignoreBlankValues", true));
        assertThat(defined.status()).as("%s", defined).isEqualTo(201);
        String ruleId = defined.json().path("ruleId").asText();
        try {
            assertHasValues(rule(ruleId), object("name", ruleName, "status", "UNPUBLISHED", "published", false));
            String before = sales.createLead(Leads.complete().put("companyName", prefix + " Imports"));
            sales.qualify(before, object("createAccount", true));

            assertThat(api.as(ADA).post(RULES + "/" + ruleId + "/publish").status()).isEqualTo(202);
            awaitStatus(ruleId, "PUBLISHED");
            String leadId = sales.createLead(Leads.complete().put("companyName", prefix + " Trading"));
            JsonNode problem = assertDuplicatesFound(api.as(SAM).post("/api/leads/" + leadId + "/qualify",
                    object("createAccount", true)), api.duplicateExperience());
            assertHasValues(match(problem.path("matchedAccounts"), "accountId", existingId),
                    object("name", prefix + " Holdings", "matchedRules", List.of(ruleName)));

            assertThat(api.as(ADA).post(RULES + "/" + ruleId + "/unpublish").status()).isEqualTo(202);
            awaitStatus(ruleId, "UNPUBLISHED");
            JsonNode result = sales.qualify(leadId, object("createAccount", true));
            assertThat(result.path("accountId").asText(null)).as("%s", result).isNotNull();
        } finally {
            Reply deleted = api.as(ADA).delete(RULES + "/" + ruleId);
            assertThat(deleted.status()).as("%s", deleted).isEqualTo(204);
        }
        assertThat(rules()).as("rules after the delete").noneMatch(rule -> rule.path("ruleId").asText().equals(ruleId));
    }

    static Stream<Arguments> invalidConditions() {
        return Stream.of(
                Arguments.of("a field accounts do not have",
                        List.of(object("field", "shoeSize", "operator", "EXACT")), "conditions[0].field"),
                Arguments.of("a prefix without its number of characters",
                        List.of(object("field", "name", "operator", "SAME_FIRST_CHARACTERS")), "conditions[0].characters"),
                Arguments.of("a prefix of 0 characters",
                        List.of(object("field", "name", "operator", "SAME_FIRST_CHARACTERS", "characters", 0)),
                        "conditions[0].characters"),
                Arguments.of("no condition", List.of(), "conditions"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidConditions")
    void anInvalidRuleIsRefusedNamingTheProblem(String problem, List<ObjectNode> conditions, String field) {
        String name = TEST_RULE + problem + " " + Leads.token();

        Reply refused = api.as(ADA).post(RULES, object("name", name, "entity", "ACCOUNT", "conditions", conditions));

        assertValidation(refused, field);
        assertThat(rules()).as("rules after the refusal").noneMatch(rule -> rule.path("name").asText().equals(name));
    }

    @Test
    void onlyAdministratorsManageRules() {
        String unknownRule = RULES + "/" + UUID.randomUUID();
        ObjectNode valid = object("name", TEST_RULE + "never defined " + Leads.token(), "entity", "CONTACT",
                "conditions", List.of(object("field", "lastName", "operator", "EXACT")));
        for (User user : List.of(SAM, AUDREY)) {
            Api.Caller caller = api.as(user);
            for (Reply reply : List.of(caller.get(RULES), caller.post(RULES, valid), caller.post(unknownRule + "/publish"),
                    caller.post(unknownRule + "/unpublish"), caller.delete(unknownRule))) {
                assertThat(reply.status()).as("%s as %s", reply, user).isEqualTo(403);
            }
        }
        assertThat(rules()).as("rules after the refusals")
                .noneMatch(rule -> rule.path("name").equals(valid.path("name")));
    }

    /** GET /api/duplicate-rules as ada: 200 with the list. */
    private JsonNode rules() {
        Reply reply = api.as(ADA).get(RULES);
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertThat(reply.json().isArray()).as("%s", reply).isTrue();
        return reply.json();
    }

    private JsonNode rule(String ruleId) {
        for (JsonNode rule : rules()) {
            if (rule.path("ruleId").asText().equals(ruleId)) {
                return rule;
            }
        }
        throw new AssertionError("Rule " + ruleId + " is not listed: " + rules());
    }

    /** Polls the list until the rule has {@code status} (publication runs in the background). */
    private void awaitStatus(String ruleId, String status) {
        try {
            await().atMost(Api.CONSISTENCY).pollInterval(Duration.ofMillis(100))
                    .until(() -> rule(ruleId).path("status").asText().equals(status));
        } catch (ConditionTimeoutException timeout) {
            throw new AssertionError("Rule " + ruleId + " did not become " + status + ": " + rule(ruleId), timeout);
        }
    }
}
