package dev.leadqualification.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadqualification.acceptance.support.Api;
import dev.leadqualification.acceptance.support.Leads;
import dev.leadqualification.acceptance.support.Problems;
import dev.leadqualification.acceptance.support.Reply;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static dev.leadqualification.acceptance.support.Json.assertHasValues;
import static dev.leadqualification.acceptance.support.Json.object;
import static dev.leadqualification.acceptance.support.Problems.assertValidation;
import static dev.leadqualification.acceptance.support.User.AUDREY;
import static dev.leadqualification.acceptance.support.User.SAM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read-your-writes: the version a command answers with ({@code ETag: "N"}) as {@code ?minVersion=N} on a detail
 * read of the query side waits until the read model shows that version; a version it does not reach in time is
 * answered 503 {@code not-yet-consistent} with {@code Retry-After}. Every read below comes right after its command,
 * without waiting for the read side first.
 */
class MinVersionIT {

    private final Api api = Api.shared();

    @Test
    void eachCommandsVersionIsReadBackWithWhatTheCommandDid() {
        ObjectNode lead = Leads.complete();
        Reply created = api.as(SAM).post("/api/leads", lead);
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String leadId = created.json().path("leadId").asText();
        String path = "/api/leads/" + leadId;
        assertHasValues(readAtLeast(path, etag(created)), lead);

        Reply patched = api.as(SAM).patch(path, object("jobTitle", "Head of purchasing"));
        assertThat(patched.status()).as("%s", patched).isEqualTo(204);
        assertHasValues(readAtLeast(path, etag(patched)), object("jobTitle", "Head of purchasing"));

        Reply noted = api.as(SAM).post(path + "/notes", object("title", "Call", "text", "Wants a quote."));
        assertThat(noted.status()).as("%s", noted).isEqualTo(201);
        String noteId = noted.json().path("noteId").asText();
        assertThat(readAtLeast(path, etag(noted)).path("notes").toString()).contains(noteId);

        Reply qualified = api.as(SAM).post(path + "/qualify", Leads.allRecords());
        assertThat(qualified.status()).as("%s", qualified).isEqualTo(200);
        assertHasValues(readAtLeast(path, etag(qualified)), object("status", "QUALIFIED", "statusReason", "QUALIFIED"));
    }

    @Test
    void aDirectlyCreatedAccountAndContactAreReadBackAtTheirVersion() {
        String token = Leads.token();
        ObjectNode account = object("name", "Versioned Supplies " + token, "email", "office@" + token + ".example");
        Reply accountCreated = api.as(SAM).post("/api/accounts", account);
        assertThat(accountCreated.status()).as("%s", accountCreated).isEqualTo(201);
        String accountId = accountCreated.json().path("accountId").asText();
        assertHasValues(readAtLeast("/api/accounts/" + accountId, etag(accountCreated)), account);

        ObjectNode contact = object("firstName", "Vera", "lastName", "Versioned-" + token, "parentAccountId", accountId);
        Reply contactCreated = api.as(SAM).post("/api/contacts", contact);
        assertThat(contactCreated.status()).as("%s", contactCreated).isEqualTo(201);
        String contactId = contactCreated.json().path("contactId").asText();
        assertHasValues(readAtLeast("/api/contacts/" + contactId, etag(contactCreated)), contact);
    }

    @Test
    void theOpportunityAQualificationAnnouncesIsReadBackAtItsFirstVersionRightAfterTheAnswer() {
        QualifiedLead qualified = qualifyANewLead();

        // the saga creates it after the answer: version 0 is the first one it has
        JsonNode opportunity = readAtLeast("/api/opportunities/" + qualified.result().path("opportunityId").asText(), 0);

        assertHasValues(opportunity, object("originatingLeadId", qualified.leadId(),
                "accountId", qualified.result().get("accountId")));
    }

    @Test
    void theAccountAQualificationAnnouncesIsReadBackAtItsFirstVersionRightAfterTheAnswer() {
        QualifiedLead qualified = qualifyANewLead();

        JsonNode account = readAtLeast("/api/accounts/" + qualified.result().path("accountId").asText(), 0);

        assertHasValues(account, object("originatingLeadId", qualified.leadId()));
    }

    @Test
    void theContactAQualificationAnnouncesIsReadBackAtItsFirstVersionRightAfterTheAnswer() {
        QualifiedLead qualified = qualifyANewLead();

        JsonNode contact = readAtLeast("/api/contacts/" + qualified.result().path("contactId").asText(), 0);

        assertHasValues(contact, object("originatingLeadId", qualified.leadId(),
                "parentAccountId", qualified.result().get("accountId")));
    }

    @Test
    void anExistingOpportunityIsReadAtItsVersionAndNotYetConsistentBeyondIt() {
        QualifiedLead qualified = qualifyANewLead();
        String path = "/api/opportunities/" + qualified.result().path("opportunityId").asText();
        long version = api.awaitRecord(path).path("version").asLong();

        assertHasValues(readAtLeast(path, version), object("originatingLeadId", qualified.leadId()));
        assertNotYetConsistent(api.as(SAM).query(path + "?minVersion=" + (version + 1000)));
    }

    @Test
    void anAuditorWaitsForAVersionToo() {
        Reply created = api.as(SAM).post("/api/leads", Leads.minimal());
        String leadId = created.json().path("leadId").asText();

        Reply reply = api.as(AUDREY).query("/api/leads/" + leadId + "?minVersion=" + etag(created));

        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertThat(reply.json().path("leadId").asText()).isEqualTo(leadId);
    }

    @Test
    void aVersionTheRecordNeverReachesIsNotYetConsistent() {
        Reply created = api.as(SAM).post("/api/leads", Leads.minimal());
        String leadId = created.json().path("leadId").asText();
        assertNotYetConsistent(api.as(SAM).query("/api/leads/" + leadId + "?minVersion=" + (etag(created) + 1000)));

        Reply contact = api.as(SAM).post("/api/contacts", object("lastName", "Unchanging-" + Leads.token()));
        String contactId = contact.json().path("contactId").asText();
        assertNotYetConsistent(api.as(SAM).query("/api/contacts/" + contactId + "?minVersion=" + (etag(contact) + 1000)));
    }

    @Test
    void aMinVersionThatIsNoVersionIsRefusedOnEveryDetail() {
        String leadId = api.as(SAM).post("/api/leads", Leads.complete()).json().path("leadId").asText();
        JsonNode result = api.as(SAM).post("/api/leads/" + leadId + "/qualify", Leads.allRecords()).json();
        List<String> paths = List.of("/api/leads/" + leadId,
                "/api/accounts/" + result.path("accountId").asText(),
                "/api/contacts/" + result.path("contactId").asText(),
                "/api/opportunities/" + result.path("opportunityId").asText());
        api.awaitRecord(paths.get(3));

        for (String path : paths) {
            for (String malformed : List.of("-1", "abc", "1.5", "")) {
                assertValidation(api.as(SAM).query(path + "?minVersion=" + malformed), "minVersion");
            }
        }
    }

    @Test
    void anUnknownRecordIsNotFoundAtAnyVersion() {
        String unknown = UUID.randomUUID().toString();
        for (String record : List.of("leads", "accounts", "contacts", "opportunities")) {
            Problems.assertProblem(api.as(SAM).query("/api/" + record + "/" + unknown + "?minVersion=0"), 404,
                    "not-found");
        }
    }

    @Test
    void theIdOfAnotherKindOfRecordIsNotFoundAtAnyVersion() {
        String leadId = api.as(SAM).post("/api/leads", Leads.minimal()).json().path("leadId").asText();
        Reply account = api.as(SAM).post("/api/accounts", object("name", "Other Kind " + Leads.token()));
        assertThat(account.status()).as("%s", account).isEqualTo(201);
        String accountId = account.json().path("accountId").asText();

        for (String path : List.of("/api/accounts/" + leadId, "/api/contacts/" + leadId,
                "/api/opportunities/" + leadId, "/api/leads/" + accountId)) {
            Problems.assertProblem(api.as(SAM).query(path + "?minVersion=0"), 404, "not-found");
        }
    }

    /** A lead created with every field and qualified with all three records, and the qualify answer. */
    private QualifiedLead qualifyANewLead() {
        Reply created = api.as(SAM).post("/api/leads", Leads.complete());
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String leadId = created.json().path("leadId").asText();
        Reply qualified = api.as(SAM).post("/api/leads/" + leadId + "/qualify", Leads.allRecords());
        assertThat(qualified.status()).as("%s", qualified).isEqualTo(200);
        return new QualifiedLead(leadId, qualified.json());
    }

    private record QualifiedLead(String leadId, JsonNode result) {
    }

    /** The record at {@code path} read with {@code ?minVersion=version}: 200, and it shows that version or a later one. */
    private JsonNode readAtLeast(String path, long version) {
        Reply reply = api.as(SAM).query(path + "?minVersion=" + version);
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertThat(reply.json().path("version").isIntegralNumber()).as("version in %s", reply).isTrue();
        assertThat(reply.json().path("version").asLong()).as("version in %s", reply).isGreaterThanOrEqualTo(version);
        return reply.json();
    }

    private static void assertNotYetConsistent(Reply reply) {
        Problems.assertProblem(reply, 503, "not-yet-consistent");
        String retryAfter = reply.header("Retry-After");
        assertThat(retryAfter).as("Retry-After of %s", reply).isNotBlank();
        assertThat(retryAfter).as("Retry-After of %s: delay-seconds or an HTTP date", reply)
                .matches("\\d+|\\w{3}, \\d{2} \\w{3} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
    }

    private static long etag(Reply reply) {
        String etag = reply.header("ETag");
        assertThat(etag).as("ETag of %s", reply).matches("\"\\d+\"");
        return Long.parseLong(etag.substring(1, etag.length() - 1));
    }
}
