package dev.leadqualification.acceptance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadqualification.acceptance.support.Api;
import dev.leadqualification.acceptance.support.Leads;
import dev.leadqualification.acceptance.support.Problems;
import dev.leadqualification.acceptance.support.Reply;
import dev.leadqualification.acceptance.support.RunningServices;
import dev.leadqualification.acceptance.support.SharedDatabase;
import org.junit.jupiter.api.Test;

import static dev.leadqualification.acceptance.support.Json.object;
import static dev.leadqualification.acceptance.support.User.ADA;
import static dev.leadqualification.acceptance.support.User.SAM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command answer about one record carries the record's new version as an ETag, the version the query
 * side reaches; a command sent with an Idempotency-Key runs at most once per user and key, also across a restart.
 */
class CommandVersionsAndIdempotencyIT {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private final Api api = Api.shared();

    private static long etag(Reply reply) {
        String etag = reply.header("ETag");
        assertThat(etag).as("ETag of %s", reply).matches("\"\\d+\"");
        return Long.parseLong(etag.substring(1, etag.length() - 1));
    }

    @Test
    void commandAnswersCarryTheVersionTheReadModelReaches() {
        Reply created = api.as(SAM).post("/api/leads", Leads.complete());
        String leadId = created.json().path("leadId").asText();
        assertThat(etag(created)).isZero();

        Reply patched = api.as(SAM).patch("/api/leads/" + leadId, object("jobTitle", "Head of purchasing"));
        assertThat(patched.status()).isEqualTo(204);
        assertThat(etag(patched)).isEqualTo(1);

        Reply noted = api.as(SAM).post("/api/leads/" + leadId + "/notes", object("text", "Called back"));
        long afterNote = etag(noted);
        assertThat(afterNote).isGreaterThan(1);

        Reply qualified = api.as(SAM).post("/api/leads/" + leadId + "/qualify", Leads.allRecords());
        long afterQualify = etag(qualified);
        assertThat(afterQualify).isEqualTo(afterNote + 1);
        assertThat(api.awaitLead(leadId, lead -> lead.path("version").asLong() >= afterQualify)
                .path("status").asText()).isEqualTo("QUALIFIED");

        Reply account = api.as(SAM).post("/api/accounts", object("name", "Versioned " + Leads.token(),
                "suppressDuplicateDetection", true));
        assertThat(etag(account)).isZero();
    }

    @Test
    void aRepeatedCreateWithTheSameKeyGetsTheFirstAnswerAndCreatesOneLead() {
        ObjectNode lead = Leads.minimal();
        String key = "create-" + Leads.token();
        Reply first = api.as(SAM).withHeader(IDEMPOTENCY_KEY, key).post("/api/leads", lead);
        Reply repeat = api.as(SAM).withHeader(IDEMPOTENCY_KEY, key).post("/api/leads", lead);

        assertThat(first.status()).isEqualTo(201);
        assertThat(repeat.status()).isEqualTo(201);
        assertThat(repeat.json()).isEqualTo(first.json());
        assertThat(repeat.header("Location")).isEqualTo(first.header("Location"));
        assertThat(repeat.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
        String lastName = lead.path("lastName").asText();
        assertThat(api.awaitFound("/api/leads?q=" + lastName)).isEqualTo(1);
    }

    @Test
    void aReservationAbandonedByACrashIsTakenOverButOneInProgressIsNot() {
        String abandoned = "abandoned-" + Leads.token();
        String inProgress = "in-progress-" + Leads.token();
        // what a service killed between reserving a key and storing the answer leaves behind: not renewed since
        String reservation = """
                INSERT INTO idempotency_record (username, idempotency_key, request_hash, state, created_at, alive_at)
                VALUES (?, ?, repeat('0', 64), 'IN_PROGRESS', now() - CAST(? AS interval),
                        now() - CAST(? AS interval))""";
        SharedDatabase.update(reservation, SAM.username(), abandoned, "10 minutes", "10 minutes");
        SharedDatabase.update(reservation, SAM.username(), inProgress, "1 second", "1 second");

        Reply takenOver = api.as(SAM).withHeader(IDEMPOTENCY_KEY, abandoned).post("/api/leads", Leads.minimal());
        Reply waiting = api.as(SAM).withHeader(IDEMPOTENCY_KEY, inProgress).post("/api/leads", Leads.minimal());

        assertThat(takenOver.status()).as("%s", takenOver).isEqualTo(201);
        // the recent reservation still stands: it was made for another request (hash), so this one is refused
        assertThat(waiting.status()).as("%s", waiting).isEqualTo(422);
        assertThat(waiting.json().path("type").asText()).endsWith("/idempotency-key-reused");
    }

    @Test
    void aRepeatedQualifyIsAnsweredAsTheFirstTimeInsteadOfLeadClosed() {
        String leadId = api.as(SAM).post("/api/leads", Leads.complete()).json().path("leadId").asText();
        String key = "qualify-" + Leads.token();
        String qualify = "/api/leads/" + leadId + "/qualify";
        Reply first = api.as(SAM).withHeader(IDEMPOTENCY_KEY, key).post(qualify, Leads.allRecords());
        Reply repeat = api.as(SAM).withHeader(IDEMPOTENCY_KEY, key).post(qualify, Leads.allRecords());

        assertThat(first.status()).isEqualTo(200);
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.json()).isEqualTo(first.json());
        Reply withoutKey = api.as(SAM).post(qualify, Leads.allRecords());
        Problems.assertProblem(withoutKey, 409, "lead-closed");
    }

    @Test
    void theSameKeyForAnotherRequestIsRefusedAndKeysArePerUser() {
        String key = "shared-" + Leads.token();
        Reply first = api.as(SAM).withHeader(IDEMPOTENCY_KEY, key).post("/api/leads", Leads.minimal());
        assertThat(first.status()).isEqualTo(201);

        Reply other = api.as(SAM).withHeader(IDEMPOTENCY_KEY, key).post("/api/leads", Leads.minimal());
        Problems.assertProblem(other, 422, "idempotency-key-reused");

        Reply anotherUser = api.as(ADA).withHeader(IDEMPOTENCY_KEY, key).post("/api/leads", Leads.minimal());
        assertThat(anotherUser.status()).isEqualTo(201);
        assertThat(anotherUser.json().path("leadId").asText()).isNotEqualTo(first.json().path("leadId").asText());
    }

    @Test
    void refusedRequestsAreRememberedTooAndAMalformedKeyIsRefused() {
        String key = "refused-" + Leads.token();
        ObjectNode invalid = object("topic", "No last name");
        Problems.assertProblem(api.as(SAM).withHeader(IDEMPOTENCY_KEY, key).post("/api/leads", invalid), 400,
                "validation");
        Reply repeat = api.as(SAM).withHeader(IDEMPOTENCY_KEY, key).post("/api/leads", invalid);
        Problems.assertProblem(repeat, 400, "validation");
        assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");

        Problems.assertProblem(api.as(SAM).withHeader(IDEMPOTENCY_KEY, "x".repeat(300)).post("/api/leads",
                Leads.minimal()), 400, "validation");
    }

    @Test
    void keysSurviveARestart() {
        try (RunningServices own = RunningServices.startOwn("idempotency")) {
            Api ownApi = Api.on(own);
            ObjectNode lead = Leads.minimal();
            Reply first = ownApi.as(SAM).withHeader(IDEMPOTENCY_KEY, "durable").post("/api/leads", lead);
            assertThat(first.status()).isEqualTo(201);

            own.restart();

            Reply repeat = ownApi.as(SAM).withHeader(IDEMPOTENCY_KEY, "durable").post("/api/leads", lead);
            assertThat(repeat.status()).isEqualTo(201);
            assertThat(repeat.json()).isEqualTo(first.json());
            assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
        }
    }
}
