package dev.leadqualification.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadqualification.acceptance.support.Api;
import dev.leadqualification.acceptance.support.Api.Side;
import dev.leadqualification.acceptance.support.DescribedAnswers;
import dev.leadqualification.acceptance.support.Json;
import dev.leadqualification.acceptance.support.Leads;
import dev.leadqualification.acceptance.support.Reply;
import dev.leadqualification.acceptance.support.Sales;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.leadqualification.acceptance.support.Json.object;
import static dev.leadqualification.acceptance.support.Problems.assertProblem;
import static dev.leadqualification.acceptance.support.User.ADA;
import static dev.leadqualification.acceptance.support.User.AUDREY;
import static dev.leadqualification.acceptance.support.User.SAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The OpenAPI description (API.md, "Operating it"): both services serve it and Swagger UI without credentials, it
 * is the one committed in the repository, it has every endpoint of the contract, and the answers of the main flows,
 * successes and problems, hold to it. ({@link Api} checks every answer of every acceptance test against it; this
 * test makes sure the main flows are among them, and that the check catches an answer that departs.)
 */
class ApiDescriptionIT {

    /** Every endpoint of API.md that the code has today, as (side, method, path) with the path's ids unnamed. */
    private static final List<String> CONTRACT = List.of(
            "COMMAND POST /api/leads",
            "COMMAND PATCH /api/leads/{}",
            "COMMAND PUT /api/leads/{}/qualification-details",
            "COMMAND POST /api/leads/{}/notes",
            "COMMAND POST /api/leads/{}/qualify",
            "COMMAND POST /api/leads/qualify",
            "COMMAND POST /api/leads/{}/disqualify",
            "COMMAND POST /api/leads/{}/reactivate",
            "COMMAND POST /api/accounts",
            "COMMAND POST /api/contacts",
            "COMMAND PATCH /api/opportunities/{}",
            "COMMAND POST /api/opportunities/{}/stage",
            "COMMAND POST /api/opportunities/{}/close",
            "COMMAND POST /api/opportunities/{}/reopen",
            "COMMAND POST /api/leads/{}/assign",
            "COMMAND POST /api/accounts/{}/assign",
            "COMMAND POST /api/contacts/{}/assign",
            "COMMAND POST /api/opportunities/{}/assign",
            "COMMAND GET /api/settings/lead-qualification",
            "COMMAND PUT /api/settings/lead-qualification",
            "COMMAND GET /api/duplicate-rules",
            "COMMAND POST /api/duplicate-rules",
            "COMMAND POST /api/duplicate-rules/{}/publish",
            "COMMAND POST /api/duplicate-rules/{}/unpublish",
            "COMMAND DELETE /api/duplicate-rules/{}",
            "QUERY GET /api/leads/{}",
            "QUERY GET /api/leads",
            "QUERY GET /api/accounts/{}",
            "QUERY GET /api/accounts",
            "QUERY GET /api/contacts/{}",
            "QUERY GET /api/contacts",
            "QUERY GET /api/opportunities/{}",
            "QUERY GET /api/opportunities",
            "QUERY GET /api/opportunities/{}/history",
            "QUERY GET /api/attachments/{}",
            "QUERY GET /api/leads/{}/history",
            "QUERY GET /api/events",
            "QUERY GET /api/admin/projections",
            "QUERY POST /api/admin/projections/replay",
            "QUERY GET /api/admin/publisher");

    private final Api api = Api.shared();
    private final Sales sales = new Sales(api);

    @Test
    void bothServicesServeTheCommittedDescriptionAndSwaggerUiWithoutCredentials() throws IOException {
        for (Side side : Side.values()) {
            Reply description = api.anonymous().send(side, "GET", "/v3/api-docs", null, null);
            assertThat(description.status()).as("%s", description).isEqualTo(200);
            assertThat(description.json()).as("the description %s serves", side)
                    .isEqualTo(Json.parse(Files.readAllBytes(DescribedAnswers.description(side))));
            assertThat(description.json().path("openapi").asText()).startsWith("3.1");
            Reply ui = api.anonymous().send(side, "GET", "/swagger-ui/index.html", null, null);
            assertThat(ui.status()).as("%s", ui).isEqualTo(200);
        }
    }

    @Test
    void theDescriptionHasEveryEndpointOfTheContractWithItsSecuritySchemes() throws IOException {
        List<String> described = new ArrayList<>();
        for (Side side : Side.values()) {
            JsonNode description = Json.parse(Files.readAllBytes(DescribedAnswers.description(side)));
            description.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(
                    method -> described.add(side + " " + method.toUpperCase() + " "
                            + path.getKey().replaceAll("\\{[^}]+}", "{}"))));
            JsonNode schemes = description.path("components").path("securitySchemes");
            assertThat(List.of(schemes.path("basicAuth").path("scheme").asText(),
                    schemes.path("bearerAuth").path("scheme").asText())).containsExactly("basic", "bearer");
        }
        assertThat(described).containsAll(CONTRACT);
    }

    @Test
    void theAnswersOfTheMainFlowsHoldToTheDescription() {
        // Each request goes through Api, which checks its answer against the description.
        String leadId = sales.createLead(Leads.complete());
        assertThat(api.as(SAM).put("/api/leads/" + leadId + "/qualification-details", Leads.qualificationDetails())
                .status()).isEqualTo(204);
        assertThat(api.as(SAM).patch("/api/leads/" + leadId, object("jobTitle", "Buyer")).status()).isEqualTo(204);
        String noteId = sales.addNote(leadId, object("title", "Call", "attachment", object("fileName", "a.txt",
                "mimeType", "text/plain", "contentBase64", "aGVsbG8=")));
        JsonNode result = sales.qualify(leadId, Leads.allRecords());
        api.awaitRecord("/api/opportunities/" + result.path("opportunityId").asText());
        api.awaitRecord("/api/accounts/" + result.path("accountId").asText());
        api.awaitRecord("/api/contacts/" + result.path("contactId").asText());
        api.awaitLead(leadId, Leads.qualificationCompleted());
        assertThat(api.as(SAM).query("/api/attachments/" + noteId).status()).isEqualTo(200);
        assertThat(api.as(SAM).query("/api/leads?q=" + Leads.token() + "&size=5").status()).isEqualTo(200);
        assertThat(api.as(ADA).query("/api/leads/" + leadId + "/history").status()).isEqualTo(200);
        assertThat(api.as(ADA).query("/api/admin/projections").status()).isEqualTo(200);
        assertThat(api.as(SAM).query("/api/leads/" + leadId + "?minVersion=1").status()).isEqualTo(200);

        assertProblem(api.as(SAM).post("/api/leads/" + leadId + "/qualify", Leads.allRecords()), 409, "lead-closed");
        assertThat(api.as(SAM).post("/api/leads/" + leadId + "/reactivate").status()).isEqualTo(204);
        assertProblem(api.as(SAM).post("/api/leads/" + leadId + "/reactivate"), 409, "lead-open");
        assertProblem(api.as(SAM).post("/api/leads", object("topic", "No last name")), 400, "validation");
        assertProblem(api.as(SAM).query("/api/leads/" + UUID.randomUUID()), 404, "not-found");
        assertProblem(api.anonymous().post("/api/leads", Leads.minimal()), 401, "unauthorized");
        assertProblem(api.as(AUDREY).post("/api/leads", Leads.minimal()), 403, "forbidden");
        assertProblem(api.as(SAM).query("/api/leads/" + leadId + "/history"), 403, "forbidden");
    }

    @Test
    void anAnswerThatDepartsFromTheDescriptionIsCaught() {
        HttpHeaders json = HttpHeaders.of(Map.of("Content-Type", List.of("application/problem+json")), (a, b) -> true);
        Reply undescribedSlug = new Reply("POST command-side /api/leads", 409, json,
                ("{\"type\":\"https://lead-qualification.dev/problems/made-up\",\"title\":\"Made up\",\"status\":409}")
                        .getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> DescribedAnswers.check(Side.COMMAND, "POST", "/api/leads", undescribedSlug))
                .isInstanceOf(AssertionError.class).hasMessageContaining("made-up");

        HttpHeaders plainJson = HttpHeaders.of(Map.of("Content-Type", List.of("application/json")), (a, b) -> true);
        Reply numberForId = new Reply("POST command-side /api/leads", 201, plainJson,
                "{\"leadId\":5}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> DescribedAnswers.check(Side.COMMAND, "POST", "/api/leads", numberForId))
                .isInstanceOf(AssertionError.class);

        Reply unknownStatus = new Reply("GET query-side /api/leads/{id}", 200, plainJson,
                "{\"leadId\":\"0b6f3a5e-2c1d-4e8f-9a7b-1c2d3e4f5a6b\",\"status\":\"PENDING\"}"
                        .getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> DescribedAnswers.check(Side.QUERY, "GET",
                "/api/leads/0b6f3a5e-2c1d-4e8f-9a7b-1c2d3e4f5a6b?minVersion=2", unknownStatus))
                .isInstanceOf(AssertionError.class).hasMessageContaining("PENDING");

        Reply undescribedStatus = new Reply("GET query-side /api/leads", 418, json, "{}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> DescribedAnswers.check(Side.QUERY, "GET", "/api/leads", undescribedStatus))
                .isInstanceOf(AssertionError.class);
    }
}
