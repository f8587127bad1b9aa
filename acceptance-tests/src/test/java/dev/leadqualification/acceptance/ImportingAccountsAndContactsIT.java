package dev.leadqualification.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadqualification.acceptance.support.Api;
import dev.leadqualification.acceptance.support.Leads;
import dev.leadqualification.acceptance.support.Reply;
import dev.leadqualification.acceptance.support.Sales;
import dev.leadqualification.acceptance.support.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.leadqualification.acceptance.support.Json.assertHasValues;
import static dev.leadqualification.acceptance.support.Json.object;
import static dev.leadqualification.acceptance.support.Problems.SAME_ACCOUNT_NAME;
import static dev.leadqualification.acceptance.support.Problems.SAME_CONTACT_EMAIL;
import static dev.leadqualification.acceptance.support.Problems.TYPE_BASE;
import static dev.leadqualification.acceptance.support.Problems.assertDuplicatesFound;
import static dev.leadqualification.acceptance.support.Problems.assertProblem;
import static dev.leadqualification.acceptance.support.Problems.match;
import static dev.leadqualification.acceptance.support.User.ADA;
import static dev.leadqualification.acceptance.support.User.AUDREY;
import static dev.leadqualification.acceptance.support.User.SAM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/import/accounts|contacts} (ADMIN, NDJSON): each line is the body of the direct create and meets
 * its rules; a refused line (a line over 64 KiB included) is reported with its number and the problem the direct
 * create would answer, while the other lines are imported. Imported records are real accounts and contacts: the query side shows them (created by
 * the administrator), duplicate detection finds them, leads link and qualify against them. Duplicate detection is
 * on (improved experience) in every test; the settings are put back afterwards since all classes share the
 * database.
 */
class ImportingAccountsAndContactsIT {

    private static final String ACCOUNTS = "/api/import/accounts";
    private static final String CONTACTS = "/api/import/contacts";

    private final Api api = Api.shared();
    private final Sales sales = new Sales(api);
    private JsonNode settingsBefore;

    @BeforeEach
    void detectDuplicates() {
        settingsBefore = api.settings();
        api.changeSettings(object("improvedDuplicateDetection", true, "duplicateDetectionEnabled", true));
    }

    @AfterEach
    void restoreTheSettings() {
        api.changeSettings(settingsBefore);
    }

    @Test
    void goodLinesAreImportedAndShownWhileBadOnesAreReportedWithTheirLineNumbers() {
        String token = Leads.token();
        String fullId = UUID.randomUUID().toString();
        ObjectNode full = object("accountId", fullId, "name", "Fabrikam " + token, "email", "info@" + token + ".example",
                "phone", "+33 4 72 00 00 00", "website", "https://" + token + ".example",
                "address", object("line1", "1 Rue de la Paix", "city", "Lyon", "country", "FR"));

        Reply reply = importLines(ACCOUNTS,
                full.toString(),
                "",
                "{\"name\": \"Broken " + token + "\"",
                object("name", "Invalid " + token, "email", "not an address", "website", "ftp://" + token).toString(),
                object("email", "nameless@" + token + ".example").toString(),
                object("name", "Northwind " + token).toString(),
                object("name", "Long " + token, "website", "https://" + token + ".example/" + "x".repeat(70_000))
                        .toString());

        JsonNode report = report(reply);
        assertHasValues(report, object("received", 6, "imported", 2, "refused", 4));
        assertThat(report.path("errors")).hasSize(4);
        assertLineError(report.path("errors").get(0), 3, 400, "malformed-request");
        assertThat(fields(assertLineError(report.path("errors").get(1), 4, 400, "validation")))
                .containsExactly("email", "website");
        assertThat(fields(assertLineError(report.path("errors").get(2), 5, 400, "validation"))).containsExactly("name");
        assertLineError(report.path("errors").get(3), 7, 413, "payload-too-large");
        JsonNode imported = api.awaitRecord("/api/accounts/" + fullId);
        assertHasValues(imported, full.deepCopy().put("createdBy", ADA.username()).put("version", 0));
        JsonNode withoutId = api.awaitRecord("/api/accounts?q=" + "Northwind%20" + token,
                page -> page.path("total").asInt() == 1).path("items").get(0);
        assertHasValues(withoutId, object("name", "Northwind " + token, "createdBy", ADA.username()));
        assertThat(api.as(SAM).query("/api/accounts?q=" + token).json().path("total").asInt())
                .as("only the good lines became accounts").isEqualTo(2);
    }

    @Test
    void contactsAreImportedUnderExistingAccountsAndAnUnknownParentIsReported() {
        String token = Leads.token();
        String accountId = UUID.randomUUID().toString();
        assertHasValues(report(importLines(ACCOUNTS, account(accountId, "Litware " + token).toString())),
                object("imported", 1, "refused", 0));
        String contactId = UUID.randomUUID().toString();
        ObjectNode contact = object("contactId", contactId, "firstName", "Ivan", "lastName", "Kowalski-" + token,
                "jobTitle", "Buyer", "email", "ivan@" + token + ".example", "mobilePhone", "+48 600 000 000",
                "parentAccountId", accountId, "address", object("city", "Krakow"));

        JsonNode report = report(importLines(CONTACTS, contact.toString(),
                object("lastName", "Orphan-" + token, "parentAccountId", UUID.randomUUID().toString()).toString(),
                object("firstName", "No last name").toString()));

        assertHasValues(report, object("received", 3, "imported", 1, "refused", 2));
        assertThat(fields(assertLineError(report.path("errors").get(0), 2, 400, "validation")))
                .containsExactly("parentAccountId");
        assertThat(fields(assertLineError(report.path("errors").get(1), 3, 400, "validation")))
                .containsExactly("lastName");
        JsonNode shown = api.awaitRecord("/api/contacts/" + contactId);
        assertHasValues(shown, object("fullName", "Ivan Kowalski-" + token, "parentAccountId", accountId,
                "createdBy", ADA.username()));
    }

    @Test
    void duplicatesWithinTheFileAndOfExistingRecordsAreRefusedWithTheirMatchesUnlessSuppressed() {
        String token = Leads.token();
        String existingId = sales.createAccount(object("name", "Existing " + token));
        String firstId = UUID.randomUUID().toString();
        String suppressedId = UUID.randomUUID().toString();

        JsonNode report = report(importLines(ACCOUNTS,
                account(firstId, "Tailspin " + token).toString(),
                account(firstId, "Other name " + token).toString(),
                object("name", Leads.caseAndSpaceVariant("Tailspin " + token)).toString(),
                object("name", "existing " + token).toString(),
                object("accountId", suppressedId, "name", "EXISTING " + token, "suppressDuplicateDetection", true)
                        .toString()));

        assertHasValues(report, object("received", 5, "imported", 2, "refused", 3));
        JsonNode errors = report.path("errors");
        assertThat(assertLineError(errors.get(0), 2, 409, "id-conflict").path("detail").asText()).contains("Line 1");
        JsonNode sameFile = assertDuplicateLine(errors.get(1), 3);
        assertHasValues(match(sameFile.path("matchedAccounts"), "accountId", firstId),
                object("name", "Tailspin " + token, "matchedRules", List.of(SAME_ACCOUNT_NAME)));
        JsonNode existing = assertDuplicateLine(errors.get(2), 4);
        assertHasValues(match(existing.path("matchedAccounts"), "accountId", existingId),
                object("name", "Existing " + token, "matchedRules", List.of(SAME_ACCOUNT_NAME)));
        api.awaitRecord("/api/accounts/" + suppressedId);

        JsonNode suppressedByRequest = report(importLines(ACCOUNTS + "?suppressDuplicateDetection=true",
                object("name", "existing " + token).toString()));
        assertHasValues(suppressedByRequest, object("imported", 1, "refused", 0));
    }

    @Test
    void importingTheSameFileAgainCreatesNothingTwiceAndOtherDetailsUnderAnImportedIdConflict() {
        String token = Leads.token();
        List<String> lines = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(UUID.randomUUID().toString());
            lines.add(object("contactId", ids.get(i), "firstName", "Person" + i, "lastName", "Again-" + token,
                    "email", "person" + i + "@" + token + ".example").toString());
        }
        assertHasValues(report(importLines(CONTACTS, lines.toArray(String[]::new))), object("imported", 3));

        JsonNode again = report(importLines(CONTACTS, lines.toArray(String[]::new)));
        JsonNode changed = report(importLines(CONTACTS, object("contactId", ids.get(0), "firstName", "Person0",
                "lastName", "Renamed-" + token, "email", "person0@" + token + ".example").toString()));

        assertHasValues(again, object("received", 3, "imported", 3, "refused", 0));
        assertThat(again.path("errors")).isEmpty();
        assertLineError(changed.path("errors").get(0), 1, 409, "id-conflict");
        api.awaitRecord("/api/contacts/" + ids.get(2));
        assertThat(api.as(SAM).query("/api/contacts?q=" + token).json().path("total").asInt())
                .as("each contact once").isEqualTo(3);
        assertHasValues(api.awaitRecord("/api/contacts/" + ids.get(0)), object("lastName", "Again-" + token,
                "version", 0));
    }

    @Test
    void importedRecordsAreFoundByDuplicateDetectionAndWorkAsAccountsOfLeads() {
        String token = Leads.token();
        String accountId = UUID.randomUUID().toString();
        String contactId = UUID.randomUUID().toString();
        ObjectNode account = object("accountId", accountId, "name", "Contoso " + token,
                "email", "office@" + token + ".example", "address", object("city", "Seattle"));
        report(importLines(ACCOUNTS, account.toString()));
        report(importLines(CONTACTS, object("contactId", contactId, "lastName", "Imported-" + token,
                "email", "buyer@" + token + ".example", "parentAccountId", accountId).toString()));

        ObjectNode lookalike = Leads.complete().put("companyName", Leads.caseAndSpaceVariant("Contoso " + token))
                .put("email", "BUYER@" + token + ".example");
        JsonNode problem = assertDuplicatesFound(api.as(SAM).post("/api/leads/" + sales.createLead(lookalike)
                + "/qualify", Leads.allRecords()), "MAY_ALREADY_EXIST");
        assertHasValues(match(problem.path("matchedAccounts"), "accountId", accountId),
                object("name", "Contoso " + token, "city", "Seattle", "matchedRules", List.of(SAME_ACCOUNT_NAME)));
        assertHasValues(match(problem.path("matchedContacts"), "contactId", contactId),
                object("matchedRules", List.of(SAME_CONTACT_EMAIL)));

        String customerLead = sales.createLead(Leads.minimal().put("existingAccountId", accountId));
        JsonNode qualified = sales.qualify(customerLead, Leads.allRecords());
        assertHasValues(qualified, object("linkedAccountId", accountId));
        JsonNode opportunity = api.awaitRecord("/api/opportunities/" + qualified.path("opportunityId").asText());
        assertHasValues(opportunity, object("customer", object("type", "ACCOUNT", "id", accountId)));
        JsonNode newContact = api.awaitRecord("/api/contacts/" + qualified.path("contactId").asText());
        assertHasValues(newContact, object("parentAccountId", accountId));

        // the imported account is an aggregate like any other: the same create again is a no-op, other details a conflict
        assertThat(api.as(SAM).post("/api/accounts", account).status()).isEqualTo(201);
        assertProblem(api.as(SAM).post("/api/accounts", account.deepCopy().put("name", "Changed " + token)
                .put("suppressDuplicateDetection", true)), 409, "id-conflict");
    }

    @Test
    void onlyAnAdministratorImportsAndOnlyNdjson() {
        String line = object("name", "Forbidden " + Leads.token()).toString();

        assertProblem(send(SAM, ACCOUNTS, "application/x-ndjson", line), 403, "forbidden");
        assertProblem(send(AUDREY, CONTACTS, "application/x-ndjson", line), 403, "forbidden");
        JsonNode wrongType = assertProblem(send(ADA, ACCOUNTS, "application/json", line), 415,
                "unsupported-media-type");
        assertThat(wrongType.path("detail").asText()).contains("application/x-ndjson");
        assertProblem(send(ADA, CONTACTS, null, line), 415, "unsupported-media-type");
        JsonNode wildcard = assertProblem(send(ADA, CONTACTS, "*/*", line), 415, "unsupported-media-type");
        assertThat(wildcard.path("detail").asText()).contains("application/x-ndjson");
    }

    /**
     * An import with an Idempotency-Key runs once, as any command: the same body again gets the first report, another
     * body with the key is refused (the body is hashed as it streams: {@code LargeImportsWithIdempotencyKeysIT}).
     */
    @Test
    void anImportWithAnIdempotencyKeyRunsOnce() {
        String token = Leads.token();
        String key = "import-" + token;
        byte[] first = (object("name", "Keyed " + token) + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] second = (object("name", "Also keyed " + token) + "\n").getBytes(StandardCharsets.UTF_8);

        Reply once = api.as(ADA).withHeader("Idempotency-Key", key).send(Api.Side.COMMAND, "POST", ACCOUNTS,
                "application/x-ndjson", first);
        Reply repeat = api.as(ADA).withHeader("Idempotency-Key", key).send(Api.Side.COMMAND, "POST", ACCOUNTS,
                "application/x-ndjson", first);
        Reply other = api.as(ADA).withHeader("Idempotency-Key", key).send(Api.Side.COMMAND, "POST", ACCOUNTS,
                "application/x-ndjson", second);

        assertHasValues(report(once), object("imported", 1));
        assertThat(report(repeat)).isEqualTo(report(once));
        assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
        assertProblem(other, 422, "idempotency-key-reused");
        api.awaitRecord("/api/accounts?q=" + token, page -> page.path("total").asInt() == 1);
    }

    private Reply importLines(String path, String... lines) {
        return send(ADA, path, "application/x-ndjson", String.join("\n", lines) + "\n");
    }

    private Reply send(User user, String path, String contentType, String body) {
        return api.as(user).send(Api.Side.COMMAND, "POST", path, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode report(Reply reply) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertThat(reply.contentType()).as("%s", reply).startsWith("application/json");
        return reply.json();
    }

    private static ObjectNode account(String id, String name) {
        return object("accountId", id, "name", name);
    }

    /** An entry of {@code errors}: the line's number and the problem the direct create would answer. */
    private static JsonNode assertLineError(JsonNode error, int line, int status, String slug) {
        assertThat(error.path("line").asInt()).as("%s", error).isEqualTo(line);
        assertThat(error.path("status").asInt()).as("%s", error).isEqualTo(status);
        assertThat(error.path("type").asText()).as("%s", error).isEqualTo(TYPE_BASE + slug);
        assertThat(error.path("title").asText()).as("%s", error).isNotBlank();
        assertThat(error.path("detail").asText()).as("%s", error).isNotBlank();
        return error;
    }

    private static JsonNode assertDuplicateLine(JsonNode error, int line) {
        assertLineError(error, line, 409, "duplicates-found");
        assertThat(error.path("experience").asText()).isEqualTo("MAY_ALREADY_EXIST");
        assertThat(error.path("matchedContacts")).isEmpty();
        return error;
    }

    private static List<String> fields(JsonNode error) {
        List<String> fields = new ArrayList<>();
        error.path("errors").forEach(field -> {
            assertThat(field.path("message").asText()).as("%s", field).isNotBlank();
            fields.add(field.path("field").asText());
        });
        return fields;
    }
}
