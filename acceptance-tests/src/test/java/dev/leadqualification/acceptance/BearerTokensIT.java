package dev.leadqualification.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadqualification.acceptance.support.Api;
import dev.leadqualification.acceptance.support.Leads;
import dev.leadqualification.acceptance.support.LiveReadModels;
import dev.leadqualification.acceptance.support.Reply;
import dev.leadqualification.acceptance.support.RunningServices;
import dev.leadqualification.acceptance.support.Sales;
import dev.leadqualification.acceptance.support.User;
import dev.leadqualification.platform.security.TokenIssuer;
import dev.leadqualification.platform.testing.FreshDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static dev.leadqualification.acceptance.support.Json.object;
import static dev.leadqualification.acceptance.support.Problems.assertProblem;
import static dev.leadqualification.acceptance.support.User.AUDREY;
import static dev.leadqualification.acceptance.support.User.SAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * OAuth2 bearer JWTs beside HTTP Basic, on services configured with an identity provider's public key
 * ({@code SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_PUBLIC_KEY_LOCATION}) and one more user whose password is a
 * bcrypt hash. The same services (their start is the cost) also show that answers carry Spring Security's headers
 * and that no password, token or attachment byte reaches the logs, even when requests fail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BearerTokensIT {

    private static final TokenIssuer ISSUER = TokenIssuer.withNewKey();
    private static final String BEA = "bea";
    /** After the users every test service is started with. */
    private static final int BEA_INDEX = User.values().length;
    private static final String BEA_PASSWORD = "bea-" + UUID.randomUUID();
    private static final String BEA_PASSWORD_HASH = new BCryptPasswordEncoder().encode(BEA_PASSWORD);
    private static final Instant IN_AN_HOUR = Instant.now().plusSeconds(3600);

    @TempDir
    static Path keys;

    private RunningServices services;
    private Api api;
    private Sales sales;

    @BeforeAll
    void startServicesThatTrustTheIssuer() {
        services = RunningServices.prepareOwn("jwt")
                .withEnvironment("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_PUBLIC_KEY_LOCATION",
                        "file:" + ISSUER.writePublicKey(keys).toAbsolutePath())
                .withEnvironment("LEADS_SECURITY_USERS_" + BEA_INDEX + "_USERNAME", BEA)
                .withEnvironment("LEADS_SECURITY_USERS_" + BEA_INDEX + "_PASSWORD", "{bcrypt}" + BEA_PASSWORD_HASH)
                .withEnvironment("LEADS_SECURITY_USERS_" + BEA_INDEX + "_ROLES", "SALES")
                .start();
        api = Api.on(services);
        sales = new Sales(api);
    }

    @AfterAll
    void stopServices() {
        services.close();
    }

    @Test
    void aValidTokenWorksOnBothServices() {
        Api.Caller tina = bearer(ISSUER.token(UUID.randomUUID().toString(), "tina", List.of("SALES"), IN_AN_HOUR));

        Reply created = tina.post("/api/leads", Leads.minimal());
        assertStatus(created, 201);
        String leadId = created.json().path("leadId").asText();
        Reply read = api.awaitAnswer("/api/leads/" + leadId, reply -> reply.status() == 200);
        assertThat(tina.query("/api/leads/" + leadId).json()).isEqualTo(read.json());
    }

    @Test
    void theActorInTheHistoryIsThePreferredUsernameElseTheSubject() {
        String subject = UUID.randomUUID().toString();
        String named = createLeadWith(ISSUER.token(subject, "tina", List.of("SALES"), IN_AN_HOUR));
        String unnamed = createLeadWith(ISSUER.token(subject, null, List.of("SALES"), IN_AN_HOUR));

        Api.Caller auditor = bearer(ISSUER.token(UUID.randomUUID().toString(), "otto", List.of("AUDITOR"), IN_AN_HOUR));
        assertThat(firstActor(auditor, named)).isEqualTo("tina");
        assertThat(firstActor(auditor, unnamed)).isEqualTo(subject);
    }

    @Test
    void expiredForeignAndMalformedTokensAreRefusedOnBothServices() {
        String leadId = UUID.randomUUID().toString();
        String valid = ISSUER.token("id-1", "tina", List.of("SALES"), IN_AN_HOUR);
        List<String> refused = List.of(
                ISSUER.token("id-1", "tina", List.of("SALES"), Instant.now().minusSeconds(600)),
                TokenIssuer.withNewKey().token("id-1", "tina", List.of("SALES"), IN_AN_HOUR),
                "not-a-token",
                valid.substring(0, valid.lastIndexOf('.')) + ".c2lnbmF0dXJl");

        for (String token : refused) {
            assertTokenRefused(bearer(token).post("/api/leads", Leads.minimal().put("leadId", leadId)));
            assertTokenRefused(bearer(token).query("/api/leads"));
        }
        sales.assertLeadIdFree(leadId);
    }

    @Test
    void aTokenWithoutTheRightRoleIsForbidden() {
        String leadId = UUID.randomUUID().toString();
        Api.Caller auditor = bearer(ISSUER.token("id-2", "otto", List.of("AUDITOR"), IN_AN_HOUR));
        Api.Caller nobody = bearer(ISSUER.token("id-3", "nina", List.of("OWNER", "sales-manager"), IN_AN_HOUR));

        assertProblem(auditor.post("/api/leads", Leads.minimal().put("leadId", leadId)), 403, "forbidden");
        assertProblem(nobody.post("/api/leads", Leads.minimal().put("leadId", leadId)), 403, "forbidden");
        assertProblem(nobody.query("/api/leads"), 403, "forbidden");
        Reply read = auditor.query("/api/leads");
        assertStatus(read, 200);
        sales.assertLeadIdFree(leadId);
    }

    @Test
    void basicStillWorksBesideTokensAlsoWithABcryptPassword() {
        Reply byBea = api.withPassword(BEA, BEA_PASSWORD).post("/api/leads", Leads.minimal());
        assertStatus(byBea, 201);
        assertThat(firstActor(api.as(AUDREY), byBea.json().path("leadId").asText())).isEqualTo(BEA);
        assertThat(sales.createLead(Leads.minimal())).isNotBlank();

        Reply wrongPassword = api.withPassword(BEA, "not-" + BEA_PASSWORD).query("/api/leads");
        assertProblem(wrongPassword, 401, "unauthorized");
        assertThat(wrongPassword.headers().allValues("WWW-Authenticate")).as("%s", wrongPassword)
                .containsExactly("Basic realm=\"lead-qualification\"", "Bearer realm=\"lead-qualification\"");
        Reply anonymous = api.anonymous().post("/api/leads", Leads.minimal());
        assertProblem(anonymous, 401, "unauthorized");
        assertThat(anonymous.header("WWW-Authenticate")).as("%s", anonymous).startsWith("Basic");
    }

    @Test
    void answersOfBothServicesCarrySecurityHeadersProblemsToo() {
        Api.Caller tina = bearer(ISSUER.token("id-4", "tina", List.of("SALES"), IN_AN_HOUR));
        String leadId = sales.createLead(Leads.minimal());
        List<Reply> answers = List.of(
                tina.post("/api/leads", Leads.minimal()),
                api.as(SAM).query("/api/leads"),
                api.anonymous().post("/api/leads", Leads.minimal()),
                api.anonymous().query("/api/leads"),
                bearer("not-a-token").query("/api/leads"),
                api.as(AUDREY).post("/api/leads", Leads.minimal()),
                api.as(SAM).query("/api/leads/" + leadId + "/history"),
                api.as(SAM).post("/api/leads", object("topic", "no last name")),
                api.as(SAM).query("/api/leads/" + UUID.randomUUID()),
                api.as(SAM).patch("/api/leads/" + UUID.randomUUID(), object("jobTitle", "CTO")),
                api.as(SAM).send(Api.Side.COMMAND, "POST", "/api/leads", "application/json", new byte[2_000_000]),
                api.as(SAM).query("/api/leads;jsessionid=x"),
                api.as(SAM).query("/api/leads/%2e%2e/accounts"));

        for (Reply answer : answers) {
            assertThat(answer.headers().map()).as("headers of %s", answer)
                    .containsEntry("x-content-type-options", List.of("nosniff"))
                    .containsEntry("x-frame-options", List.of("DENY"))
                    .containsEntry("cache-control", List.of("no-cache, no-store, max-age=0, must-revalidate"))
                    .containsEntry("pragma", List.of("no-cache"))
                    .containsEntry("expires", List.of("0"));
        }
        assertThat(answers).extracting(Reply::status).contains(201, 200, 401, 403, 400, 404, 413);
    }

    /**
     * A password (right and wrong), tokens (valid and refused) and a note attachment, in requests that succeed
     * and fail: refused by a rule, by validation, and failing in the database on either side (constraints this
     * test adds, as a full disk or a broken migration would). The failures are logged; the secrets are not.
     */
    @Test
    void logsShowNoPasswordTokenOrAttachmentEvenWhenRequestsFail() throws SQLException {
        String wrongPassword = "wrong-" + UUID.randomUUID();
        String token = ISSUER.token(UUID.randomUUID().toString(), "tina", List.of("SALES"), IN_AN_HOUR);
        String expiredToken = ISSUER.token(UUID.randomUUID().toString(), "tina", List.of("SALES"),
                Instant.now().minusSeconds(600));
        byte[] attachment = new byte[4_000];
        new Random().nextBytes(attachment);
        String refusedByTheEventStore = "refused_" + Leads.token();
        String refusedByTheProjection = "refused_" + Leads.token();
        execute("ALTER TABLE domain_event_entry ADD CONSTRAINT " + refusedByTheEventStore
                + " CHECK (position('" + refusedByTheEventStore + "' in convert_from(payload, 'UTF8')) = 0)");
        execute("ALTER TABLE attachment_view ADD CONSTRAINT " + refusedByTheProjection
                + " CHECK (file_name <> '" + refusedByTheProjection + "')");

        Api.Caller tina = bearer(token);
        String leadId = createLeadWith(token);
        ObjectNode offer = note("Offer", "offer.bin", "application/octet-stream", attachment);
        assertStatus(tina.post(notes(leadId), offer), 201);
        assertProblem(tina.post(notes(leadId), offer.deepCopy().put("title", refusedByTheEventStore)), 500,
                "internal-error");
        assertStatus(tina.post(notes(leadId), note("Offer", refusedByTheProjection, "application/octet-stream",
                attachment)), 201);
        assertProblem(tina.post(notes(leadId), note("Offer", "offer.bin", "no type", attachment)), 400, "validation");
        assertProblem(api.withPassword(BEA, wrongPassword).post(notes(leadId), offer), 401, "unauthorized");
        assertProblem(bearer(expiredToken).post(notes(leadId), offer), 401, "unauthorized");
        Api.Caller bea = api.withPassword(BEA, BEA_PASSWORD);
        assertStatus(tina.post("/api/leads/" + leadId + "/assign", object("ownerId", BEA)), 204);
        assertStatus(bea.post("/api/leads/" + leadId + "/disqualify",
                object("reason", "CANNOT_CONTACT", "description", "No answer.")), 204);
        assertProblem(bea.post(notes(leadId), offer), 409, "lead-closed");
        // both failures in the database were logged (so the logs were written after them)
        awaitLogged("command-side", refusedByTheEventStore);
        awaitLogged("query-side", refusedByTheProjection);
        execute("ALTER TABLE domain_event_entry DROP CONSTRAINT " + refusedByTheEventStore);
        execute("ALTER TABLE attachment_view DROP CONSTRAINT " + refusedByTheProjection);

        String base64 = Base64.getEncoder().encodeToString(attachment);
        Map<String, String> secrets = Map.of(
                "the password", BEA_PASSWORD,
                "the wrong password", wrongPassword,
                "the password's hash", BEA_PASSWORD_HASH,
                "the Basic credentials", Base64.getEncoder().encodeToString(
                        (BEA + ":" + BEA_PASSWORD).getBytes(StandardCharsets.UTF_8)),
                "the token's claims", token.split("\\.")[1],
                "the token's signature", token.split("\\.")[2],
                "the expired token's signature", expiredToken.split("\\.")[2],
                // short prefixes: a database message shows only the start of a long value
                "the attachment in base64", base64.substring(0, 24),
                "the attachment in hex (as a bytea column shows it)", HexFormat.of().formatHex(attachment, 0, 16),
                "the attachment's base64 in hex (as an event's payload column shows it)",
                HexFormat.of().formatHex(base64.substring(0, 16).getBytes(StandardCharsets.US_ASCII)));
        for (String service : List.of("command-side", "query-side")) {
            String log = log(service).toLowerCase();
            secrets.forEach((what, secret) -> {
                int at = log.indexOf(secret.toLowerCase());
                assertThat(at).as("%s in the %s log: ...%s...", what, service,
                        at < 0 ? "" : log.substring(Math.max(0, at - 300), Math.min(log.length(), at + 100))).isNegative();
            });
        }
    }

    private String createLeadWith(String token) {
        Reply created = bearer(token).post("/api/leads", Leads.minimal());
        assertStatus(created, 201);
        return created.json().path("leadId").asText();
    }

    private String firstActor(Api.Caller auditor, String leadId) {
        Reply history = auditor.query("/api/leads/" + leadId + "/history");
        assertStatus(history, 200);
        JsonNode created = history.json().get(0);
        assertThat(created.path("type").asText()).as("%s", history).isEqualTo("LeadCreated");
        return created.path("actor").asText();
    }

    private static void assertStatus(Reply reply, int status) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(status);
    }

    private Api.Caller bearer(String token) {
        return api.anonymous().withHeader("Authorization", "Bearer " + token);
    }

    private static void assertTokenRefused(Reply reply) {
        assertProblem(reply, 401, "unauthorized");
        assertThat(reply.headers().allValues("WWW-Authenticate")).as("%s", reply)
                .containsExactly("Bearer realm=\"lead-qualification\", error=\"invalid_token\"");
    }

    private static String notes(String leadId) {
        return "/api/leads/" + leadId + "/notes";
    }

    private static ObjectNode note(String title, String fileName, String mimeType, byte[] content) {
        ObjectNode note = object("title", title, "text", "Signed offer attached.");
        note.set("attachment", object("fileName", fileName, "mimeType", mimeType,
                "contentBase64", Base64.getEncoder().encodeToString(content)));
        return note;
    }

    private void execute(String statement) throws SQLException {
        try (Connection database = LiveReadModels.pointAtTheLiveGeneration(DriverManager.getConnection(
                services.database().jdbcUrl(), FreshDatabase.USER, FreshDatabase.PASSWORD));
             Statement sql = database.createStatement()) {
            sql.execute(statement);
        }
    }

    private void awaitLogged(String service, String text) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> log(service).contains(text));
    }

    private String log(String service) {
        try {
            return Files.readString(services.log(service));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
